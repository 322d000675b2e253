import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeTwilio } from "../support/fake-twilio.js";
import { ACCOUNT_SID, AUTH_TOKEN } from "../support/gateway.js";
import { type GatewayProcess, startGatewayProcess } from "../support/gateway-process.js";

const CF = "CF" + "5".repeat(32);
const callSid = (i: number) => "CA" + i.toString(16).padStart(32, "0");
const TWILIO_DELAY_MS = 1500;

const fake = new FakeTwilio();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

let gateway: GatewayProcess | undefined;
afterEach(async () => {
  await gateway?.stop();
  gateway = undefined;
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_BASE_URL: fake.url,
    GATEWAY_AUTH: "none",
    LOG_LEVEL: "info",
    ...extra,
  };
}

/** One add, on a connection of its own: the answer the client got, or why it got none. */
function add(url: string, i: number): Promise<string> {
  const body = JSON.stringify({
    query: `mutation { addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "+1555867${String(i).padStart(4, "0")}" }) { callSid } }`,
  });
  return fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body,
  }).then(
    (response) => response.text(),
    (error: Error) => `failed: ${error.message}`,
  );
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

function get(url: string, agent?: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

describe.each([
  ["SIGTERM", {}],
  ["SIGTERM", { NODE_ENV: "production" }],
  ["SIGINT", { NODE_ENV: "production" }],
] as const)("the built server on %s %o", (signal, extraEnv) => {
  it("answers every create in flight, then exits 0", async () => {
    fake.reset();
    let n = 0;
    fake.setFallback(() => ({
      status: 201,
      body: { call_sid: callSid(n++), conference_sid: CF, status: "queued" },
      delayMs: TWILIO_DELAY_MS,
    }));
    gateway = await startGatewayProcess(env(extraEnv));
    const answers = Array.from({ length: 20 }, (_, i) => add(gateway!.url, i));
    await until(() => fake.requests.length === 20);

    gateway.child.kill(signal);
    const results = await Promise.all(answers);
    const exit = await gateway.exited;

    for (const text of results)
      expect(text).toMatch(/^\{"data":\{"addConferenceParticipant":\{"callSid":"CA/);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(fake.requests).toHaveLength(20);
  });
});

describe("readiness during shutdown", () => {
  it("turns /health/ready to 503 first while /health/live stays 200, then stops accepting", async () => {
    fake.reset();
    fake.setFallback({
      status: 201,
      body: { call_sid: callSid(1), conference_sid: CF },
      delayMs: 800,
    });
    gateway = await startGatewayProcess(env({ SHUTDOWN_DELAY_MS: "400", NODE_ENV: "production" }));
    expect(await get(`${gateway.url}/health/ready`)).toBe(200);
    const inFlight = add(gateway.url, 1);
    await until(() => fake.requests.length === 1);

    gateway.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await get(`${gateway.url}/health/ready`)).toBe(503);
    expect(await get(`${gateway.url}/health/live`)).toBe(200);
    expect(await get(`${gateway.url}/health`)).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(get(`${gateway.url}/health/live`)).rejects.toThrow();

    expect(await inFlight).toContain('"callSid":"CA');
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
  });

  it("cuts what is still running when SHUTDOWN_GRACE_MS is over, and exits 1", async () => {
    fake.reset();
    fake.setFallback({
      status: 201,
      body: { call_sid: callSid(1), conference_sid: CF },
      delayMs: 5000,
    });
    gateway = await startGatewayProcess(env({ SHUTDOWN_GRACE_MS: "300" }));
    const inFlight = add(gateway.url, 1);
    await until(() => fake.requests.length === 1);
    gateway.child.kill("SIGTERM");
    expect(await inFlight).toMatch(/^failed/);
    expect(await gateway.exited).toEqual({ code: 1, signal: null });
    expect(gateway.output()).toContain("requests in flight were cut");
  });
});
