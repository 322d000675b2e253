import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { ParticipantEventsSubscription } from "../../../schema/generated/operations.js";
import { SIMULATOR_ACCOUNT_SID } from "../../../src/simulator/defaults.js";
import { checkedInOperation } from "../../support/operations.js";
import { useSimulatorApp } from "../../support/simulator-app.js";
import {
  type ClientSubscription,
  sseClient,
  until,
  waitForSubscriptions,
  wsClient,
} from "../../support/subscriptions.js";
import { conferenceEventParams, postCallback } from "../../support/twilio-callbacks.js";

const OTHER_ACCOUNT = `AC${"b".repeat(32)}`;
const OTHER_TOKEN = "other-account-token-not-real";

/** Zero configuration but a quick call clock, and a token for a second account's callbacks. */
const simulator = useSimulatorApp({
  SIMULATOR_CALL_PROGRESS_STEP_MS: "20",
  TWILIO_CALLBACK_AUTH_TOKENS: `${OTHER_ACCOUNT}:${OTHER_TOKEN}`,
});

const PARTICIPANT_EVENTS = checkedInOperation("events.graphql", "ParticipantEvents");
type Event = ParticipantEventsSubscription["participantEvents"];

const sid = (prefix: string) => prefix + randomBytes(16).toString("hex");

const cleanups: Array<() => void> = [];
let subscribed = 0;
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  subscribed = 0;
  await waitForSubscriptions(simulator.app.gateway.url, 0);
});

type Transport = (url: string) => {
  subscribe(request: {
    query: string;
    variables?: Record<string, unknown>;
  }): ClientSubscription<ParticipantEventsSubscription>;
  dispose(): void | Promise<void>;
};

const transports: Array<[string, Transport]> = [
  ["graphql-ws", (url) => wsClient(url)],
  ["graphql-sse", (url) => sseClient(url)],
];

