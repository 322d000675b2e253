import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { graphql, parse } from "graphql";
import { createClient as createSseClient } from "graphql-sse";
import { createClient } from "graphql-ws/client";
import { useServer } from "graphql-ws/use/ws";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import type { WatchConferenceSubscription } from "../../schema/generated/operations.js";
import { type RunningApp, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config/config.js";
import { silentLogger } from "../../src/logging/logger.js";
import { FakeTwilio } from "../support/fake-twilio.js";
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  formPairs,
  startTestGateway,
  type TestGateway,
} from "../support/gateway.js";
import { checkedInOperation } from "../support/operations.js";
import {
  ROUTER_START_MS,
  routerUnavailable,
  type RunningRouter,
  startRouter,
} from "../support/router.js";
import {
  ClientSubscription,
  openSubscriptions,
  waitForSubscriptions,
} from "../support/subscriptions.js";

const CF = "CF" + "e".repeat(32);
const CA = (n: number) => "CA" + n.toString(16).padStart(32, "0");
const CALLER_ACCOUNT = "AC" + "9".repeat(32);
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const CALLER_CREDENTIALS = basic(CALLER_ACCOUNT, "caller-token-not-real");
const CONFIGURED_CREDENTIALS = basic(ACCOUNT_SID, AUTH_TOKEN);

/** A second subgraph, as another team would write it: support tickets about calls. */
const TICKETS_SDL = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    tickets: [Ticket!]!
  }

  type Subscription {
    ticketOpened: Ticket!
  }

  type Ticket {
    id: ID!
    participant: ConferenceParticipant!
  }

  type ConferenceParticipant @key(fields: "conferenceSid callSid", resolvable: false) {
    conferenceSid: ID!
    callSid: ID!
  }
