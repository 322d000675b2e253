import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CANARY, expectNoCanaries } from "../support/canaries.js";
import { type FakeResponse, FakeTwilio } from "../support/fake-twilio.js";
import { ACCOUNT_SID, AUTH_TOKEN, formPairs } from "../support/gateway.js";
import { type GatewayProcess, startGatewayProcess } from "../support/gateway-process.js";
import { postKeyed } from "../support/keyed-post.js";
import { type RunningRedis, redisServerAvailable, startRedis } from "../support/redis.js";
import { type RoundRobinProxy, startRoundRobinProxy } from "../support/round-robin-proxy.js";
import {
  ROUTER_START_MS,
  routerUnavailable,
  type RunningRouter,
  startRouter,
} from "../support/router.js";
import { openSubscriptions, until, wsClient } from "../support/subscriptions.js";
import { conferenceEventParams, postCallback } from "../support/twilio-callbacks.js";

/**
 * deploy/compose.yaml's topology, as processes on loopback: clients → Hive Gateway (with
 * deploy/hive-gateway/gateway.config.ts) → a round-robin proxy standing in for the load balancer
 * → two built gateway replicas in live mode sharing one redis-server and one (fake) Twilio.
 */

const API_KEY = CANARY.gatewayKey;
/** The account's next auth token, during a rotation: Twilio may sign callbacks with either. */
const NEXT_AUTH_TOKEN = "next-auth-token-not-real-5d1e";
const SHUTDOWN_DELAY_MS = 2_000;
const sid = (prefix: string) => prefix + randomBytes(16).toString("hex");

const ADD = `mutation($input: AddConferenceParticipantInput!) {
  addConferenceParticipant(input: $input) { callSid conferenceSid status }
}`;
const addBody = (conferenceSid: string) => ({
  query: ADD,
  variables: { input: { conferenceSid, from: "+15017122661", to: "+15558675310" } },
});
const created = (conferenceSid: string, callSid: string, delayMs = 0): FakeResponse => ({
  status: 201,
  delayMs,
  body: {
    account_sid: ACCOUNT_SID,
    conference_sid: conferenceSid,
    call_sid: callSid,
    status: "queued",
  },
});

interface ParticipantEvent {
  type: string;
  source: string;
  participant: { callSid: string; conferenceSid: string | null };
}

const canRun = !routerUnavailable && redisServerAvailable();

