import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { FakeTwilio } from "../support/fake-twilio.js";
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  startTestGateway,
  type TestGateway,
  useGatewayOnFakeTwilio,
} from "../support/gateway.js";
import {
  type ClientSubscription,
  sseClient,
  until,
  useSubscriptionCleanups,
  waitForSubscriptions,
  wsClient,
} from "../support/subscriptions.js";
import { conferenceEventParams, postCallback } from "../support/twilio-callbacks.js";

/**
 * Subscribers of one event share its execution (one per document, operation and variables) and
 * the prepared document: what each receives must still be exactly what it asked for, of its own
 * account only, whatever happens to the others.
 */
const PUBLIC_URL = "https://gateway.sharing.example";
const OTHER_ACCOUNT = "AC" + "d".repeat(32);
const OTHER_TOKEN = "other-account-token-not-real";
const KEY = "sharing-subscriber-key-not-real-0000";
const CF = () => "CF" + randomBytes(16).toString("hex");
const CA = () => "CA" + randomBytes(16).toString("hex");
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

const WATCH = `subscription Watch($filter: ParticipantEventFilter!) {
  participantEvents(filter: $filter) { type sequenceNumber participant { sid ... on ConferenceParticipant { conferenceSid muted } } }
}`;
/** Another document over the same events: other fields, an alias, two operations. */
const TWO_OPERATIONS = `subscription Kinds($filter: ParticipantEventFilter!) {
  participantEvents(filter: $filter) { kind source seq: sequenceNumber }
}
subscription Accounts { participantEvents(filter: {}) { participant { accountSid __typename } } }`;

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake, {
  GATEWAY_API_KEYS: KEY,
  PUBLIC_URL,
  TWILIO_REQUEST_CREDENTIALS: "true",
  TWILIO_CALLBACK_AUTH_TOKENS: `${OTHER_ACCOUNT}:${OTHER_TOKEN}`,
  SUBSCRIPTION_KEEPALIVE_MS: "150",
});
const cleanups = useSubscriptionCleanups(() => gateway.url);

const AUTHORIZATION = `Bearer ${KEY}`;

function ws(connectionParams: Record<string, unknown> = { authorization: AUTHORIZATION }) {
  const client = wsClient(gateway.url, { connectionParams });
  cleanups.push(() => client.dispose());
  return client;
}

function sse(headers: Record<string, string> = { authorization: AUTHORIZATION }) {
  const client = sseClient(gateway.url, headers);
  cleanups.push(() => client.dispose());
  return client;
}

/** A graphql-transport-ws connection spoken by hand: what a client library would refuse to send. */
async function rawSocket(url = gateway.url) {
  const socket = new WebSocket(`${url.replace("http", "ws")}/graphql`, "graphql-transport-ws");
  cleanups.push(() => socket.terminate());
  const messages: Array<{ type: string; payload?: { errors?: unknown[] } & unknown[] }> = [];
  socket.on("message", (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve) => socket.once("open", resolve));
  socket.send(
    JSON.stringify({ type: "connection_init", payload: { authorization: AUTHORIZATION } }),
  );
  await until(() => messages.some((message) => message.type === "connection_ack"));
  return {
    socket,
    messages,
    subscribe: (payload: Record<string, unknown>) =>
      socket.send(JSON.stringify({ id: "1", type: "subscribe", payload })),
  };
}

let sequence = 0;
/** Twilio reports a conference participant's event; resolves once the gateway answered 200. */
async function callback(
  conferenceSid: string,
  fields: { accountSid?: string; event?: string; muted?: boolean; label?: string } = {},
  to: TestGateway = gateway,
): Promise<{ callSid: string; sequenceNumber: number }> {
  const accountSid = fields.accountSid ?? ACCOUNT_SID;
  const callSid = CA();
  sequence += 1;
  const answer = await postCallback({
    gatewayUrl: to.url,
    target: "/twilio/callbacks/conference",
    publicUrl: PUBLIC_URL,
    token: accountSid === ACCOUNT_SID ? AUTH_TOKEN : OTHER_TOKEN,
    params: {
      ...conferenceEventParams({
        accountSid,
        conferenceSid,
        callSid,
        event: fields.event ?? "participant-join",
        sequenceNumber: sequence,
        muted: fields.muted,
      }),
      ...(fields.label === undefined ? {} : { ParticipantLabel: fields.label }),
    },
  });
  expect(answer.status).toBe(200);
  return { callSid, sequenceNumber: sequence };
}