`);

// Five tickets about three distinct calls.
const TICKETS = [1, 2, 1, 3, 2].map((n, i) => ({ id: `T${i}`, callSid: CA(n) }));
type Ticket = (typeof TICKETS)[number];

/** What reached the tickets subgraph: HTTP request headers, WebSocket connections. */
const ticketsSaw = {
  headers: [] as http.IncomingHttpHeaders[],
  connections: [] as Array<{ headers: http.IncomingHttpHeaders; params: unknown }>,
};

/** The tickets subgraph: GraphQL over HTTP POST and graphql-transport-ws, both on /graphql. */
async function startTicketsSubgraph() {
  const schema = buildSubgraphSchema({
    typeDefs: TICKETS_SDL,
    resolvers: {
      Query: { tickets: () => TICKETS },
      Subscription: {
        ticketOpened: {
          async *subscribe() {
            for (const ticket of TICKETS.slice(0, 2)) yield { ticketOpened: ticket };
          },
        },
      },
      Ticket: { participant: (t: Ticket) => ({ conferenceSid: CF, callSid: t.callSid }) },
    },
  });
  const server = http.createServer(async (req, res) => {
    ticketsSaw.headers.push(req.headers);
    let body = "";
    for await (const chunk of req) body += chunk;
    const { query, variables } = JSON.parse(body) as { query: string; variables?: never };
    const result = await graphql({ schema, source: query, variableValues: variables });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
  });
  const sockets = new WebSocketServer({ server, path: "/graphql" });
  useServer(
    {
      schema,
      onConnect: (ctx) => {
        ticketsSaw.connections.push({
          headers: ctx.extra.request.headers,
          params: ctx.connectionParams,
        });
      },
    },
    sockets,
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async stop() {
      for (const socket of sockets.clients) socket.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe.skipIf(routerUnavailable)(
  routerUnavailable
    ? `a real federation router (Hive Gateway) — SKIPPED: ${routerUnavailable}`
    : "a real federation router (Hive Gateway) in front of the gateway and a tickets subgraph",
  () => {
    const fake = new FakeTwilio();
    let participants: TestGateway;
    let tickets: Awaited<ReturnType<typeof startTicketsSubgraph>>;
    let router: RunningRouter;
    const subgraphs = () => [
      { name: "participants", url: participants.graphqlUrl },
      { name: "tickets", url: tickets.url },
    ];

    beforeAll(async () => {
      await fake.start();
      // Every conference participant read answers with the participant asked for.
      fake.setFallback((request) => {
        const callSid = /Participants\/(CA[0-9a-f]{32})\.json/.exec(request.url)?.[1];
        return {
          status: 200,
          body: { call_sid: callSid, conference_sid: CF, muted: callSid === CA(2) },
        };
      });
      participants = await startTestGateway(fake.url, { TWILIO_REQUEST_CREDENTIALS: "true" });
      tickets = await startTicketsSubgraph();
      router = await startRouter({ subgraphs: subgraphs() });
    }, ROUTER_START_MS);

    afterAll(async () => {
      await router?.stop();
      await tickets?.stop();
      await participants?.close();
      await fake.stop();
    });

    beforeEach(() => {
      fake.reset();
      ticketsSaw.headers.length = 0;
      ticketsSaw.connections.length = 0;
    });

    async function viaRouter(
      query: string,
      variables?: Record<string, unknown>,
      headers: Record<string, string> = {},
      through: RunningRouter = router,
    ) {
      const response = await fetch(through.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
      expect(body.errors, `${JSON.stringify(body.errors)}\n${through.output()}`).toBeUndefined();
      return { response, data: body.data };
    }

    it("routes a query to the gateway", async () => {
      const { data } = await viaRouter(
        `{ conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA(7)}") { callSid muted } gatewayInfo { name } }`,
      );
      expect(data).toEqual({
        conferenceParticipant: { callSid: CA(7), muted: false },
        gatewayInfo: { name: "participant-gateway" },
      });
      expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        `GET /2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CF}/Participants/${CA(7)}.json`,
      ]);
    });

    it("passes the gateway's errors through with their codes, and Twilio is not called", async () => {
      const response = await fetch(router.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `mutation($input: AddConferenceParticipantInput!) { addConferenceParticipant(input: $input) { callSid } }`,
          variables: {
            input: {
              accountSid: "AC1",
              conferenceSid: CF,
              from: "+15017122661",
              to: "+15558675310",
            },
          },
        }),
      });
      const body = (await response.json()) as { errors?: Array<{ extensions?: unknown }> };
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]!.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.accountSid",
      });
      expect(fake.requests).toEqual([]);
    });

    it("sends addConferenceParticipant through the router to Twilio exactly once", async () => {
      fake.reply({ status: 201, body: { call_sid: CA(8), conference_sid: CF, status: "queued" } });
      const { data } = await viaRouter(
        `mutation($input: AddConferenceParticipantInput!) { addConferenceParticipant(input: $input) { callSid status } }`,
        { input: { conferenceSid: CF, from: "+15017122661", to: "+15558675310" } },
      );
      expect(data).toEqual({ addConferenceParticipant: { callSid: CA(8), status: "QUEUED" } });
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]!.method).toBe("POST");
      expect(fake.requests[0]!.url).toBe(
        `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CF}/Participants.json`,
      );
      expect(formPairs(fake.requests[0]!.body)).toEqual([
        ["From", "+15017122661"],
        ["To", "+15558675310"],
      ]);
    });

    it("joins tickets to their participants with one Twilio read per distinct participant", async () => {
      const { data } = await viaRouter(`{ tickets { id participant { callSid muted } } }`);
      expect(data).toEqual({
        tickets: TICKETS.map((t) => ({
          id: t.id,
          participant: { callSid: t.callSid, muted: t.callSid === CA(2) },
        })),
      });
      expect(fake.requests.map((r) => r.url).sort()).toEqual(
        [1, 2, 3].map(
          (n) => `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CF}/Participants/${CA(n)}.json`,
        ),
      );
    });

    it("forwards the caller's Authorization: Twilio sees the caller's own credentials", async () => {
      fake.reply({ status: 201, body: { call_sid: CA(9), conference_sid: CF } });
      await viaRouter(
        `mutation($input: AddConferenceParticipantInput!) { addConferenceParticipant(input: $input) { callSid } }`,
        { input: { conferenceSid: CF, from: "+15017122661", to: "+15558675310" } },
        { authorization: CALLER_CREDENTIALS },
      );
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]!.headers.authorization).toBe(CALLER_CREDENTIALS);
      expect(fake.requests[0]!.url).toContain(`/Accounts/${CALLER_ACCOUNT}/`);
    });

    it("forwards X-Request-Id, traceparent, tracestate and Idempotency-Key to every subgraph", async () => {
      const traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
      const sent = {
        "x-request-id": "router-test-request-1",
        traceparent,
        tracestate: "vendor=opaque",
        "idempotency-key": "add-once-1",
      };
      const { response } = await viaRouter(
        `{ tickets { id participant { muted } } }`,
        undefined,
        sent,
      );
      expect(ticketsSaw.headers).toHaveLength(1);
      expect(ticketsSaw.headers[0]).toMatchObject(sent);
      // The gateway logged the entity fetch under the caller's id, and the router echoes it.
      expect(
        participants.logLines.filter((line) => line.includes(sent["x-request-id"])),
      ).not.toEqual([]);
      expect(response.headers.get("x-request-id")).toBe(sent["x-request-id"]);
    });

    it(
      "without the deployed configuration, the router drops Authorization",
      async () => {
        const bare = await startRouter({ subgraphs: subgraphs(), bare: true });
        try {
          await viaRouter(
            `{ conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA(7)}") { callSid } }`,
            undefined,
            { authorization: CALLER_CREDENTIALS },
            bare,
          );
        } finally {
          await bare.stop();
        }
        expect(fake.requests[0]!.headers.authorization).toBe(CONFIGURED_CREDENTIALS);
      },
      ROUTER_START_MS,
    );

    it(
      "composes from the running subgraphs at start-up, as deploy/compose.yaml's router does",
      async () => {
        const composing = await startRouter({ subgraphs: subgraphs(), composition: "hive-dev" });
        try {
          const { data } = await viaRouter(
            `{ tickets { id participant { muted } } }`,
            undefined,
            { authorization: CALLER_CREDENTIALS },
            composing,
          );
          expect(data).toEqual({
            tickets: TICKETS.map((t) => ({
              id: t.id,
              participant: { muted: t.callSid === CA(2) },
            })),
          });
        } finally {
          await composing.stop();
        }
        expect(fake.requests.map((r) => r.headers.authorization)).toEqual(
          Array(3).fill(CALLER_CREDENTIALS),
        );
      },
      ROUTER_START_MS,
    );

    it("routes a subscription to its subgraph over WebSocket and joins each event with the caller's credentials", async () => {
      const client = createClient({
        url: router.graphqlUrl.replace("http:", "ws:"),
        webSocketImpl: WebSocket,
        // A browser cannot set headers on a WebSocket: its Authorization travels in
        // connection_init's payload.
        connectionParams: { authorization: CALLER_CREDENTIALS },
        retryAttempts: 0,
      });
      const events: unknown[] = [];
      try {
        const subscription = client.iterate({
          query: `subscription { ticketOpened { id participant { callSid muted } } }`,
        });
        for await (const event of subscription) events.push(event);
      } finally {
        await client.dispose();
      }
      expect(events).toEqual(
        TICKETS.slice(0, 2).map((t) => ({
          data: {
            ticketOpened: {
              id: t.id,
              participant: { callSid: t.callSid, muted: t.callSid === CA(2) },
            },
          },
        })),
      );
      expect(ticketsSaw.connections).toHaveLength(1);
      expect(ticketsSaw.connections[0]!.params).toEqual({ authorization: CALLER_CREDENTIALS });
      expect(ticketsSaw.connections[0]!.headers.authorization).toBe(CALLER_CREDENTIALS);
      expect(ticketsSaw.headers).toEqual([]);
      expect(fake.requests.map((r) => r.headers.authorization)).toEqual([
        CALLER_CREDENTIALS,
        CALLER_CREDENTIALS,
      ]);
    });
  },
);

