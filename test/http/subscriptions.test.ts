import { randomBytes } from "node:crypto";
import http from "node:http";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { conferenceRecord } from "../events/fixtures.js";
import { FakeTwilio } from "../support/fake-twilio.js";
import {
  ACCOUNT_SID,
  startTestGateway,
  type TestGateway,
  useGatewayOnFakeTwilio,
} from "../support/gateway.js";
import { type RunningRedis, redisServerAvailable, startRedis } from "../support/redis.js";
import {
  type ClientSubscription,
  sseClient,
  until,
  useSubscriptionCleanups,
  waitForSubscriptions,
  wsClient,
} from "../support/subscriptions.js";

const OTHER_ACCOUNT = "AC" + "c".repeat(32);
const OTHER_TOKEN = "other-account-token-not-real";
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const CF = () => "CF" + randomBytes(16).toString("hex");

const ALL = `subscription { participantEvents(filter: {}) { type participant { sid accountSid ... on ConferenceParticipant { conferenceSid } } } }`;

/** The gateway's access control: two callers, each with an API key. */
const KEY_A = "subscriber-key-a-not-real-000000";
const KEY_B = "subscriber-key-b-not-real-000000";
const bearer = (key: string) => `Bearer ${key}`;

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake, {
  GATEWAY_API_KEYS: `${KEY_A},${KEY_B}`,
  TWILIO_REQUEST_CREDENTIALS: "true",
  SUBSCRIPTIONS_PER_CONNECTION: "2",
  SUBSCRIPTIONS_PER_PRINCIPAL: "3",
  SUBSCRIPTION_KEEPALIVE_MS: "100",
  CORS_ORIGINS: "https://app.example.com",
});
const cleanups = useSubscriptionCleanups(() => gateway.url);

function ws(
  options: Parameters<typeof wsClient>[1] = { connectionParams: { authorization: bearer(KEY_A) } },
) {
  const client = wsClient(gateway.url, options);
  cleanups.push(() => client.dispose());
  return client;
}

function sse(headers: Record<string, string> = { authorization: bearer(KEY_A) }) {
  const client = sseClient(gateway.url, headers);
  cleanups.push(() => client.dispose());
  return client;
}

/** Adds a conference participant through the gateway, with Twilio credentials if given. */
async function addAs(accountSid: string, authorization?: string): Promise<string> {
  const conferenceSid = CF();
  fake.reply({
    status: 201,
    body: {
      account_sid: accountSid,
      call_sid: "CA" + "1".repeat(32),
      conference_sid: conferenceSid,
    },
  });
  const result = await gateway.graphql(
    `mutation ($input: AddConferenceParticipantInput!) { addConferenceParticipant(input: $input) { callSid } }`,
    { input: { conferenceSid, from: "+15017122661", to: "+15558675310" } },
    {
      authorization: bearer(KEY_A),
      ...(authorization ? { "x-twilio-authorization": authorization } : {}),
    },
  );
  expect(result.errors).toBeUndefined();
  return conferenceSid;
}

const conferencesOf = (subscription: ClientSubscription) =>
  subscription.data.map(
    (data) =>
      (data as { participantEvents: { participant: { conferenceSid: string } } }).participantEvents
        .participant.conferenceSid,
  );