describe("one event, many subscribers", () => {
  it("gives each what its own document, operation, variables and filter ask for", async () => {
    const conference = CF();
    const other = CF();
    const filter = (value: Record<string, unknown>) => ({ filter: value });
    const subscriptions = {
      // The same document and variables, over both transports and on two connections.
      sameA: ws().subscribe({ query: WATCH, variables: filter({ conferenceSid: conference }) }),
      sameB: ws().subscribe({ query: WATCH, variables: filter({ conferenceSid: conference }) }),
      sameSse: sse().subscribe({ query: WATCH, variables: filter({ conferenceSid: conference }) }),
      // The same document, other variables that match the event too.
      wholeAccount: ws().subscribe({ query: WATCH, variables: filter({}) }),
      // Variables that do not match it.
      otherConference: ws().subscribe({
        query: WATCH,
        variables: filter({ conferenceSid: other }),
      }),
      onlyLeft: sse().subscribe({ query: WATCH, variables: filter({ types: ["LEFT"] }) }),
      // Another document, each of its operations.
      kinds: ws().subscribe({
        query: TWO_OPERATIONS,
        operationName: "Kinds",
        variables: filter({ kind: "CONFERENCE" }),
      }),
      accounts: sse().subscribe({ query: TWO_OPERATIONS, operationName: "Accounts" }),
    };
    await waitForSubscriptions(gateway.url, Object.keys(subscriptions).length);

    const joined = await callback(conference, { muted: true });
    const watched = {
      participantEvents: {
        type: "JOINED",
        sequenceNumber: joined.sequenceNumber,
        participant: { sid: joined.callSid, conferenceSid: conference, muted: true },
      },
    };
    for (const name of ["sameA", "sameB", "sameSse", "wholeAccount"] as const) {
      expect((await subscriptions[name].waitFor(1))[0], name).toEqual({ data: watched });
    }
    expect((await subscriptions.kinds.waitFor(1))[0]).toEqual({
      data: {
        participantEvents: { kind: "CONFERENCE", source: "TWILIO", seq: joined.sequenceNumber },
      },
    });
    expect((await subscriptions.accounts.waitFor(1))[0]).toEqual({
      data: {
        participantEvents: {
          participant: { accountSid: ACCOUNT_SID, __typename: "ConferenceParticipant" },
        },
      },
    });

    // The subscribers the event did not match see the next one they match, and nothing before.
    const left = await callback(other, { event: "participant-leave" });
    await subscriptions.otherConference.waitFor(1);
    await subscriptions.onlyLeft.waitFor(1);
    for (const name of ["otherConference", "onlyLeft"] as const) {
      expect(subscriptions[name].payloads, name).toEqual([
        {
          data: {
            participantEvents: {
              type: "LEFT",
              sequenceNumber: left.sequenceNumber,
              participant: { sid: left.callSid, conferenceSid: other, muted: false },
            },
          },
        },
      ]);
    }
    await subscriptions.wholeAccount.waitFor(2);
    for (const name of ["sameA", "sameB", "sameSse"] as const) {
      expect(subscriptions[name].payloads, name).toHaveLength(1);
    }
  });

  it("never shows a subscriber another account's event, though it asks exactly the same", async () => {
    // The other account's caller proves its credentials once, when it connects.
    fake.reply({ status: 200, body: { sid: OTHER_ACCOUNT, status: "active" } });
    const ours = ws().subscribe({ query: WATCH, variables: { filter: {} } });
    const theirs = ws({
      authorization: AUTHORIZATION,
      "X-Twilio-Authorization": basic(OTHER_ACCOUNT, OTHER_TOKEN),
    }).subscribe({ query: WATCH, variables: { filter: {} } });
    await waitForSubscriptions(gateway.url, 2);

    const conference = CF();
    const forUs = await callback(conference);
    const forThem = await callback(conference, { accountSid: OTHER_ACCOUNT });
    const forUsAgain = await callback(conference);
    await ours.waitFor(2);
    await theirs.waitFor(1);
    const sequences = (subscription: ClientSubscription) =>
      subscription.data.map(
        (data) =>
          (data as { participantEvents: { sequenceNumber: number } }).participantEvents
            .sequenceNumber,
      );
    // An event after theirs reached us: theirs would have arrived before it.
    expect(sequences(ours)).toEqual([forUs.sequenceNumber, forUsAgain.sequenceNumber]);
    await until(() => theirs.payloads.length >= 1);
    expect(sequences(theirs)).toEqual([forThem.sequenceNumber]);
  });
});

