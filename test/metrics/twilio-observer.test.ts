import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type TwilioCallStatus,
  TwilioClient,
  type TwilioClientOptions,
  type TwilioRequest,
} from "../../src/twilio/client.js";
import { twilioClientAt } from "../support/twilio-client.js";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";

const CREDENTIALS = {
  accountSid: "AC" + "1".repeat(32),
  username: "AC" + "1".repeat(32),
  password: "token",
};
const CREATE: TwilioRequest = {
  product: "conversations",
  operation: "test.create",
  method: "POST",
  path: "/v1/Things",
  form: [["A", "1"]],
};

type Observation = [operation: string, status: TwilioCallStatus, seconds: number];

const fake = new FakeTwilio();
let observed: Observation[];

function client(overrides: Partial<TwilioClientOptions> = {}): TwilioClient {
  return twilioClientAt(fake.url, {
    timeoutMs: 300,
    observe: (...observation) => observed.push(observation),
    ...overrides,
  });
}

beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => {
  fake.reset();
  observed = [];
});

describe("TwilioClient's observer", () => {
  it("hears each call once with its operation, status and duration", async () => {
    fake.reply({ status: 201, body: {} }, twilioError(400, 21211, "Invalid 'To'"));
    const twilio = client();
    await twilio.request(CREDENTIALS, CREATE);
    await twilio.request(CREDENTIALS, CREATE).catch(() => undefined);
    expect(observed.map(([operation, status]) => [operation, status])).toEqual([
      ["test.create", 201],
      ["test.create", 400],
    ]);
    for (const [, , seconds] of observed) {
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(5);
    }
  });

  it("hears a retried 429 once, with the final status and the wait included", async () => {
    fake.reply(
      { ...twilioError(429, 20429, "Too Many Requests"), headers: { "retry-after": "1" } },
      { status: 201, body: {} },
    );
    await client().request(CREDENTIALS, CREATE);
    expect(fake.requests).toHaveLength(2);
    expect(observed).toHaveLength(1);
    expect(observed[0]![1]).toBe(201);
    expect(observed[0]![2]).toBeGreaterThanOrEqual(0.9);
  });

  it("hears a timeout and an unreachable host without a status", async () => {
    fake.reply({ status: 201, body: {}, delayMs: 1000 });
    await client()
      .request(CREDENTIALS, CREATE)
      .catch(() => undefined);
    const offline = client({
      baseUrls: { proxy: "", flex: "", conversations: "http://127.0.0.1:9", api: "" },
    });
    await offline.request(CREDENTIALS, CREATE).catch(() => undefined);
    expect(observed.map(([, status]) => status)).toEqual(["timeout", "network_error"]);
    expect(observed[0]![2]).toBeGreaterThanOrEqual(0.3);
  });
});