describe.skipIf(routerUnavailable)(
  routerUnavailable
    ? `live participant events through Hive Gateway — SKIPPED: ${routerUnavailable}`
    : "live participant events through Hive Gateway, from a gateway that wants a key",
  () => {
    /** Obviously fake; the gateway admits nobody without it. */
    const KEY = "router-test-gateway-key-not-real";
    const AUTHORIZATION = `Bearer ${KEY}`;
    const WATCH_CONFERENCE = checkedInOperation("events.graphql", "WatchConference");
    type Event = WatchConferenceSubscription["participantEvents"];

    let simulator: RunningApp;
    let tickets: Awaited<ReturnType<typeof startTicketsSubgraph>>;
    let router: RunningRouter;

    beforeAll(async () => {
      // `npm start` with no Twilio variables (the embedded simulator rings the calls it is
      // asked to place and calls the gateway back, signed), plus a key and a quick call clock.
      simulator = await startApp(
        loadConfig({
          PORT: "0",
          GATEWAY_API_KEYS: KEY,
          SIMULATOR_CALL_PROGRESS_STEP_MS: "50",
        }),
        silentLogger,
      );
      tickets = await startTicketsSubgraph();
      router = await startRouter({
        subgraphs: [
          {
            name: "participants",
            url: simulator.gateway.graphqlUrl,
            headers: { authorization: AUTHORIZATION },
          },
          { name: "tickets", url: tickets.url },
        ],
      });
    }, ROUTER_START_MS);

    afterAll(async () => {
      await router?.stop();
      await tickets?.stop();
      await simulator?.close();
    });

    const conferenceSid = () => "CF" + randomBytes(16).toString("hex");

    /** A participant added through the router, as a client with the key would. */
    async function addThroughRouter(conference: string): Promise<string> {
      const response = await fetch(router.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: AUTHORIZATION },
        body: JSON.stringify({
          query: `mutation($input: AddConferenceParticipantInput!) { addConferenceParticipant(input: $input) { callSid } }`,
          variables: {
            input: { conferenceSid: conference, from: "+15017122661", to: "+15558675310" },
          },
        }),
      });
      const body = (await response.json()) as {
        data?: { addConferenceParticipant: { callSid: string } };
        errors?: unknown;
      };
      expect(body.errors, `${JSON.stringify(body.errors)}\n${router.output()}`).toBeUndefined();
      return body.data!.addConferenceParticipant.callSid;
    }

    /** Subscribes through the router, adds a participant, and checks the events that follow. */
    async function followsACall(
      subscribe: (variables: Record<string, unknown>) => {
        subscription: ClientSubscription<WatchConferenceSubscription>;
        dispose: () => unknown;
      },
    ) {
      const conference = conferenceSid();
      const { subscription, dispose } = subscribe({ filter: { conferenceSid: conference } });
      try {
        // The router has opened the subscription at the gateway: no event can be missed.
        await waitForSubscriptions(simulator.gateway.url, 1);
        const callSid = await addThroughRouter(conference);
        await subscription.waitFor(5);
        for (const payload of subscription.payloads) expect(payload.errors).toBeUndefined();
        const events: Event[] = subscription.data.map((data) => data.participantEvents);
        expect(events[0]).toMatchObject({ type: "ADDED", source: "GATEWAY" });
        // Separate callbacks may arrive in any order: JOINED may come before ANSWERED.
        expect(events.map((event) => event.type).sort()).toEqual(
          ["ADDED", "ANSWERED", "INITIATED", "JOINED", "RINGING"].sort(),
        );
        for (const event of events) {
          expect(event.participant).toMatchObject({
            __typename: "ConferenceParticipant",
            callSid,
            conferenceSid: conference,
          });
        }
      } finally {
        await dispose();
      }
      await waitForSubscriptions(simulator.gateway.url, 0);
    }

    it("a WebSocket client (its key in connection_init) sees a call added through the router", async () => {
      await followsACall((variables) => {
        const client = createClient({
          url: router.graphqlUrl.replace("http:", "ws:"),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: AUTHORIZATION },
          retryAttempts: 0,
        });
        let stop = () => {};
        const subscription = new ClientSubscription<WatchConferenceSubscription>(() => stop());
        stop = client.subscribe({ query: WATCH_CONFERENCE, variables }, subscription.sink());
        return { subscription, dispose: () => client.dispose() };
      });
    });

    it("an SSE client (its key in the Authorization header) sees a call added through the router", async () => {
      await followsACall((variables) => {
        const client = createSseClient({
          url: router.graphqlUrl,
          headers: { authorization: AUTHORIZATION },
          retryAttempts: 0,
        });
        let stop = () => {};
        const subscription = new ClientSubscription<WatchConferenceSubscription>(() => stop());
        stop = client.subscribe({ query: WATCH_CONFERENCE, variables }, subscription.sink());
        return { subscription, dispose: () => client.dispose() };
      });
    });

    it("a client without the key is refused by the gateway behind the router", async () => {
      const client = createClient({
        url: router.graphqlUrl.replace("http:", "ws:"),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      const subscription = new ClientSubscription<WatchConferenceSubscription>(() => {});
      try {
        client.subscribe(
          { query: WATCH_CONFERENCE, variables: { filter: { conferenceSid: conferenceSid() } } },
          subscription.sink(),
        );
        await subscription.waitUntilEnded();
      } finally {
        await client.dispose();
      }
      // Hive Gateway passes the gateway's refusal (its WebSocket closed with 4401) on as one
      // error, without the reason, and ends the subscription.
      expect(subscription.payloads).toEqual([{ errors: [expect.any(Object)] }]);
      expect(subscription.completed).toBe(true);
      expect(await openSubscriptions(simulator.gateway.url)).toBe(0);
    });
  },
);
