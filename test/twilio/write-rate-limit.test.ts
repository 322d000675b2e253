import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeTwilio } from "../support/fake-twilio.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";
import { redisServerAvailable, type RunningRedis, startRedis } from "../support/redis.js";

const CF = "CF" + "a".repeat(32);
const CA = "CA" + "b".repeat(32);
const KEY_A = "rate-limit-test-key-aaaa";
const KEY_B = "rate-limit-test-key-bbbb";
const as = (key: string) => ({ authorization: `Bearer ${key}` });

const add = (n: number) =>
  `addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "+1555867${String(n).padStart(4, "0")}" }) { callSid }`;
const ADD = `mutation { ${add(0)} }`;
const FETCH = `{ conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA}") { callSid } }`;
const REMOVE = `mutation { removeConferenceParticipant(input: { conferenceSid: "${CF}", callSid: "${CA}" }) { callSid } }`;

const fake = new FakeTwilio();
beforeAll(async () => {
  await fake.start();
  fake.setFallback((request) =>
    request.method === "DELETE"
      ? { status: 204 }
      : { status: 200, body: { call_sid: CA, conference_sid: CF } },
  );
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

function keyed(env: Record<string, string>): Promise<TestGateway> {
  return startTestGateway(fake.url, { GATEWAY_API_KEYS: `${KEY_A},${KEY_B}`, ...env });
}

/** The codes of one request's errors, in order; [] when it succeeded. */
async function codes(gateway: TestGateway, query: string, key: string): Promise<unknown[]> {
  const result = await gateway.graphql(query, undefined, as(key));
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

describe("the write rate limit per caller (TWILIO_WRITE_RATE_LIMIT, TWILIO_WRITE_RATE_BURST)", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await keyed({ TWILIO_WRITE_RATE_LIMIT: "2/m" });
  });
  afterAll(() => gateway.close());

  it("lets a whole unit's writes through at once, then refuses with RATE_LIMITED and retryAfterMs, sending nothing", async () => {
    expect(await codes(gateway, ADD, KEY_A)).toEqual([]);
    expect(await codes(gateway, REMOVE, KEY_A)).toEqual([]);
    // The remove reads the participant first (a GET, not limited) to return it.
    expect(fake.requests.map((r) => r.method)).toEqual(["POST", "GET", "DELETE"]);
    fake.reset();

    const refused = await gateway.graphql(ADD, undefined, as(KEY_A));
    expect(refused.errors).toHaveLength(1);
    const { code, retryAfterMs } = refused.errors![0]!.extensions!;
    expect(code).toBe("RATE_LIMITED");
    // One write every 30 s: the next comes within that.
    expect(retryAfterMs).toBeGreaterThan(25_000);
    expect(retryAfterMs).toBeLessThanOrEqual(30_000);
    expect(refused.errors![0]!.message).toMatch(/TWILIO_WRITE_RATE_LIMIT/);
    expect(fake.requests).toHaveLength(0);
  });

  it("keeps every caller's bucket apart", async () => {
    expect(await codes(gateway, ADD, KEY_B)).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it("leaves reads alone", async () => {
    expect(await codes(gateway, FETCH, KEY_A)).toEqual([]);
    expect(fake.requests.map((r) => r.method)).toEqual(["GET"]);
  });
});

it("refuses only the writes beyond the burst in one request", async () => {
  const gateway = await keyed({ TWILIO_WRITE_RATE_LIMIT: "1/h", TWILIO_WRITE_RATE_BURST: "2" });
  try {
    const result = await gateway.graphql(
      `mutation { a: ${add(1)} b: ${add(2)} c: ${add(3)} }`,
      undefined,
      as(KEY_A),
    );
    expect(result.errors!.map((error) => error.extensions!.code)).toEqual(["RATE_LIMITED"]);
    expect(fake.requests).toHaveLength(2);
  } finally {
    await gateway.close();
  }
});

it("refills at the configured rate", async () => {
  // Two a second: slow enough that the second write comes before the refill on a loaded machine.
  const gateway = await keyed({ TWILIO_WRITE_RATE_LIMIT: "2/s", TWILIO_WRITE_RATE_BURST: "1" });
  try {
    expect(await codes(gateway, ADD, KEY_A)).toEqual([]);
    const refused = await gateway.graphql(ADD, undefined, as(KEY_A));
    const retryAfterMs = refused.errors![0]!.extensions!.retryAfterMs as number;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(500);
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs + 5));
    expect(await codes(gateway, ADD, KEY_A)).toEqual([]);
    expect(fake.requests).toHaveLength(2);
  } finally {
    await gateway.close();
  }
});

describe.skipIf(!redisServerAvailable())("shared through Redis (REDIS_URL)", () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  it("is one bucket per caller for every gateway sharing the Redis", async () => {
    const env = { TWILIO_WRITE_RATE_LIMIT: "3/m", REDIS_URL: redis.url };
    const [one, two] = await Promise.all([keyed(env), keyed(env)]);
    try {
      expect(await codes(one, ADD, KEY_A)).toEqual([]);
      expect(await codes(two, ADD, KEY_A)).toEqual([]);
      expect(await codes(one, ADD, KEY_A)).toEqual([]);
      expect(await codes(two, ADD, KEY_A)).toEqual(["RATE_LIMITED"]);
      expect(await codes(one, ADD, KEY_A)).toEqual(["RATE_LIMITED"]);
      expect(await codes(two, ADD, KEY_B)).toEqual([]);
      expect(fake.requests).toHaveLength(4);
      const refused = await two.graphql(ADD, undefined, as(KEY_A));
      const retryAfterMs = refused.errors![0]!.extensions!.retryAfterMs as number;
      expect(retryAfterMs).toBeGreaterThan(15_000);
      expect(retryAfterMs).toBeLessThanOrEqual(20_000);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("limits in each gateway alone while Redis cannot be reached", async () => {
    const gone = await startRedis();
    await gone.stop();
    const gateway = await keyed({
      TWILIO_WRITE_RATE_LIMIT: "1/h",
      REDIS_URL: gone.url,
    });
    try {
      expect(await codes(gateway, ADD, KEY_A)).toEqual([]);
      expect(await codes(gateway, ADD, KEY_A)).toEqual(["RATE_LIMITED"]);
      expect(fake.requests).toHaveLength(1);
      expect(gateway.logLines.join("\n")).toContain("Redis unavailable, limiting in this replica");
    } finally {
      await gateway.close();
    }
  });
});