describe("who may subscribe", () => {
  it("refuses a WebSocket that access control refuses with 4401, and an SSE request with 401", async () => {
    const refusedWs = ws({
      connectionParams: { authorization: "Bearer not-one-of-the-keys-0000000" },
    });
    const viaWs = refusedWs.subscribe({ query: ALL });
    await viaWs.waitUntilEnded();
    expect(refusedWs.closes).toEqual([{ code: 4401, reason: "Unauthorized" }]);

    const refusedSse = await fetch(`${gateway.url}/graphql/stream`, {
      method: "POST",
      headers: { accept: "text/event-stream", "content-type": "application/json" },
      body: JSON.stringify({ query: ALL }),
    });
    expect(refusedSse.status).toBe(401);
    expect(await refusedSse.json()).toEqual({
      errors: [
        {
          message: "This gateway needs Authorization: Bearer <API key or token>",
          extensions: { code: "UNAUTHENTICATED" },
        },
      ],
    });
    expect(await waitForSubscriptions(gateway.url, 0)).toBeUndefined();
  });

  it("admits what access control admits, from the upgrade headers or the connection_init payload", async () => {
    const fromHeader = ws({ headers: { authorization: bearer(KEY_B) } }).subscribe({ query: ALL });
    const fromPayload = ws().subscribe({ query: ALL });
    const overSse = sse().subscribe({ query: ALL });
    await waitForSubscriptions(gateway.url, 3);
    const conferenceSid = await addAs(ACCOUNT_SID);
    for (const subscription of [fromHeader, fromPayload, overSse]) {
      await subscription.waitFor(1);
      expect(conferencesOf(subscription)).toEqual([conferenceSid]);
    }
    // The configured credentials are the gateway's own: no Twilio call proves them.
    expect(fake.requests.map((request) => request.method)).toEqual(["POST"]);
  });

  it("shows a caller with its own Twilio credentials only its own account's events, once Twilio accepts them", async () => {
    fake.reply({ status: 200, body: { sid: OTHER_ACCOUNT, status: "active" } });
    fake.reply({ status: 200, body: { sid: OTHER_ACCOUNT, status: "active" } });
    const authorization = basic(OTHER_ACCOUNT, OTHER_TOKEN);
    const viaWs = ws({
      connectionParams: { authorization: bearer(KEY_A), "X-Twilio-Authorization": authorization },
    }).subscribe({
      query: ALL,
    });
    const viaSse = sse({
      authorization: bearer(KEY_A),
      "x-twilio-authorization": authorization,
    }).subscribe({ query: ALL });
    await waitForSubscriptions(gateway.url, 2);
    const checks = fake.requests.splice(0);
    expect(
      checks.map((request) => [request.method, request.url, request.headers.authorization]),
    ).toEqual([
      ["GET", `/2010-04-01/Accounts/${OTHER_ACCOUNT}.json`, authorization],
      ["GET", `/2010-04-01/Accounts/${OTHER_ACCOUNT}.json`, authorization],
    ]);

    await addAs(ACCOUNT_SID);
    const own = await addAs(OTHER_ACCOUNT, authorization);
    for (const subscription of [viaWs, viaSse]) {
      await subscription.waitFor(1);
      expect(conferencesOf(subscription)).toEqual([own]);
    }
  });

  it("refuses credentials Twilio does not accept (anyone can name an Account SID)", async () => {
    const refusal = { status: 401, body: { code: 20003, message: "Authenticate", status: 401 } };
    fake.reply(refusal, refusal);
    const authorization = basic(OTHER_ACCOUNT, "guessed");
    const client = ws({
      connectionParams: { authorization: bearer(KEY_A), "x-twilio-authorization": authorization },
    });
    await client.subscribe({ query: ALL }).waitUntilEnded();
    expect(client.closes).toEqual([{ code: 4401, reason: "Unauthorized" }]);
    const refusedSse = await fetch(`${gateway.url}/graphql/stream`, {
      method: "POST",
      headers: {
        accept: "text/event-stream",
        "content-type": "application/json",
        authorization: bearer(KEY_A),
        "x-twilio-authorization": authorization,
      },
      body: JSON.stringify({ query: ALL }),
    });
    expect(refusedSse.status).toBe(401);
  });

  it("refuses a WebSocket opened by a page of another origin (403), not one of its own or an allowed one", async () => {
    const opened = (origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(
          `${gateway.url.replace("http", "ws")}/graphql`,
          "graphql-transport-ws",
          {
            headers: { origin },
          },
        );
        socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        socket.on("open", () => {
          socket.close();
          resolve(101);
        });
      });
    expect(await opened("https://evil.example.com")).toBe(403);
    expect(await opened("https://app.example.com")).toBe(101);
    expect(await opened(gateway.url)).toBe(101);
  });
});

describe("bounds", () => {
  it("refuses a subscription over the per-connection bound with a clear error, and serves the others", async () => {
    const client = ws();
    const [first, second, third] = [1, 2, 3].map(() => client.subscribe({ query: ALL }));
    await third!.waitUntilEnded();
    // The subscription never started: an error and no data, as graphql-js reports it.
    expect(third!.payloads).toEqual([
      {
        errors: [
          {
            message:
              "This connection already has 2 subscriptions open (the most allowed); end one, or open another connection",
            locations: [{ line: 1, column: 16 }],
            path: ["participantEvents"],
            extensions: { code: "TOO_MANY_SUBSCRIPTIONS" },
          },
        ],
      },
    ]);
    await waitForSubscriptions(gateway.url, 2);
    const conferenceSid = await addAs(ACCOUNT_SID);
    for (const subscription of [first!, second!]) {
      await subscription.waitFor(1);
      expect(conferencesOf(subscription)).toEqual([conferenceSid]);
    }
  });

  it("refuses one over the per-caller bound on any connection, until the caller ends one", async () => {
    const held = [
      ws().subscribe({ query: ALL }),
      ws().subscribe({ query: ALL }),
      sse().subscribe({ query: ALL }),
    ];
    await waitForSubscriptions(gateway.url, 3);
    const overSse = sse().subscribe({ query: ALL });
    await overSse.waitUntilEnded();
    expect(overSse.payloads[0]!.errors![0]).toMatchObject({
      message: expect.stringContaining("This caller already has 3 subscriptions open"),
      extensions: { code: "TOO_MANY_SUBSCRIPTIONS" },
    });
    // Another caller has its own allowance.
    const otherCaller = ws({ connectionParams: { authorization: bearer(KEY_B) } }).subscribe({
      query: ALL,
    });
    await waitForSubscriptions(gateway.url, 4);
    held[0]!.unsubscribe();
    await waitForSubscriptions(gateway.url, 3);
    const again = ws().subscribe({ query: ALL });
    await waitForSubscriptions(gateway.url, 4);
    const conferenceSid = await addAs(ACCOUNT_SID);
    for (const subscription of [again, otherCaller]) {
      await subscription.waitFor(1);
      expect(conferencesOf(subscription)).toEqual([conferenceSid]);
    }
  });
});

