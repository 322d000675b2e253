import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FakeTwilio } from "../support/fake-twilio.js";
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  startTestGateway,
  useGatewayOnFakeTwilio,
} from "../support/gateway.js";
import {
  type ClientSubscription,
  useSubscriptionCleanups,
  waitForSubscriptions,
  wsClient,
} from "../support/subscriptions.js";
import {
  type CallbackAnswer,
  conferenceEventParams,
  postCallback,
  type SignedCallback,
} from "../support/twilio-callbacks.js";

/** Where Twilio reaches the gateway: behind a proxy that strips `/base`. */
const PUBLIC_URL = "https://gateway.example.com/base";
/** The next auth token, during a rotation. */
const NEXT_TOKEN = "next-auth-token-not-real-0002";
const OTHER_ACCOUNT = `AC${"e".repeat(32)}`;
const CONFERENCE = "/twilio/callbacks/conference";
const CONVERSATIONS = "/twilio/callbacks/conversations";

const sid = (prefix: string) => prefix + randomBytes(16).toString("hex");

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake, {
  PUBLIC_URL,
  TWILIO_CALLBACK_AUTH_TOKENS: NEXT_TOKEN,
});
const cleanups = useSubscriptionCleanups(() => gateway.url);

interface Event {
  type: string;
  source: string;
  sequenceNumber: number | null;
  participant: Record<string, unknown> | null;
}

/** A subscriber to the configured account's whole feed. */
async function subscribe(): Promise<ClientSubscription<{ participantEvents: Event }>> {
  const client = wsClient(gateway.url);
  cleanups.push(() => client.dispose());
  const subscription = client.subscribe<{ participantEvents: Event }>({
    query: `subscription { participantEvents(filter: {}) { type source sequenceNumber participant { sid ... on ConferenceParticipant { conferenceSid callSid muted } ... on ConversationParticipant { conversationSid chatServiceSid identity attributes messagingBinding { type address proxyAddress } lastReadMessageIndex } } } }`,
  });
  await waitForSubscriptions(gateway.url, 1);
  return subscription;
}

function send(callback: Omit<SignedCallback, "gatewayUrl" | "publicUrl">): Promise<CallbackAnswer> {
  return postCallback({ gatewayUrl: gateway.url, publicUrl: PUBLIC_URL, ...callback });
}

function joined(conferenceSid = sid("CF"), sequenceNumber = 1) {
  return conferenceEventParams({
    accountSid: ACCOUNT_SID,
    conferenceSid,
    callSid: sid("CA"),
    event: "participant-join",
    sequenceNumber,
  });
}

/**
 * After refused, ignored or repeated callbacks: sends a good one and checks that the subscriber
 * got exactly the `published` conferences' events before it, so nothing else was published.
 */
async function expectOnlyPublished(
  subscription: ClientSubscription<{ participantEvents: Event }>,
  published: string[] = [],
) {
  const marker = joined();
  expect((await send({ target: CONFERENCE, params: marker, token: AUTH_TOKEN })).status).toBe(200);
  const events = await subscription.waitFor(published.length + 1);
  expect(events.map((event) => event.data!.participantEvents.participant!.conferenceSid)).toEqual([
    ...published,
    marker.ConferenceSid,
  ]);
}

async function callbackCount(outcome: string, product = "conference"): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const line = new RegExp(
    `^participant_gateway_twilio_callbacks_total\\{product="${product}",outcome="${outcome}"\\} (\\d+)$`,
    "m",
  ).exec(text);
  return line ? Number(line[1]) : 0;
}