describe.each(transports)("participantEvents over %s, zero config", (_name, transport) => {
  /** Subscribes and waits until the gateway serves it, so no later event can be missed. */
  async function subscribe(filter: Record<string, unknown>) {
    const client = transport(simulator.app.gateway.url);
    cleanups.push(() => void client.dispose());
    const subscription = client.subscribe({ query: PARTICIPANT_EVENTS, variables: { filter } });
    cleanups.push(() => subscription.unsubscribe());
    subscribed += 1;
    await waitForSubscriptions(simulator.app.gateway.url, subscribed);
    return subscription;
  }

  async function mutate(query: string, variables: Record<string, unknown>) {
    const result = await simulator.graphql(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  const events = (subscription: ClientSubscription<ParticipantEventsSubscription>): Event[] => {
    for (const payload of subscription.payloads) expect(payload.errors).toBeUndefined();
    return subscription.data.map((data) => data.participantEvents);
  };

  async function addConferenceParticipant(conferenceSid: string, to = "+15558675310") {
    const data = await mutate(
      `mutation ($input: AddConferenceParticipantInput!) { addConferenceParticipant(input: $input) { callSid } }`,
      { input: { conferenceSid, from: "+15017122661", to, label: "alice" } },
    );
    return (data as { addConferenceParticipant: { callSid: string } }).addConferenceParticipant
      .callSid;
  }

  it("follows a conference participant from the add through its call, a mute and its removal", async () => {
    const conferenceSid = sid("CF");
    const subscription = await subscribe({ conferenceSid });
    const callSid = await addConferenceParticipant(conferenceSid);

    await subscription.waitFor(5);
    const [added, ...progress] = events(subscription);
    expect(added).toEqual({
      type: "ADDED",
      kind: "CONFERENCE",
      source: "GATEWAY",
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      sequenceNumber: null,
      participant: {
        __typename: "ConferenceParticipant",
        sid: callSid,
        kind: "CONFERENCE",
        accountSid: SIMULATOR_ACCOUNT_SID,
        callSid,
        conferenceSid,
        label: "alice",
        status: "QUEUED",
        muted: false,
        hold: false,
      },
    });
    // Separate callbacks may arrive in any order; the call's own come one step apart.
    const types = progress.map((event) => event.type);
    expect([...types].sort()).toEqual(["ANSWERED", "INITIATED", "JOINED", "RINGING"]);
    const callProgress = types.filter((type) => type !== "JOINED");
    expect(callProgress).toEqual(["INITIATED", "RINGING", "ANSWERED"]);
    expect(types.indexOf("JOINED")).toBeGreaterThan(types.indexOf("RINGING"));
    for (const event of progress) {
      expect(event).toMatchObject({ kind: "CONFERENCE", source: "TWILIO" });
      expect(event.sequenceNumber).toEqual(expect.any(Number));
      // Call-progress callbacks do not name the conference: the gateway remembered it.
      expect(event.participant).toMatchObject({ callSid, conferenceSid });
    }
    const byType = new Map(progress.map((event) => [event.type, event]));
    expect(byType.get("INITIATED")!.participant).toMatchObject({ status: "CONNECTING" });
    expect(byType.get("RINGING")!.participant).toMatchObject({ status: "RINGING" });
    expect(byType.get("ANSWERED")!.participant).toMatchObject({ status: "CONNECTED" });
    expect(byType.get("JOINED")!.participant).toMatchObject({
      status: "CONNECTED",
      label: "alice",
      muted: false,
    });

    await mutate(
      `mutation ($input: UpdateConferenceParticipantInput!) { updateConferenceParticipant(input: $input) { muted } }`,
      { input: { conferenceSid, callSid, muted: true } },
    );
    await subscription.waitFor(7);
    const afterMute = events(subscription).slice(5);
    expect(afterMute.map((event) => [event.type, event.source]).sort()).toEqual([
      ["MUTED", "TWILIO"],
      ["UPDATED", "GATEWAY"],
    ]);
    for (const event of afterMute)
      expect(event.participant).toMatchObject({ callSid, muted: true });

    await mutate(
      `mutation ($input: RemoveConferenceParticipantInput!) { removeConferenceParticipant(input: $input) { callSid } }`,
      { input: { conferenceSid, callSid } },
    );
    await subscription.waitFor(10);
    const afterRemoval = events(subscription).slice(7);
    expect(afterRemoval.map((event) => [event.type, event.source]).sort()).toEqual([
      ["COMPLETED", "TWILIO"],
      ["LEFT", "TWILIO"],
      ["REMOVED", "GATEWAY"],
    ]);
    const completed = afterRemoval.find((event) => event.type === "COMPLETED")!;
    expect(completed.participant).toMatchObject({ callSid, conferenceSid, status: "COMPLETE" });
  });

  it("reports calls that never connect, and only the types asked for", async () => {
    const conferenceSid = sid("CF");
    const subscription = await subscribe({
      conferenceSid,
      types: ["BUSY", "NO_ANSWER", "FAILED"],
    });
    const busy = await addConferenceParticipant(conferenceSid, "+15005550486");
    const unanswered = await addConferenceParticipant(conferenceSid, "+15005550487");
    const failed = await addConferenceParticipant(conferenceSid, "+15005550404");
    await subscription.waitFor(3);
    const outcomes = events(subscription).map((event) => [event.type, event.participant?.sid]);
    expect(outcomes.sort()).toEqual(
      [
        ["BUSY", busy],
        ["FAILED", failed],
        ["NO_ANSWER", unanswered],
      ].sort(),
    );
    for (const event of events(subscription)) {
      expect(event.participant).toMatchObject({ conferenceSid, status: "FAILED" });
    }
  });

  it("narrows by conference and by kind: nothing of another conference or kind gets through", async () => {
    const [first, second] = [sid("CF"), sid("CF")];
    const ofSecond = await subscribe({ conferenceSid: second });
    const conversationsOnly = await subscribe({ kind: "CONVERSATION", types: ["ADDED"] });

    await addConferenceParticipant(first);
    const conversationSid = sid("CH");
    await mutate(
      `mutation ($input: AddConversationParticipantInput!) { addConversationParticipant(input: $input) { sid } }`,
      { input: { conversationSid, identity: "marker" } },
    );
    await addConferenceParticipant(second);

    // The first event each receives is the one after everything it must not see.
    const [ofSecondFirst] = await ofSecond.waitFor(1);
    expect(ofSecondFirst!.data!.participantEvents).toMatchObject({
      type: "ADDED",
      participant: { conferenceSid: second },
    });
    const [conversationFirst] = await conversationsOnly.waitFor(1);
    expect(conversationFirst!.data!.participantEvents).toMatchObject({
      type: "ADDED",
      kind: "CONVERSATION",
      participant: { conversationSid, identity: "marker" },
    });
  });

  it("sees nothing of another account's events", async () => {
    const subscription = await subscribe({});
    const conferenceSid = sid("CF");
    const answer = await postCallback({
      gatewayUrl: simulator.app.gateway.url,
      publicUrl: simulator.app.gateway.url,
      target: "/twilio/callbacks/conference",
      token: OTHER_TOKEN,
      params: conferenceEventParams({
        accountSid: OTHER_ACCOUNT,
        conferenceSid,
        callSid: sid("CA"),
        event: "participant-join",
        sequenceNumber: 1,
      }),
    });
    expect(answer.status).toBe(200);
    const metrics = await (await fetch(`${simulator.app.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(
      /participant_gateway_twilio_callbacks_total\{product="conference",outcome="published"\} [1-9]/,
    );
    // Once this account's next event is in, the other account's (published before it) would be.
    const ownConference = sid("CF");
    await addConferenceParticipant(ownConference);
    const conferenceOf = (event: Event) =>
      event.participant?.__typename === "ConferenceParticipant"
        ? event.participant.conferenceSid
        : null;
    await until(
      () => events(subscription).some((event) => conferenceOf(event) === ownConference),
      10_000,
    );
    for (const event of events(subscription)) {
      expect(event.participant?.accountSid).toBe(SIMULATOR_ACCOUNT_SID);
      expect(conferenceOf(event)).not.toBe(conferenceSid);
    }
  });

  it("relays Conversations' webhooks next to the gateway's own events", async () => {
    const conversationSid = sid("CH");
    const subscription = await subscribe({ conversationSid });
    const added = await mutate(
      `mutation ($input: AddConversationParticipantInput!) { addConversationParticipant(input: $input) { sid } }`,
      { input: { conversationSid, identity: "bob", webhookEnabled: true } },
    );
    const participantSid = (added as { addConversationParticipant: { sid: string } })
      .addConversationParticipant.sid;
    await subscription.waitFor(2);
    await mutate(
      `mutation ($input: UpdateConversationParticipantInput!) { updateConversationParticipant(input: $input) { sid } }`,
      {
        input: {
          conversationSid,
          sid: participantSid,
          attributes: { vip: true },
          webhookEnabled: true,
        },
      },
    );
    await subscription.waitFor(4);
    await mutate(
      `mutation ($input: RemoveConversationParticipantInput!) { removeConversationParticipant(input: $input) { sid } }`,
      { input: { conversationSid, sid: participantSid, webhookEnabled: true } },
    );
    await subscription.waitFor(6);
    const seen = events(subscription).map((event) => [event.type, event.source]);
    const pairs = [0, 2, 4].map((i) => seen.slice(i, i + 2).sort());
    expect(pairs).toEqual([
      [
        ["ADDED", "GATEWAY"],
        ["ADDED", "TWILIO"],
      ],
      [
        ["UPDATED", "GATEWAY"],
        ["UPDATED", "TWILIO"],
      ],
      [
        ["REMOVED", "GATEWAY"],
        ["REMOVED", "TWILIO"],
      ],
    ]);
    const fromTwilio = events(subscription).filter((event) => event.source === "TWILIO");
    for (const event of fromTwilio) {
      expect(event.participant).toMatchObject({
        __typename: "ConversationParticipant",
        sid: participantSid,
        accountSid: SIMULATOR_ACCOUNT_SID,
        conversationSid,
        identity: "bob",
      });
    }
    expect(fromTwilio[1]!.participant).toMatchObject({ attributes: { vip: true } });
  });
});

describe("the simulator with API-key credentials (TWILIO_MODE=simulator)", () => {
  const keyed = useSimulatorApp({
    TWILIO_MODE: "simulator",
    TWILIO_ACCOUNT_SID: `AC${"d".repeat(32)}`,
    TWILIO_API_KEY: `SK${"e".repeat(32)}`,
    TWILIO_API_SECRET: "api-secret-not-real",
    SIMULATOR_CALL_PROGRESS_STEP_MS: "20",
  });

  it("signs its callbacks with a token the gateway accepts, though no auth token was configured", async () => {
    const client = wsClient(keyed.app.gateway.url);
    cleanups.push(() => void client.dispose());
    const conferenceSid = sid("CF");
    const subscription = client.subscribe<ParticipantEventsSubscription>({
      query: PARTICIPANT_EVENTS,
      variables: { filter: { conferenceSid, types: ["RINGING"] } },
    });
    await waitForSubscriptions(keyed.app.gateway.url, 1);
    const added = await keyed.graphql(
      `mutation ($input: AddConferenceParticipantInput!) { addConferenceParticipant(input: $input) { callSid } }`,
      { input: { conferenceSid, from: "+15017122661", to: "+15558675310" } },
    );
    expect(added.errors).toBeUndefined();
    const [ringing] = await subscription.waitFor(1);
    expect(ringing!.data!.participantEvents).toMatchObject({
      type: "RINGING",
      source: "TWILIO",
      participant: { accountSid: `AC${"d".repeat(32)}`, conferenceSid },
    });
    subscription.unsubscribe();
    await waitForSubscriptions(keyed.app.gateway.url, 0);
  });
});