describe("requests the subscription transports refuse", () => {
  it("answers bad input with the codes /graphql uses", async () => {
    const client = ws();
    const cases: Array<[string, Record<string, unknown> | undefined, string, string]> = [
      [
        "subscription { participantEvents(filter: {",
        undefined,
        "GRAPHQL_PARSE_FAILED",
        "Syntax Error",
      ],
      [
        "subscription { participantEvents(filter: {}) { nope } }",
        undefined,
        "GRAPHQL_VALIDATION_FAILED",
        "nope",
      ],
      ["{ gatewayInfo { name } }", undefined, "BAD_REQUEST", "send a query to POST /graphql"],
    ];
    for (const [query, variables, code, message] of cases) {
      const subscription = client.subscribe({ query, variables });
      await subscription.waitUntilEnded();
      expect(subscription.failure).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(message),
          extensions: { code },
        }),
      ]);
    }
    const invalid = client.subscribe({
      query: `subscription ($filter: ParticipantEventFilter!) { participantEvents(filter: $filter) { type } }`,
      variables: { filter: { conferenceSid: "CF123", types: [] } },
    });
    await invalid.waitUntilEnded();
    expect(invalid.payloads[0]!.errors).toEqual([
      expect.objectContaining({
        message: "filter.conferenceSid: must be a CF SID: CF followed by 32 hex digits",
        extensions: { code: "BAD_USER_INPUT", field: "filter.conferenceSid" },
      }),
      expect.objectContaining({
        message: "filter.types: must name at least one type (leave it out for every type)",
        extensions: { code: "BAD_USER_INPUT", field: "filter.types" },
      }),
    ]);
  });

  it("tells a client that sends a subscription to POST /graphql where subscriptions are", async () => {
    const result = await gateway.graphql(ALL, undefined, { authorization: bearer(KEY_A) });
    expect(result.status).toBe(400);
    expect(result.errors).toEqual([
      {
        message: expect.stringContaining("Subscriptions are served over WebSocket"),
        extensions: { code: "BAD_REQUEST" },
      },
    ]);
  });

  it("answers an SSE request that does not accept an event stream with 406", async () => {
    const response = await fetch(`${gateway.url}/graphql/stream`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: bearer(KEY_A) },
      body: JSON.stringify({ query: ALL }),
    });
    expect(response.status).toBe(406);
  });
});