describe("POST /twilio/callbacks/conference", () => {
  it("publishes a signed participant event to the account's subscribers", async () => {
    const subscription = await subscribe();
    const params = joined();
    const answer = await send({ target: CONFERENCE, params, token: AUTH_TOKEN });
    expect(answer).toEqual({ status: 200, body: "" });
    const [event] = await subscription.waitFor(1);
    expect(event!.data!.participantEvents).toEqual({
      type: "JOINED",
      source: "TWILIO",
      sequenceNumber: 1,
      participant: {
        sid: params.CallSid,
        callSid: params.CallSid,
        conferenceSid: params.ConferenceSid,
        muted: false,
      },
    });
  });

  it("refuses (403) a forged, a missing or an unusable signature, publishes nothing and counts it", async () => {
    const subscription = await subscribe();
    const before = {
      bad: await callbackCount("bad_signature"),
      unsigned: await callbackCount("unsigned"),
      unknown: await callbackCount("unknown_account"),
    };
    const forged = await send({ target: CONFERENCE, params: joined(), token: "guessed-token" });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body)).toEqual({
      error: "The callback's X-Twilio-Signature could not be verified",
    });
    expect((await send({ target: CONFERENCE, params: joined() })).status).toBe(403);
    // Signed with the right token, but for another URL.
    const tampered = await postCallback({
      gatewayUrl: gateway.url,
      publicUrl: PUBLIC_URL,
      target: CONFERENCE,
      params: joined(),
      token: AUTH_TOKEN,
      signedUrl: `${PUBLIC_URL}${CONFERENCE}?x=1`,
    });
    expect(tampered.status).toBe(403);
    // An account the gateway holds no token for: nothing can prove the callback is Twilio's.
    const otherAccount = { ...joined(), AccountSid: OTHER_ACCOUNT };
    const unknown = await send({ target: CONFERENCE, params: otherAccount, token: AUTH_TOKEN });
    // The same answer whatever the reason: it tells nothing of which accounts are configured.
    expect(unknown).toEqual(forged);

    await expectOnlyPublished(subscription);
    expect(await callbackCount("bad_signature")).toBe(before.bad + 2);
    expect(await callbackCount("unsigned")).toBe(before.unsigned + 1);
    expect(await callbackCount("unknown_account")).toBe(before.unknown + 1);
  });

  it("accepts the current and the next auth token alike (rotation)", async () => {
    const subscription = await subscribe();
    const current = joined();
    const next = joined();
    expect((await send({ target: CONFERENCE, params: current, token: AUTH_TOKEN })).status).toBe(
      200,
    );
    expect((await send({ target: CONFERENCE, params: next, token: NEXT_TOKEN })).status).toBe(200);
    const events = await subscription.waitFor(2);
    expect(events.map((event) => event.data!.participantEvents.participant!.conferenceSid)).toEqual(
      [current.ConferenceSid, next.ConferenceSid],
    );
  });

  it("checks the signature against PUBLIC_URL, whatever Host and X-Forwarded-* say", async () => {
    const subscription = await subscribe();
    const spoofed = {
      host: "evil.example.com",
      "x-forwarded-host": "evil.example.com",
      "x-forwarded-proto": "http",
    };
    // Signed for the spoofed URL, as a forger controlling those headers would sign it.
    const forSpoofedUrl = await send({
      target: CONFERENCE,
      params: joined(),
      token: AUTH_TOKEN,
      signedUrl: `http://evil.example.com${CONFERENCE}`,
      headers: spoofed,
    });
    expect(forSpoofedUrl.status).toBe(403);
    // Signed for the public URL, as Twilio signs: the spoofed headers change nothing.
    const genuine = joined();
    const answer = await send({
      target: CONFERENCE,
      params: genuine,
      token: AUTH_TOKEN,
      headers: spoofed,
    });
    expect(answer.status).toBe(200);
    const [first] = await subscription.waitFor(1);
    expect(first!.data!.participantEvents.participant).toMatchObject({
      conferenceSid: genuine.ConferenceSid,
    });
  });

  it("publishes a retried callback once, whether Twilio keeps its idempotency token or not", async () => {
    const subscription = await subscribe();
    const before = await callbackCount("duplicate");
    const params = joined();
    const token = randomUUID();
    const retry = { target: CONFERENCE, params, token: AUTH_TOKEN };
    expect(
      (await send({ ...retry, headers: { "i-twilio-idempotency-token": token } })).status,
    ).toBe(200);
    expect(
      (await send({ ...retry, headers: { "i-twilio-idempotency-token": token } })).status,
    ).toBe(200);
    // The same event under a new token is still the same event.
    expect(
      (await send({ ...retry, headers: { "i-twilio-idempotency-token": randomUUID() } })).status,
    ).toBe(200);
    await expectOnlyPublished(subscription, [params.ConferenceSid]);
    expect(await callbackCount("duplicate")).toBe(before + 2);
  });

  it("answers 200 to a signed callback that is no participant event, and publishes nothing", async () => {
    const subscription = await subscribe();
    const before = await callbackCount("ignored");
    const start: Record<string, string> = { ...joined(), StatusCallbackEvent: "conference-start" };
    delete start.CallSid;
    expect((await send({ target: CONFERENCE, params: start, token: AUTH_TOKEN })).status).toBe(200);
    const message = {
      AccountSid: ACCOUNT_SID,
      EventType: "onMessageAdded",
      ConversationSid: sid("CH"),
      MessageSid: sid("IM"),
      Body: "hello",
    };
    expect((await send({ target: CONVERSATIONS, params: message, token: AUTH_TOKEN })).status).toBe(
      200,
    );
    await expectOnlyPublished(subscription);
    expect(await callbackCount("ignored")).toBe(before + 1);
    expect(await callbackCount("ignored", "conversation")).toBeGreaterThanOrEqual(1);
  });

  it("answers 400 to a signed participant event that is malformed, and publishes nothing", async () => {
    const subscription = await subscribe();
    const withoutCall = joined();
    delete withoutCall.CallSid;
    const answer = await send({ target: CONFERENCE, params: withoutCall, token: AUTH_TOKEN });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: "CallSid is missing" });
    await expectOnlyPublished(subscription);
  });

  it("takes POST only, and a body of at most 1 MiB", async () => {
    const get = await fetch(`${gateway.url}${CONFERENCE}`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const huge = await fetch(`${gateway.url}${CONFERENCE}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `Body=${"x".repeat(1024 * 1024 + 1)}`,
    });
    expect(huge.status).toBe(413);
  });
});

describe("POST /twilio/callbacks/conversations", () => {
  const conversationSid = sid("CH");
  const participantSid = sid("MB");
  const common = {
    AccountSid: ACCOUNT_SID,
    ConversationSid: conversationSid,
    ParticipantSid: participantSid,
    DateCreated: "2026-08-04T17:10:02.000Z",
    Attributes: "{}",
    "MessagingBinding.ProxyAddress": "+14155559876",
    "MessagingBinding.Address": "+14155550123",
    "MessagingBinding.Type": "SMS",
  };

  it("relays the post-event webhooks as ADDED, UPDATED and REMOVED", async () => {
    const subscription = await subscribe();
    const bodies = [
      { ...common, EventType: "onParticipantAdded", Source: "API" },
      {
        ...common,
        EventType: "onParticipantUpdated",
        Source: "SDK",
        DateUpdated: "2026-08-04T17:12:41.000Z",
        Attributes: '{"team":"support"}',
        LastReadMessageIndex: "7",
      },
      {
        ...common,
        EventType: "onParticipantRemoved",
        Source: "API",
        DateUpdated: "2026-08-04T17:12:41.000Z",
        DateRemoved: "2026-08-04T17:20:00.000Z",
      },
    ];
    for (const params of bodies) {
      expect((await send({ target: CONVERSATIONS, params, token: AUTH_TOKEN })).status).toBe(200);
    }
    const events = (await subscription.waitFor(3)).map(
      (payload) => payload.data!.participantEvents,
    );
    expect(events.map((event) => [event.type, event.source])).toEqual([
      ["ADDED", "TWILIO"],
      ["UPDATED", "TWILIO"],
      ["REMOVED", "TWILIO"],
    ]);
    expect(events[1]!.participant).toEqual({
      sid: participantSid,
      conversationSid,
      chatServiceSid: null,
      identity: null,
      attributes: { team: "support" },
      messagingBinding: {
        type: "sms",
        address: "+14155550123",
        proxyAddress: "+14155559876",
      },
      lastReadMessageIndex: 7,
    });
  });

  it("names the Conversation Service given in the webhook URL's query, and refuses a bad one", async () => {
    const subscription = await subscribe();
    const service = sid("IS");
    const params = { ...common, ParticipantSid: sid("MB"), EventType: "onParticipantAdded" };
    const named = await send({
      target: `${CONVERSATIONS}?chatServiceSid=${service}`,
      params,
      token: AUTH_TOKEN,
    });
    expect(named.status).toBe(200);
    const [event] = await subscription.waitFor(1);
    expect(event!.data!.participantEvents.participant).toMatchObject({ chatServiceSid: service });
    const bad = await send({
      target: `${CONVERSATIONS}?chatServiceSid=nope`,
      params: { ...params, ParticipantSid: sid("MB") },
      token: AUTH_TOKEN,
    });
    expect(bad.status).toBe(400);
  });
});

describe("without PUBLIC_URL", () => {
  it("serves no callback route (nothing could verify Twilio's signature)", async () => {
    const closed = await startTestGateway(fake.url);
    try {
      const answer = await postCallback({
        gatewayUrl: closed.url,
        publicUrl: closed.url,
        target: CONFERENCE,
        params: joined(),
        token: AUTH_TOKEN,
      });
      expect(answer.status).toBe(404);
    } finally {
      await closed.close();
    }
  });
});
