import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeTwilio } from "../support/fake-twilio.js";
import { ACCOUNT_SID, AUTH_TOKEN } from "../support/gateway.js";
import { type GatewayProcess, startGatewayProcess } from "../support/gateway-process.js";
import { type RunningRedis, redisServerAvailable, startRedis } from "../support/redis.js";
import {
  type ClientSubscription,
  sseClient,
  waitForSubscriptions,
  wsClient,
} from "../support/subscriptions.js";
import { conferenceEventParams, postCallback } from "../support/twilio-callbacks.js";

/** The one URL Twilio calls, in front of both replicas. */
const PUBLIC_URL = "https://gateway.example.com";
const QUERY = `subscription { participantEvents(filter: {}) { type source participant { sid ... on ConferenceParticipant { conferenceSid callSid status } } } }`;
const sid = (prefix: string) => prefix + randomBytes(16).toString("hex");

interface Event {
  type: string;
  source: string;
  participant: { sid: string; conferenceSid: string | null; callSid: string; status: string };
}

describe.skipIf(!redisServerAvailable())("two gateway processes sharing Redis", () => {
  const fake = new FakeTwilio();
  let redis: RunningRedis;
  let replicas: GatewayProcess[] = [];
  beforeAll(async () => {
    await fake.start();
    redis = await startRedis();
    const env = {
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      PUBLIC_URL,
      REDIS_URL: redis.url,
      GATEWAY_AUTH: "none",
      LOG_LEVEL: "warn",
    };
    replicas = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.stop();
    await fake.stop();
  });

  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  /** A WebSocket and an SSE subscriber on each replica. */
  async function subscribeEverywhere(): Promise<
    Array<ClientSubscription<{ participantEvents: Event }>>
  > {
    const subscriptions = replicas.flatMap((replica) =>
      [wsClient(replica.url), sseClient(replica.url)].map((client) => {
        cleanups.push(() => client.dispose());
        return client.subscribe<{ participantEvents: Event }>({ query: QUERY });
      }),
    );
    for (const replica of replicas) await waitForSubscriptions(replica.url, 2);
    return subscriptions;
  }

  function callback(replica: GatewayProcess, params: Record<string, string>, token = randomUUID()) {
    return postCallback({
      gatewayUrl: replica.url,
      publicUrl: PUBLIC_URL,
      target: "/twilio/callbacks/conference",
      params,
      token: AUTH_TOKEN,
      headers: { "i-twilio-idempotency-token": token },
    });
  }

  it("delivers a callback received by one replica exactly once to every subscriber of each, retries included", async () => {
    const subscriptions = await subscribeEverywhere();
    const [first, second] = replicas as [GatewayProcess, GatewayProcess];
    const joined = conferenceEventParams({
      accountSid: ACCOUNT_SID,
      conferenceSid: sid("CF"),
      callSid: sid("CA"),
      event: "participant-join",
      sequenceNumber: 1,
    });
    const token = randomUUID();
    expect((await callback(second, joined, token)).status).toBe(200);
    // Twilio's retry of it, reaching the other replica.
    expect((await callback(first, joined, token)).status).toBe(200);
    const marker = { ...joined, ConferenceSid: sid("CF"), CallSid: sid("CA") };
    expect((await callback(first, marker)).status).toBe(200);

    for (const subscription of subscriptions) {
      await subscription.waitFor(2);
      expect(
        subscription.data.map(
          ({ participantEvents }) => participantEvents.participant.conferenceSid,
        ),
      ).toEqual([joined.ConferenceSid, marker.ConferenceSid]);
    }
  });

  it("files call progress received by one replica under the conference another replica added it to", async () => {
    const subscriptions = await subscribeEverywhere();
    const [first, second] = replicas as [GatewayProcess, GatewayProcess];
    const conferenceSid = sid("CF");
    const callSid = sid("CA");
    fake.reply({
      status: 201,
      body: {
        account_sid: ACCOUNT_SID,
        call_sid: callSid,
        conference_sid: conferenceSid,
        status: "queued",
      },
    });
    const added = await fetch(`${first.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation { addConferenceParticipant(input: { conferenceSid: "${conferenceSid}", from: "+15017122661", to: "+15558675310" }) { callSid } }`,
      }),
    });
    expect(((await added.json()) as { errors?: unknown }).errors).toBeUndefined();
    const ringing = {
      AccountSid: ACCOUNT_SID,
      ApiVersion: "2010-04-01",
      CallSid: callSid,
      CallStatus: "ringing",
      Direction: "outbound-api",
      From: "+15017122661",
      To: "+15558675310",
      Timestamp: "Tue, 04 Aug 2026 17:02:20 +0000",
      CallbackSource: "call-progress-events",
      SequenceNumber: "1",
    };
    expect((await callback(second, ringing)).status).toBe(200);
    for (const subscription of subscriptions) {
      await subscription.waitFor(2);
      expect(subscription.data.map(({ participantEvents }) => participantEvents)).toEqual([
        {
          type: "ADDED",
          source: "GATEWAY",
          participant: { sid: callSid, callSid, conferenceSid, status: "QUEUED" },
        },
        {
          type: "RINGING",
          source: "TWILIO",
          participant: { sid: callSid, callSid, conferenceSid, status: "RINGING" },
        },
      ]);
    }
  });
});

describe("the built server shutting down", () => {
  it.each([["SIGTERM"], ["SIGINT"]] as const)(
    "on %s completes every open subscription, closes its connections and exits 0",
    async (signal) => {
      const gateway = await startGatewayProcess({
        NODE_ENV: "production",
        GATEWAY_AUTH: "none",
        SHUTDOWN_GRACE_MS: "30000",
      });
      try {
        const ws = wsClient(gateway.url);
        const sse = sseClient(gateway.url);
        const overWs = ws.subscribe({ query: QUERY });
        const overSse = sse.subscribe({ query: QUERY });
        await waitForSubscriptions(gateway.url, 2);
        const signalled = Date.now();
        gateway.child.kill(signal);
        await Promise.all([overWs.waitUntilEnded(), overSse.waitUntilEnded()]);
        expect([overWs.completed, overWs.failure]).toEqual([true, undefined]);
        expect([overSse.completed, overSse.failure]).toEqual([true, undefined]);
        expect(await gateway.exited).toEqual({ code: 0, signal: null });
        // Not held until the grace period ran out.
        expect(Date.now() - signalled).toBeLessThan(10_000);
        // Closed cleanly: by the server (going away), or by the client first, which lets go of
        // a connection that has no subscription left.
        expect(ws.closes).toEqual([
          expect.objectContaining({ code: expect.toBeOneOf([1000, 1001]) }),
        ]);
        await Promise.all([ws.dispose(), sse.dispose()]);
      } finally {
        await gateway.stop();
      }
    },
  );
});