describe("keep-alive", () => {
  it("pings an idle WebSocket", async () => {
    const socket = new WebSocket(
      `${gateway.url.replace("http", "ws")}/graphql`,
      "graphql-transport-ws",
    );
    cleanups.push(() => socket.terminate());
    let pings = 0;
    socket.on("ping", () => (pings += 1));
    await until(() => pings >= 2, 2_000);
  });

  it("writes SSE comments into an idle stream", async () => {
    const controller = new AbortController();
    cleanups.push(() => controller.abort());
    const response = await fetch(`${gateway.url}/graphql/stream`, {
      method: "POST",
      headers: {
        accept: "text/event-stream",
        "content-type": "application/json",
        authorization: bearer(KEY_A),
      },
      body: JSON.stringify({ query: ALL }),
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = response.body!.getReader();
    let text = "";
    // graphql-sse's own first comment, then ours every 100 ms (its own come every 12 s).
    while ((text.match(/^:\n\n/gm) ?? []).length < 4) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    expect(text).not.toContain("event:");
  });
});

describe.skipIf(!redisServerAvailable())("a subscriber that falls behind", () => {
  let redis: RunningRedis;
  let slow: TestGateway;
  beforeAll(async () => {
    redis = await startRedis();
    slow = await startTestGateway(fake.url, {
      REDIS_URL: redis.url,
      SUBSCRIPTION_QUEUE_SIZE: "2",
    });
  });
  afterAll(async () => {
    await slow?.close();
    await redis?.stop();
  });

  it.each([
    ["graphql-ws", () => wsClient(slow.url)],
    ["graphql-sse", () => sseClient(slow.url)],
  ])("over %s has its subscription ended with SUBSCRIBER_TOO_SLOW", async (_name, client) => {
    const transport = client();
    cleanups.push(() => transport.dispose());
    const subscription = transport.subscribe({ query: ALL });
    await waitForSubscriptions(slow.url, 1);
    // A burst from Redis is handed over in one go, faster than any client reads.
    const publisher = new Redis(redis.url);
    try {
      const pipeline = publisher.pipeline();
      for (let i = 0; i < 300; i += 1) {
        const record = conferenceRecord({ accountSid: ACCOUNT_SID });
        pipeline.publish(`participant-gateway:events:${ACCOUNT_SID}`, JSON.stringify(record));
      }
      await pipeline.exec();
    } finally {
      publisher.disconnect();
    }
    await subscription.waitUntilEnded();
    expect(subscription.completed).toBe(true);
    const last = subscription.payloads.at(-1)!;
    expect(last.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("fell more than 2 events behind"),
        extensions: { code: "SUBSCRIBER_TOO_SLOW" },
      }),
    ]);
    expect(subscription.payloads.length).toBeLessThan(300);
    await waitForSubscriptions(slow.url, 0);
  });

  /** Big events (their label is selected) that fill socket buffers quickly. */
  const LABELS = `subscription { participantEvents(filter: {}) { type participant { ... on ConferenceParticipant { label } } } }`;

  /**
   * Publishes events one at a time (never a burst) and returns how many replicas still listened
   * for the last one: 0 once the subscription stopped listening because it fell behind.
   */
  async function trickle(count: number): Promise<number> {
    const publisher = new Redis(redis.url);
    try {
      const label = "x".repeat(256 * 1024);
      let listening = 0;
      for (let i = 0; i < count; i += 1) {
        const record = conferenceRecord({ accountSid: ACCOUNT_SID }, { label });
        const channel = `participant-gateway:events:${ACCOUNT_SID}`;
        listening = await publisher.publish(channel, JSON.stringify(record));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return listening;
    } finally {
      publisher.disconnect();
    }
  }

  it("that stops reading its WebSocket is ended too: the server does not buffer for it", async () => {
    const socket = new WebSocket(
      `${slow.url.replace("http", "ws")}/graphql`,
      "graphql-transport-ws",
    );
    cleanups.push(() => socket.terminate());
    const messages: Array<{ type: string; id?: string; payload?: { errors?: unknown[] } }> = [];
    socket.on("message", (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ type: "connection_init" }));
    await until(() => messages.some((message) => message.type === "connection_ack"));
    socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: LABELS } }));
    await waitForSubscriptions(slow.url, 1);
    socket.pause();
    // The server stopped listening while the client still had not read: at most the bounded
    // queue waits for it, nothing piles up.
    expect(await trickle(120)).toBe(0);
    socket.resume();
    await until(() => messages.some((message) => message.type === "complete"), 20_000);
    const nexts = messages.filter((message) => message.type === "next");
    expect(nexts.at(-1)!.payload!.errors).toEqual([
      expect.objectContaining({ extensions: { code: "SUBSCRIBER_TOO_SLOW" } }),
    ]);
    expect(nexts.length).toBeLessThan(120);
    await waitForSubscriptions(slow.url, 0);
  });

  it("that stops reading its event stream is ended too: the server does not buffer for it", async () => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request(`${slow.url}/graphql/stream`, {
        method: "POST",
        headers: { accept: "text/event-stream", "content-type": "application/json" },
      });
      request.on("response", resolve).on("error", reject);
      request.end(JSON.stringify({ query: LABELS }));
    });
    cleanups.push(() => void response.destroy());
    response.pause();
    await waitForSubscriptions(slow.url, 1);
    expect(await trickle(120)).toBe(0);
    let text = "";
    response.on("data", (chunk: Buffer) => (text += chunk.toString()));
    response.resume();
    await new Promise((resolve) => response.once("end", resolve));
    const events = text.split("\n\n").filter((block) => block.startsWith("event:"));
    expect(events.at(-1)).toBe("event: complete\ndata:");
    const lastNext = JSON.parse(events.at(-2)!.replace("event: next\ndata: ", ""));
    expect(lastNext.errors).toEqual([
      expect.objectContaining({ extensions: { code: "SUBSCRIBER_TOO_SLOW" } }),
    ]);
    expect(events.length).toBeLessThan(120);
    await waitForSubscriptions(slow.url, 0);
  });
});
