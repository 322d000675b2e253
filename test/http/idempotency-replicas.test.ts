import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeTwilio } from "../support/fake-twilio.js";
import { ACCOUNT_SID, AUTH_TOKEN, startTestGateway } from "../support/gateway.js";
import { type GatewayProcess, startGatewayProcess } from "../support/gateway-process.js";
import { postKeyed } from "../support/keyed-post.js";
import { redisServerAvailable, type RunningRedis, startRedis } from "../support/redis.js";

const CF = "CF" + "5".repeat(32);
const CA = (n: number) => "CA" + n.toString(16).padStart(32, "0");
const added = (n: number, delayMs = 0) => ({
  status: 201,
  delayMs,
  body: { account_sid: ACCOUNT_SID, conference_sid: CF, call_sid: CA(n), status: "queued" },
});
const ADD = {
  query: `mutation { addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "+15558675310" }) { callSid } }`,
};
const LEASE_MS = 1_000;

describe.skipIf(!redisServerAvailable())(
  "Idempotency-Key across built-server replicas sharing one Redis",
  () => {
    const fake = new FakeTwilio();
    let redis: RunningRedis;
    let one: GatewayProcess;
    let two: GatewayProcess;
    /** A replica that is killed in the middle of a request. */
    let doomed: GatewayProcess;

    const env = () => ({
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_TIMEOUT_MS: "10000",
      GATEWAY_AUTH: "none",
      NODE_ENV: "production",
      REDIS_URL: redis.url,
      IDEMPOTENCY_LEASE_MS: String(LEASE_MS),
    });

    beforeAll(async () => {
      [redis] = await Promise.all([startRedis(), fake.start()]);
      [one, two, doomed] = await Promise.all([
        startGatewayProcess(env()),
        startGatewayProcess(env()),
        startGatewayProcess(env()),
      ]);
    });
    afterAll(async () => {
      await Promise.all([one?.stop(), two?.stop(), doomed?.stop()]);
      await Promise.all([redis?.stop(), fake.stop()]);
    });
    beforeEach(() => fake.reset());

    const graphql = (replica: GatewayProcess) => `${replica.url}/graphql`;

    it("replays on one replica the answer another gave: a retry never dials twice", async () => {
      const key = randomUUID();
      fake.reply(added(1));
      const first = await postKeyed(graphql(one), key, ADD);
      const retry = await postKeyed(graphql(two), key, ADD);
      expect(first.json.data).toEqual({ addConferenceParticipant: { callSid: CA(1) } });
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(retry.text).toBe(first.text);
      expect(retry.status).toBe(first.status);
      expect(fake.requests).toHaveLength(1);
    });

    it("lets concurrent requests with one key on both replicas reach Twilio once", async () => {
      const key = randomUUID();
      fake.reply(added(1, 500));
      const answers = await Promise.all([
        postKeyed(graphql(one), key, ADD),
        postKeyed(graphql(two), key, ADD),
        postKeyed(graphql(one), key, ADD),
        postKeyed(graphql(two), key, ADD),
      ]);
      expect(fake.requests).toHaveLength(1);
      expect(new Set(answers.map((answer) => answer.text))).toEqual(
        new Set([JSON.stringify({ data: { addConferenceParticipant: { callSid: CA(1) } } })]),
      );
      const replayed = answers.filter((answer) => answer.headers.get("idempotent-replayed"));
      expect(replayed).toHaveLength(3);
    });

    it("refuses on one replica a key another used for a different request", async () => {
      const key = randomUUID();
      fake.reply(added(1));
      await postKeyed(graphql(one), key, ADD);
      const other = await postKeyed(graphql(two), key, {
        query: ADD.query.replace("+15558675310", "+15558675399"),
      });
      expect(other.status).toBe(422);
      expect(other.json.errors![0]!.extensions!.code).toBe("IDEMPOTENCY_KEY_REUSED");
      expect(fake.requests).toHaveLength(1);
    });

    it("answers UNKNOWN, for good, when the replica that ran the request died in the middle of it", async () => {
      const key = randomUUID();
      // Twilio holds the create: the replica is killed while it waits for the answer.
      fake.reply(added(1, 5_000));
      const lost = postKeyed(graphql(doomed), key, ADD).catch((error: Error) => error);
      while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      doomed.child.kill("SIGKILL");
      await doomed.exited;
      expect(await lost).toBeInstanceOf(Error);

      const started = Date.now();
      const retry = await postKeyed(graphql(one), key, ADD);
      // It waited for the claim's lease to run out rather than answering at once.
      expect(Date.now() - started).toBeLessThan(LEASE_MS + 2_000);
      expect(retry.status).toBe(500);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(retry.json.errors![0]!.extensions).toEqual({
        code: "IDEMPOTENCY_KEY_INTERRUPTED",
        outcome: "UNKNOWN",
      });
      const again = await postKeyed(graphql(two), key, ADD);
      expect(again.text).toBe(retry.text);
      expect(fake.requests).toHaveLength(1);
    });
  },
);

describe.skipIf(!redisServerAvailable())("Idempotency-Key when Redis goes away mid-request", () => {
  it("still answers the client: the request ran, so its answer is never withheld", async () => {
    const fake = await new FakeTwilio().start();
    const redis = await startRedis();
    const gateway = await startTestGateway(fake.url, { REDIS_URL: redis.url });
    try {
      fake.reply(added(1, 500));
      const answer = postKeyed(gateway.graphqlUrl, randomUUID(), ADD);
      while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await redis.stop();
      const answered = await answer;
      expect(answered.status).toBe(200);
      expect(answered.json.data).toEqual({ addConferenceParticipant: { callSid: CA(1) } });
      expect(gateway.logLines.join("\n")).toContain("idempotency store write failed");
    } finally {
      await gateway.close();
      await fake.stop();
    }
  });
});
