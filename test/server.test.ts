import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTwilio } from "./support/fake-twilio.js";
import { startTestGateway, type TestGateway } from "./support/gateway.js";

const fake = new FakeTwilio();
let gateway: TestGateway;

beforeAll(async () => {
  await fake.start();
  gateway = await startTestGateway(fake.url);
});
afterAll(async () => {
  await gateway.close();
  await fake.stop();
});

function post(body: string, contentType = "application/json") {
  return fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });
}

describe("the HTTP server around Apollo", () => {
  it("answers /health without touching Twilio", async () => {
    const response = await fetch(`${gateway.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", mode: "live" });
    expect(fake.requests).toHaveLength(0);
  });

  it("answers an unknown path with 404", async () => {
    const response = await fetch(`${gateway.url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Not found" });
  });

  it("sends compact JSON, not Apollo's pretty-printed default", async () => {
    const response = await post(JSON.stringify({ query: "{ gatewayInfo { name } }" }));
    const text = await response.text();
    expect(text).toBe('{"data":{"gatewayInfo":{"name":"participant-gateway"}}}');
  });

  it("rejects a body that is not JSON with 400 and a BAD_REQUEST code", async () => {
    const response = await post('{"query": "{ gatewayInfo { name } }"');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe("BAD_REQUEST");
  });

  it("rejects a body over 1 MiB with 413 before parsing it", async () => {
    const huge = JSON.stringify({
      query: "{ gatewayInfo { name } }",
      pad: "x".repeat(1024 * 1024),
    });
    const response = await post(huge);
    expect(response.status).toBe(413);
  });

  it("refuses a simple (CSRF-able) POST that is not JSON", async () => {
    const response = await post("query={gatewayInfo{name}}", "text/plain");
    expect(response.status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });

  it("serves a query over GET when the request carries a preflight-forcing header", async () => {
    const query = encodeURIComponent("{ gatewayInfo { name } }");
    const response = await fetch(`${gateway.graphqlUrl}?query=${query}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { gatewayInfo: { name: "participant-gateway" } },
    });
  });

  it("keeps serving after a client drops its connection mid-request", async () => {
    const controller = new AbortController();
    const pending = fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ gatewayInfo { name } }" }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    controller.abort();
    await pending;
    const after = await gateway.graphql("{ gatewayInfo { name } }");
    expect(after.data).toEqual({ gatewayInfo: { name: "participant-gateway" } });
  });
});