describe("the prepared document", () => {
  it("serves each subscriber its own variables, and refuses bad ones however often it was used", async () => {
    const first = CF();
    const second = CF();
    const one = ws().subscribe({ query: WATCH, variables: { filter: { conferenceSid: first } } });
    const two = sse().subscribe({ query: WATCH, variables: { filter: { conferenceSid: second } } });
    await waitForSubscriptions(gateway.url, 2);
    await callback(second);
    await callback(first);
    await one.waitFor(1);
    await two.waitFor(1);
    const conferenceOf = (subscription: ClientSubscription) =>
      subscription.data.map(
        (data) =>
          (data as { participantEvents: { participant: { conferenceSid: string } } })
            .participantEvents.participant.conferenceSid,
      );
    expect(conferenceOf(one)).toEqual([first]);
    expect(conferenceOf(two)).toEqual([second]);

    // The document is known by now: only the variables are new, and they are checked.
    // Variables that are no object: graphql-ws refuses the message (4400), /graphql/stream 400.
    const notAnObject = await rawSocket();
    const closed = new Promise<number>((resolve) => notAnObject.socket.once("close", resolve));
    notAnObject.subscribe({ query: WATCH, variables: "filter" });
    expect(await closed).toBe(4400);
    const streamed = await fetch(`${gateway.url}/graphql/stream`, {
      method: "POST",
      headers: {
        accept: "text/event-stream",
        "content-type": "application/json",
        authorization: AUTHORIZATION,
      },
      body: JSON.stringify({ query: WATCH, variables: "filter" }),
    });
    expect(streamed.status).toBe(400);
    expect(await streamed.text()).toContain("variables");
    const wrongType = ws().subscribe({ query: WATCH, variables: { filter: { conferenceSid: 7 } } });
    const missing = ws().subscribe({ query: WATCH });
    const badSid = sse().subscribe({ query: WATCH, variables: { filter: { conferenceSid: "x" } } });
    for (const refused of [wrongType, missing, badSid]) await refused.waitUntilEnded();
    const refusal = (text: string) => [
      { errors: [expect.objectContaining({ message: expect.stringContaining(text) })] },
    ];
    expect(wrongType.payloads).toEqual(refusal("filter.conferenceSid"));
    expect(missing.payloads).toEqual(refusal("filter: Invalid value"));
    expect(badSid.payloads).toEqual(refusal("conferenceSid"));
    await waitForSubscriptions(gateway.url, 2);
  });
});

describe("a subscriber whose stream fails", () => {
  let small: TestGateway;
  beforeAll(async () => {
    small = await startTestGateway(fake.url, {
      GATEWAY_API_KEYS: KEY,
      PUBLIC_URL,
      SUBSCRIPTION_QUEUE_SIZE: "2",
    });
  });
  afterAll(async () => {
    await small?.close();
  });

  it("ends alone: the others sharing its events keep receiving them", async () => {
    const conference = CF();
    // Both select the label, so both share each (big) event's execution.
    const LABELLED = `subscription ($filter: ParticipantEventFilter!) { participantEvents(filter: $filter) { sequenceNumber participant { ... on ConferenceParticipant { label } } } }`;
    const variables = { filter: { conferenceSid: conference } };
    const steadyClient = wsClient(small.url, {
      connectionParams: { authorization: AUTHORIZATION },
    });
    cleanups.push(() => steadyClient.dispose());
    const steady = steadyClient.subscribe({ query: LABELLED, variables });
    // One that stops reading: its socket's buffers fill, its queue outgrows the bound (2), and
    // its subscription ends with SUBSCRIBER_TOO_SLOW.
    const slow = await rawSocket(small.url);
    slow.subscribe({ query: LABELLED, variables });
    await waitForSubscriptions(small.url, 2);
    slow.socket.pause();
    const label = "x".repeat(256 * 1024);
    const count = 60;
    for (let i = 0; i < count; i += 1) await callback(conference, { label }, small);
    await steady.waitFor(count, 30_000);
    expect(steady.payloads.every((payload) => payload.errors === undefined)).toBe(true);
    expect(steady.completed).toBe(false);
    slow.socket.resume();
    await until(() => slow.messages.some((message) => message.type === "complete"), 20_000);
    const nexts = slow.messages.filter((message) => message.type === "next");
    expect(nexts.at(-1)!.payload!.errors).toEqual([
      expect.objectContaining({ extensions: { code: "SUBSCRIBER_TOO_SLOW" } }),
    ]);
    expect(nexts.length).toBeLessThan(count);
    // The one still subscribed receives what comes next.
    await waitForSubscriptions(small.url, 1);
    await callback(conference, {}, small);
    await steady.waitFor(count + 1);
    expect(steady.payloads.at(-1)).toEqual({
      data: { participantEvents: { sequenceNumber: sequence, participant: { label: null } } },
    });
    steadyClient.dispose();
    await waitForSubscriptions(small.url, 0);
  }, 60_000);
});

describe("the WebSocket transport", () => {
  it("drops a connection that does not answer its pings, and keeps one that does", async () => {
    const open = async (autoPong: boolean) => {
      const socket = new WebSocket(
        `${gateway.url.replace("http", "ws")}/graphql`,
        "graphql-transport-ws",
        {
          autoPong,
        },
      );
      cleanups.push(() => socket.terminate());
      await new Promise((resolve) => socket.once("open", resolve));
      const closed = new Promise<number>((resolve) => socket.once("close", resolve));
      return { socket, closed };
    };
    const silent = await open(false);
    const answering = await open(true);
    expect(await silent.closed).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(answering.socket.readyState).toBe(WebSocket.OPEN);
  });

  it("closes a connection that sends what is not a graphql-transport-ws message with 4400", async () => {
    const socket = new WebSocket(
      `${gateway.url.replace("http", "ws")}/graphql`,
      "graphql-transport-ws",
    );
    cleanups.push(() => socket.terminate());
    await new Promise((resolve) => socket.once("open", resolve));
    const closed = new Promise<number>((resolve) => socket.once("close", resolve));
    socket.send("{ not json");
    expect(await closed).toBe(4400);
  });
});