describe.skipIf(!canRun)(
  canRun
    ? "Hive Gateway in front of two built replicas sharing Redis, through a round-robin proxy"
    : `the multi-replica topology — SKIPPED: ${routerUnavailable ?? "no redis-server"}`,
  () => {
    const fake = new FakeTwilio();
    let redis: RunningRedis;
    let proxy: RoundRobinProxy;
    const replicas: GatewayProcess[] = [];
    let router: RunningRouter;
    /** Stops whatever was started, last first: also after a start that failed half-way. */
    const stops: Array<() => Promise<void>> = [];

    /** Every replica's environment, as deployed: the same for each. */
    const replicaEnv = () => ({
      NODE_ENV: "production",
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_CALLBACK_AUTH_TOKENS: NEXT_AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_PROXY_BASE_URL: fake.url,
      TWILIO_FLEX_BASE_URL: fake.url,
      TWILIO_CONVERSATIONS_BASE_URL: fake.url,
      REDIS_URL: redis.url,
      PUBLIC_URL: proxy.url,
      GATEWAY_API_KEYS: API_KEY,
      SHUTDOWN_DELAY_MS: String(SHUTDOWN_DELAY_MS),
      SHUTDOWN_GRACE_MS: "10000",
      LOG_LEVEL: "info",
    });

    beforeAll(async () => {
      await fake.start();
      stops.push(() => fake.stop());
      redis = await startRedis();
      stops.push(() => redis.stop());
      // The proxy comes first: it is the address Twilio calls back (PUBLIC_URL), like the
      // ingress in front of the replicas in production.
      proxy = await startRoundRobinProxy();
      stops.push(() => proxy.stop());

      const starts = await Promise.allSettled([
        startGatewayProcess(replicaEnv()),
        startGatewayProcess(replicaEnv()),
      ]);
      for (const start of starts) {
        if (start.status === "fulfilled") {
          replicas.push(start.value);
          stops.push(() => start.value.stop());
        }
      }
      // A worker torn down before afterAll (a crash) must not leave replicas running.
      const killReplicas = () => replicas.forEach((replica) => replica.child.kill("SIGKILL"));
      process.once("exit", killReplicas);
      stops.push(async () => void process.off("exit", killReplicas));
      const failed = starts.find((start) => start.status === "rejected");
      if (failed) throw failed.reason;

      proxy.setBackends(replicas.map((replica) => replica.url));
      await proxy.untilInRotation(replicas.map((replica) => replica.url));
      // On a supergraph composed before it starts, as in production (composed in CI, with a key
      // to read the SDL): a router on a file makes no request of its own, so every request the
      // proxy sees is a client's and the proxy's turns alternate between the replicas.
      router = await startRouter({
        subgraphs: SUBGRAPHS(),
        introspectionHeaders: { authorization: `Bearer ${API_KEY}` },
      });
      stops.push(() => router.stop());
    }, ROUTER_START_MS + 30_000);

    afterAll(async () => {
      const outputs = [...replicas.map((replica) => replica.output()), router?.output() ?? ""];
      const failures: unknown[] = [];
      for (const stop of stops.splice(0).reverse()) await stop().catch((e) => failures.push(e));
      if (failures.length > 0) throw failures[0];
      // Secrets appear in no log: the replicas' nor the router's.
      expectNoCanaries(outputs);
    });

    beforeEach(() => fake.reset());

    const SUBGRAPHS = () => [{ name: "participants", url: `${proxy.url}/graphql` }];

    /** A GraphQL request through the router, as a client sends it. */
    const viaRouter = (
      body: Record<string, unknown>,
      headers: { requestId: string; idempotencyKey?: string; authorization?: string | null },
    ) =>
      postKeyed(router.graphqlUrl, headers.idempotencyKey, body, {
        "x-request-id": headers.requestId,
        ...(headers.authorization === null
          ? {}
          : { authorization: headers.authorization ?? `Bearer ${API_KEY}` }),
      });

    /** The replica the proxy sent a request to, by its X-Request-Id. */
    function routedTo(requestId: string): GatewayProcess {
      const backends = proxy.routed.filter((r) => r.requestId === requestId).map((r) => r.backend);
      expect(backends, `where ${requestId} went`).toHaveLength(1);
      return replicas.find((replica) => replica.url === backends[0])!;
    }

    /** The replica that answered a request: the proxy sent it there, and only that one logged it. */
    function answeredBy(requestId: string): GatewayProcess {
      const replica = routedTo(requestId);
      const logged = replicas.filter((candidate) => logLines(candidate, requestId).length > 0);
      expect(logged.map((candidate) => candidate.url)).toEqual([replica.url]);
      return replica;
    }

    const logLines = (replica: GatewayProcess, requestId: string) =>
      replica
        .output()
        .split("\n")
        .filter((line) => line.includes(`"requestId":"${requestId}"`))
        .map((line) => JSON.parse(line) as { message: string; idempotency?: string });

    const other = (replica: GatewayProcess) => replicas.find((r) => r !== replica)!;

    it("has both replicas ready and live, both in the proxy's rotation, and the router ready", async () => {
      for (const replica of replicas) {
        expect((await fetch(`${replica.url}/health/ready`)).status).toBe(200);
        expect((await fetch(`${replica.url}/health/live`)).status).toBe(200);
      }
      expect(proxy.inRotation().sort()).toEqual(replicas.map((r) => r.url).sort());
      expect((await fetch(`${router.url}/readiness`)).status).toBe(200);
    });

    it("adds a participant through the router with the caller's key: Twilio is called once", async () => {
      const conferenceSid = sid("CF");
      const callSid = sid("CA");
      fake.reply(created(conferenceSid, callSid));
      const answer = await viaRouter(addBody(conferenceSid), { requestId: "topology-add" });
      expect(answer.json).toEqual({
        data: { addConferenceParticipant: { callSid, conferenceSid, status: "QUEUED" } },
      });
      expect(fake.requests).toHaveLength(1);
      const create = fake.requests[0]!;
      expect(`${create.method} ${create.url}`).toBe(
        `POST /2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${conferenceSid}/Participants.json`,
      );
      // Twilio is asked to call back the public URL (the load balancer), not the replica.
      expect(formPairs(create.body)).toContainEqual([
        "StatusCallback",
        `${proxy.url}/twilio/callbacks/conference`,
      ]);
      answeredBy("topology-add");
    });

    it("refuses a caller without the gateway's key through the router, and Twilio is not called", async () => {
      const answer = await viaRouter(addBody(sid("CF")), {
        requestId: "topology-anonymous",
        authorization: null,
      });
      // The gateway's 401 reaches the client as the router's: HTTP 200, the field null, the
      // error with its code.
      expect(answer.status).toBe(200);
      expect(answer.json.data).toEqual({ addConferenceParticipant: null });
      expect(answer.json.errors?.map((error) => error.extensions?.code)).toEqual([
        "UNAUTHENTICATED",
      ]);
      expect(fake.requests).toEqual([]);
    });

    it("replays a retry that lands on the other replica: one Twilio create, Idempotent-Replayed reaches the client", async () => {
      const conferenceSid = sid("CF");
      const callSid = sid("CA");
      const idempotencyKey = randomUUID();
      fake.reply(created(conferenceSid, callSid));
      // The proxy takes turns per request and the router sends nothing of its own, so a retry
      // right after the first attempt reaches the other replica (asserted below, from the
      // proxy's record and the replicas' logs).
      const first = await viaRouter(addBody(conferenceSid), {
        requestId: "topology-first-attempt",
        idempotencyKey,
      });
      const retry = await viaRouter(addBody(conferenceSid), {
        requestId: "topology-retry",
        idempotencyKey,
      });

      const ranOn = answeredBy("topology-first-attempt");
      const replayedOn = answeredBy("topology-retry");
      expect(replayedOn).toBe(other(ranOn));
      expect(logLines(ranOn, "topology-first-attempt").map((line) => line.message)).toContain(
        "graphql request",
      );
      expect(logLines(replayedOn, "topology-retry")).toContainEqual(
        expect.objectContaining({ message: "idempotent request", idempotency: "replayed" }),
      );

      expect(first.json).toEqual({
        data: { addConferenceParticipant: { callSid, conferenceSid, status: "QUEUED" } },
      });
      expect(retry.json).toEqual(first.json);
      expect(first.headers.get("idempotent-replayed")).toBeNull();
      expect(retry.headers.get("idempotent-replayed")).toBe("true");

      // The same key with another request is refused, whichever replica it reaches; the
      // gateway's 422 reaches the client as a field error with its code and outcome.
      const reused = await viaRouter(
        {
          ...addBody(conferenceSid),
          variables: { input: { conferenceSid, from: "+15017122661", to: "+15558675399" } },
        },
        { requestId: "topology-reused", idempotencyKey },
      );
      expect(reused.status).toBe(200);
      expect(reused.json.data).toEqual({ addConferenceParticipant: null });
      expect(reused.json.errors?.map((error) => error.extensions)).toEqual([
        expect.objectContaining({ code: "IDEMPOTENCY_KEY_REUSED", outcome: "NOT_SENT" }),
      ]);
      expect(fake.requests).toHaveLength(1);
    });

    it("delivers to a subscriber on one replica the events of the other: the gateway's ADDED and a Twilio callback", async () => {
      const conferenceSid = sid("CF");
      const callSid = sid("CA");
      const client = wsClient(router.url, {
        connectionParams: { authorization: `Bearer ${API_KEY}` },
      });
      try {
        const subscription = client.subscribe<{ participantEvents: ParticipantEvent }>({
          query: `subscription { participantEvents(filter: { conferenceSid: "${conferenceSid}" }) {
            type source participant { ... on ConferenceParticipant { callSid conferenceSid } } } }`,
        });
        // The router's upstream WebSocket reached one replica: that one holds the subscription.
        let open: number[] = [];
        await until(
          () => open.join() === "1,0" || open.join() === "0,1",
          10_000,
          () => `open subscriptions per replica: ${open.join()}`,
          async () => {
            open = await Promise.all(replicas.map((replica) => openSubscriptions(replica.url)));
          },
        );
        const holder = replicas[open.indexOf(1)]!;
        expect(proxy.routed.filter((r) => r.kind === "websocket").at(-1)?.backend).toBe(holder.url);

        // An add through the router, run by the other replica (the proxy's next turn).
        fake.reply(created(conferenceSid, callSid));
        const added = await viaRouter(addBody(conferenceSid), { requestId: "topology-live-add" });
        expect(added.json.errors).toBeUndefined();
        expect(answeredBy("topology-live-add")).toBe(other(holder));

        // Twilio's callback about it reaches the other replica too: signed for the public URL
        // (each replica checks against it, not its own address) with the account's next token.
        const callback = await postCallback({
          gatewayUrl: other(holder).url,
          publicUrl: proxy.url,
          target: "/twilio/callbacks/conference",
          params: conferenceEventParams({
            accountSid: ACCOUNT_SID,
            conferenceSid,
            callSid,
            event: "participant-join",
            sequenceNumber: 2,
          }),
          token: NEXT_AUTH_TOKEN,
        });
        expect(callback.status).toBe(200);

        await subscription.waitFor(2);
        expect(subscription.payloads.map((payload) => payload.errors)).toEqual([
          undefined,
          undefined,
        ]);
        expect(subscription.data.map(({ participantEvents }) => participantEvents)).toEqual([
          { type: "ADDED", source: "GATEWAY", participant: { callSid, conferenceSid } },
          { type: "JOINED", source: "TWILIO", participant: { callSid, conferenceSid } },
        ]);
      } finally {
        await client.dispose();
      }
    });

    it(
      "composes at start-up from replicas with access control, as deploy/compose.yaml's router does, with the router's own key",
      async () => {
        const composing = await startRouter({
          subgraphs: SUBGRAPHS(),
          composition: "hive-dev",
          env: { ROUTER_GATEWAY_API_KEY: API_KEY },
        });
        try {
          const answer = await postKeyed(
            composing.graphqlUrl,
            undefined,
            {
              query: "{ gatewayInfo { name } }",
            },
            { authorization: `Bearer ${API_KEY}` },
          );
          expect(answer.json).toEqual({ data: { gatewayInfo: { name: "participant-gateway" } } });
          // The key went with the SDL requests only: a client without one is still refused.
          const anonymous = await postKeyed(composing.graphqlUrl, undefined, {
            query: "{ gatewayInfo { name } }",
          });
          expect(anonymous.json.errors?.map((error) => error.extensions?.code)).toContain(
            "UNAUTHENTICATED",
          );
        } finally {
          await composing.stop();
        }
        expectNoCanaries([composing.output()]);
      },
      ROUTER_START_MS,
    );

    it("keeps serving through one replica while the other is stopped mid-request (a rolling update)", async () => {
      const conferenceSid = sid("CF");
      const [slowCall, duringCall] = [sid("CA"), sid("CA")];
      // Twilio holds the first create while its replica is told to stop.
      fake.reply(created(conferenceSid, slowCall, SHUTDOWN_DELAY_MS + 500));
      fake.reply(created(conferenceSid, duringCall));
      const inFlight = viaRouter(addBody(conferenceSid), {
        requestId: "topology-in-flight",
        idempotencyKey: randomUUID(),
      }).catch((error: Error) => error);
      await until(
        () => fake.requests.length === 1,
        10_000,
        () => "the create never reached Twilio",
      );
      // Not logged yet (a request is logged as it is answered): the proxy says where it went.
      const stopping = routedTo("topology-in-flight");
      const staying = other(stopping);
      stopping.child.kill("SIGTERM");

      // It says it is not ready (while still accepting), and the load balancer stops sending.
      let readiness = 0;
      await until(
        () => readiness === 503,
        5_000,
        () => `readiness ${readiness}`,
        async () => {
          readiness = await fetch(`${stopping.url}/health/ready`).then(
            (response) => response.status,
            () => 0,
          );
        },
      );
      await proxy.untilInRotation([staying.url], 5_000);

      const during = await viaRouter(addBody(conferenceSid), { requestId: "topology-during" });
      expect(during.json).toEqual({
        data: {
          addConferenceParticipant: { callSid: duringCall, conferenceSid, status: "QUEUED" },
        },
      });
      expect(answeredBy("topology-during")).toBe(staying);

      // The request in flight is answered, through the router, before the replica exits.
      const answered = await inFlight;
      if (answered instanceof Error) throw answered;
      expect(answered.json).toEqual({
        data: { addConferenceParticipant: { callSid: slowCall, conferenceSid, status: "QUEUED" } },
      });
      expect(answeredBy("topology-in-flight")).toBe(stopping);
      expect(await stopping.exited).toEqual({ code: 0, signal: null });

      const after = await viaRouter(
        { query: "{ gatewayInfo { name } }" },
        {
          requestId: "topology-after",
        },
      );
      expect(after.json).toEqual({ data: { gatewayInfo: { name: "participant-gateway" } } });
      expect(answeredBy("topology-after")).toBe(staying);
      expect(fake.requests.map((request) => request.method)).toEqual(["POST", "POST"]);

      // The update rolls on: a new replica takes the stopped one's place in the rotation, so the
      // tests after this one (in a shuffled run) find two replicas again.
      const replacement = await startGatewayProcess(replicaEnv());
      stops.push(() => replacement.stop());
      replicas.splice(replicas.indexOf(stopping), 1, replacement);
      proxy.setBackends(replicas.map((replica) => replica.url));
      await proxy.untilInRotation(replicas.map((replica) => replica.url));
    }, 30_000);
  },
);
