import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeTwilio } from "../../support/fake-twilio.js";
import { ACCOUNT_SID, startTestGateway, type TestGateway } from "../../support/gateway.js";
import { checkedInOperation } from "../../support/operations.js";
import { waitForSubscriptions, wsClient } from "../../support/subscriptions.js";

const PUBLIC_URL = "https://gateway.example.com";
const CALLBACK = encodeURIComponent(`${PUBLIC_URL}/twilio/callbacks/conference`);
const CF = "CF" + "a".repeat(32);
const CALL = "CA" + "b".repeat(32);
const PARTICIPANT_EVENTS = checkedInOperation("events.graphql", "ParticipantEvents");

const CONFERENCE_ANSWER = {
  account_sid: ACCOUNT_SID,
  call_sid: CALL,
  conference_sid: CF,
  label: null,
  status: "queued",
  muted: false,
  hold: false,
  coaching: false,
  end_conference_on_exit: false,
  start_conference_on_enter: true,
  date_created: "Fri, 18 Feb 2011 21:07:19 +0000",
  date_updated: "Fri, 18 Feb 2011 21:07:19 +0000",
  uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CF}/Participants/${CALL}.json`,
};

const ADD_CONFERENCE = `mutation ($input: AddConferenceParticipantInput!) { addConferenceParticipant(input: $input) { callSid } }`;
const ADD_ANY = `mutation ($input: AddParticipantInput!) { addParticipant(input: $input) { sid } }`;

const fake = new FakeTwilio();
let withUrl: TestGateway;
let withoutUrl: TestGateway;
beforeAll(async () => {
  await fake.start();
  withUrl = await startTestGateway(fake.url, { PUBLIC_URL });
  withoutUrl = await startTestGateway(fake.url);
});
afterAll(async () => {
  await Promise.all([withUrl.close(), withoutUrl.close()]);
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
  fake.setFallback({ status: 500, body: "no answer queued" });
});

async function add(gateway: TestGateway, input: Record<string, unknown>, unified = false) {
  fake.reply({ status: 201, body: CONFERENCE_ANSWER });
  const result = unified
    ? await gateway.graphql(ADD_ANY, { input: { conference: input } })
    : await gateway.graphql(ADD_CONFERENCE, { input });
  expect(result.errors).toBeUndefined();
  return fake.requests.at(-1)!.body;
}

const MINIMAL = { conferenceSid: CF, from: "+15017122661", to: "+15558675310" };

describe("a conference add with PUBLIC_URL asks Twilio for the gateway's callbacks", () => {
  const EXPECTED = [
    "From=%2B15017122661",
    "To=%2B15558675310",
    `StatusCallback=${CALLBACK}`,
    "StatusCallbackEvent=initiated",
    "StatusCallbackEvent=ringing",
    "StatusCallbackEvent=answered",
    "StatusCallbackEvent=completed",
    "Label=alice",
    `ConferenceStatusCallback=${CALLBACK}`,
    "ConferenceStatusCallbackEvent=join",
    "ConferenceStatusCallbackEvent=leave",
    "ConferenceStatusCallbackEvent=mute",
    "ConferenceStatusCallbackEvent=hold",
    "ConferenceStatusCallbackEvent=modify",
    "ConferenceStatusCallbackEvent=speaker",
  ].join("&");

  it("in twilio-node's parameter order, from both add mutations", async () => {
    expect(await add(withUrl, { ...MINIMAL, label: "alice" })).toBe(EXPECTED);
    expect(await add(withUrl, { ...MINIMAL, label: "alice" }, true)).toBe(EXPECTED);
  });

  it("leaves a group the caller set any field of exactly as the caller set it", async () => {
    const own = "https://app.example.com/status";
    expect(
      await add(withUrl, {
        ...MINIMAL,
        statusCallback: own,
        conferenceStatusCallbackEvent: ["START", "END"],
      }),
    ).toBe(
      [
        "From=%2B15017122661",
        "To=%2B15558675310",
        `StatusCallback=${encodeURIComponent(own)}`,
        // The caller's URL without events: Twilio's default (completed) stands.
        "ConferenceStatusCallbackEvent=start",
        "ConferenceStatusCallbackEvent=end",
      ].join("&"),
    );
    // An explicit null is the caller's too (sent empty: Twilio reads "none").
    expect(
      await add(withUrl, {
        ...MINIMAL,
        statusCallbackMethod: "GET",
        conferenceStatusCallback: null,
      }),
    ).toBe(
      [
        "From=%2B15017122661",
        "To=%2B15558675310",
        "StatusCallbackMethod=GET",
        "ConferenceStatusCallback=",
      ].join("&"),
    );
  });

  it("without PUBLIC_URL sends exactly what the caller gave", async () => {
    expect(await add(withoutUrl, MINIMAL)).toBe("From=%2B15017122661&To=%2B15558675310");
  });
});

describe("the gateway's own events", () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await waitForSubscriptions(withoutUrl.url, 0);
  });

  async function subscribe(filter: Record<string, unknown>) {
    const client = wsClient(withoutUrl.url);
    cleanups.push(() => client.dispose());
    const subscription = client.subscribe<{ participantEvents: Record<string, unknown> }>({
      query: PARTICIPANT_EVENTS,
      variables: { filter },
    });
    await waitForSubscriptions(withoutUrl.url, 1);
    return subscription;
  }

  async function run(query: string, input: Record<string, unknown>) {
    const result = await withoutUrl.graphql(query, { input });
    expect(result.errors).toBeUndefined();
  }

  it("tells Proxy subscribers of its add and remove (Twilio has no callbacks for them)", async () => {
    const session = "KC" + "1".repeat(32);
    const service = "KS" + "2".repeat(32);
    const participant = "KP" + "3".repeat(32);
    const subscription = await subscribe({ sessionSid: session });
    const answer = {
      sid: participant,
      session_sid: session,
      service_sid: service,
      account_sid: ACCOUNT_SID,
      identifier: "+15558675310",
      proxy_identifier: "+15017122661",
      date_created: "2015-07-30T20:00:00Z",
      date_updated: "2015-07-30T20:00:01Z",
    };
    fake.reply({ status: 201, body: answer });
    await run(
      `mutation ($input: AddProxyParticipantInput!) { addProxyParticipant(input: $input) { sid } }`,
      { serviceSid: service, sessionSid: session, identifier: "+15558675310" },
    );
    fake.reply({ status: 200, body: answer }, { status: 204 });
    await run(
      `mutation ($input: RemoveProxyParticipantInput!) { removeProxyParticipant(input: $input) { sid } }`,
      { serviceSid: service, sessionSid: session, sid: participant },
    );
    const events = (await subscription.waitFor(2)).map(
      (payload) => payload.data!.participantEvents,
    );
    const expected = {
      kind: "PROXY",
      source: "GATEWAY",
      sequenceNumber: null,
      participant: {
        __typename: "ProxyParticipant",
        sid: participant,
        kind: "PROXY",
        accountSid: ACCOUNT_SID,
        serviceSid: service,
        sessionSid: session,
        identifier: "+15558675310",
      },
    };
    expect(events).toEqual([
      { ...expected, type: "ADDED", occurredAt: expect.any(String) },
      { ...expected, type: "REMOVED", occurredAt: expect.any(String) },
    ]);
  });

  it("tells Flex subscribers of its add and update, under the request's account", async () => {
    const interaction = "KD" + "4".repeat(32);
    const channel = "UO" + "5".repeat(32);
    const participant = "UT" + "6".repeat(32);
    const subscription = await subscribe({ interactionSid: interaction, kind: "INTERACTION" });
    const answer = {
      sid: participant,
      interaction_sid: interaction,
      channel_sid: channel,
      type: "agent",
    };
    fake.reply({ status: 200, body: answer });
    await run(
      `mutation ($input: AddInteractionParticipantInput!) { addInteractionParticipant(input: $input) { sid } }`,
      {
        interactionSid: interaction,
        channelSid: channel,
        type: "AGENT",
        mediaProperties: { type: "sms" },
      },
    );
    fake.reply({ status: 200, body: { ...answer, status: "closed" } });
    await run(
      `mutation ($input: UpdateInteractionParticipantInput!) { updateInteractionParticipant(input: $input) { sid } }`,
      { interactionSid: interaction, channelSid: channel, sid: participant, status: "CLOSED" },
    );
    const events = (await subscription.waitFor(2)).map(
      (payload) => payload.data!.participantEvents,
    );
    expect(events.map((event) => event.type)).toEqual(["ADDED", "UPDATED"]);
    for (const event of events) {
      expect(event).toMatchObject({
        kind: "INTERACTION",
        source: "GATEWAY",
        participant: { sid: participant, interactionSid: interaction, channelSid: channel },
      });
    }
  });

  it("tells conference subscribers of an update and a removal", async () => {
    const subscription = await subscribe({ conferenceSid: CF, types: ["UPDATED", "REMOVED"] });
    fake.reply({ status: 200, body: { ...CONFERENCE_ANSWER, muted: true, status: "connected" } });
    await run(
      `mutation ($input: UpdateConferenceParticipantInput!) { updateConferenceParticipant(input: $input) { callSid } }`,
      { conferenceSid: CF, callSid: CALL, muted: true },
    );
    fake.reply(
      { status: 200, body: { ...CONFERENCE_ANSWER, status: "connected" } },
      { status: 204 },
    );
    await run(
      `mutation ($input: RemoveConferenceParticipantInput!) { removeConferenceParticipant(input: $input) { callSid } }`,
      { conferenceSid: CF, callSid: CALL },
    );
    const events = (await subscription.waitFor(2)).map(
      (payload) => payload.data!.participantEvents,
    );
    expect(events.map((event) => [event.type, event.participant])).toEqual([
      ["UPDATED", expect.objectContaining({ callSid: CALL, muted: true, status: "CONNECTED" })],
      ["REMOVED", expect.objectContaining({ callSid: CALL, muted: false })],
    ]);
  });

  it("publishes nothing for a change Twilio refused", async () => {
    const subscription = await subscribe({ conferenceSid: CF });
    fake.reply({ status: 400, body: { code: 21211, message: "Invalid 'To'", status: 400 } });
    const refused = await withoutUrl.graphql(ADD_CONFERENCE, { input: MINIMAL });
    expect(refused.errors?.[0]?.extensions?.code).toBe("TWILIO_API_ERROR");
    await add(withoutUrl, MINIMAL);
    const [first] = await subscription.waitFor(1);
    expect(first!.data!.participantEvents).toMatchObject({ type: "ADDED" });
    expect(subscription.payloads).toHaveLength(1);
  });
});

describe("when publishing fails", () => {
  it("the change still succeeds, and the failure is logged", async () => {
    // Nothing listens on port 1: every publish fails once ioredis gives up reconnecting.
    const broken = await startTestGateway(fake.url, { REDIS_URL: "redis://127.0.0.1:1" });
    try {
      fake.reply({ status: 201, body: CONFERENCE_ANSWER });
      const result = await broken.graphql(ADD_CONFERENCE, { input: MINIMAL });
      expect(result).toEqual({
        status: 200,
        data: { addConferenceParticipant: { callSid: CALL } },
      });
      expect(broken.logLines.join("\n")).toContain("could not publish a participant event");
    } finally {
      await broken.close();
    }
  });
});
