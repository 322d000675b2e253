import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTwilio } from "./support/fake-twilio.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";

const APP = "https://app.example.com";
const fake = new FakeTwilio();
let open: TestGateway;
let listed: TestGateway;
let closed: TestGateway;

beforeAll(async () => {
  await fake.start();
  // `*` needs access control on live Twilio: every caller then holds a key of its own.
  open = await startTestGateway(fake.url, {
    CORS_ORIGINS: "*",
    GATEWAY_API_KEYS: "cors-test-gateway-key-0001",
  });
  listed = await startTestGateway(fake.url, { CORS_ORIGINS: `${APP}, https://admin.example.com` });
  closed = await startTestGateway(fake.url);
});
afterAll(async () => {
  await Promise.all([open.close(), listed.close(), closed.close()]);
  await fake.stop();
});

function preflight(gateway: TestGateway, origin: string) {
  return fetch(gateway.graphqlUrl, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type, authorization",
    },
  });
}

function query(gateway: TestGateway, origin: string) {
  return fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { origin, "content-type": "application/json" },
    body: JSON.stringify({ query: "{ gatewayInfo { name } }" }),
  });
}

describe("CORS for browser apps on other origins", () => {
  it("answers a preflight from a listed origin and lets its request through", async () => {
    const answer = await preflight(listed, APP);
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe(APP);
    expect(answer.headers.get("access-control-allow-methods")).toBe("GET, POST, OPTIONS");
    expect(answer.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(answer.headers.get("access-control-allow-headers")).toContain("x-request-id");
    expect(answer.headers.get("access-control-allow-headers")).toContain("idempotency-key");
    expect(answer.headers.get("vary")).toBe("origin");

    const result = await query(listed, APP);
    expect(result.headers.get("access-control-allow-origin")).toBe(APP);
    expect(result.headers.get("access-control-expose-headers")).toBe(
      "x-request-id, idempotent-replayed, retry-after",
    );
    expect(await result.json()).toEqual({ data: { gatewayInfo: { name: "participant-gateway" } } });
  });

  it("gives an unlisted origin no CORS headers", async () => {
    const answer = await query(listed, "https://evil.example.com");
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows any origin with *", async () => {
    const answer = await preflight(open, "http://localhost:5173");
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("is off by default", async () => {
    const answer = await query(closed, APP);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    expect(answer.status).toBe(200);
  });
});
