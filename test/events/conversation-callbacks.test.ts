import { describe, expect, it } from "vitest";
import type { CallbackOutcome, CallbackParams } from "../../src/events/callback.js";
import type { ParticipantEventRecord } from "../../src/events/record.js";
import { parseConversationCallback } from "../../src/participants/conversation/callbacks.js";

// The example bodies of the shared reference data (twilio-callbacks/conversations-webhooks.json),
// built there from Twilio's documented parameter lists; SIDs and values are invented.
const ACCOUNT = "ACa0cee0250c6d0be0da03fc76d2b0bdf7";
const CONVERSATION = "CH359eb94b9025fb03420cc54a1b1d6125";
const ROLE = "RLf6495d9e5f294a0b5763f2954c4da399";
const SMS_PARTICIPANT = "MB65c4523d1dc12cbf7dbf40a1ec34ae9a";
const CHAT_PARTICIPANT = "MBbf2160d1b059088d5dce112e30721240";
const CHAT_SERVICE = `IS${"5".repeat(32)}`;

const ADDED = {
  AccountSid: ACCOUNT,
  EventType: "onParticipantAdded",
  Source: "API",
  ConversationSid: CONVERSATION,
  ParticipantSid: SMS_PARTICIPANT,
  DateCreated: "2026-08-04T17:10:02.000Z",
  RoleSid: ROLE,
  Attributes: "{}",
  "MessagingBinding.ProxyAddress": "+14155559876",
  "MessagingBinding.Address": "+14155550123",
  "MessagingBinding.Type": "SMS",
};
const UPDATED = {
  AccountSid: ACCOUNT,
  EventType: "onParticipantUpdated",
  Source: "SDK",
  ClientIdentity: "agent-jane",
  ConversationSid: CONVERSATION,
  ParticipantSid: CHAT_PARTICIPANT,
  DateCreated: "2026-08-04T17:10:05.000Z",
  DateUpdated: "2026-08-04T17:12:41.000Z",
  Identity: "agent-jane",
  RoleSid: ROLE,
  Attributes: '{"team":"support"}',
  "MessagingBinding.Type": "CHAT",
  LastReadMessageIndex: "7",
};
const REMOVED = {
  AccountSid: ACCOUNT,
  EventType: "onParticipantRemoved",
  Source: "API",
  ConversationSid: CONVERSATION,
  ParticipantSid: SMS_PARTICIPANT,
  DateCreated: "2026-08-04T17:10:02.000Z",
  DateUpdated: "2026-08-04T17:10:02.000Z",
  DateRemoved: "2026-08-04T17:20:00.000Z",
  RoleSid: ROLE,
  Attributes: "{}",
  "MessagingBinding.ProxyAddress": "+14155559876",
  "MessagingBinding.Address": "+14155550123",
  "MessagingBinding.Type": "SMS",
};

const RECEIVED_AT = new Date("2026-08-04T17:30:00Z");

function parse(
  body: Record<string, string> | CallbackParams,
  chatServiceSid?: string | null,
): CallbackOutcome {
  const params = Array.isArray(body) ? body : Object.entries(body);
  return parseConversationCallback(params, { receivedAt: RECEIVED_AT, chatServiceSid });
}

function event(outcome: CallbackOutcome): ParticipantEventRecord {
  if (outcome.outcome !== "event") throw new Error(`expected an event, got ${outcome.outcome}`);
  return outcome.record;
}

describe("parseConversationCallback", () => {
  it("turns onParticipantAdded into ADDED with the participant as REST would show it", () => {
    const record = event(parse(ADDED));
    expect(record).toMatchObject({
      accountSid: ACCOUNT,
      type: "ADDED",
      kind: "CONVERSATION",
      source: "TWILIO",
      occurredAt: "2026-08-04T17:10:02.000Z",
      sequenceNumber: null,
      scope: { conversationSid: CONVERSATION },
    });
    expect(record.participant).toEqual({
      kind: "CONVERSATION",
      sid: SMS_PARTICIPANT,
      accountSid: ACCOUNT,
      conversationSid: CONVERSATION,
      chatServiceSid: null,
      identity: null,
      attributes: {},
      // The shape of the GraphQL type, read by the same mapper as REST's answer.
      messagingBinding: {
        type: "sms",
        address: "+14155550123",
        proxyAddress: "+14155559876",
        projectedAddress: null,
        name: null,
        level: null,
      },
      roleSid: ROLE,
      lastReadMessageIndex: null,
      lastReadTimestamp: null,
      dateCreated: "2026-08-04T17:10:02.000Z",
      dateUpdated: null,
      url: null,
    });
    expect(record.id).toMatch(
      new RegExp(
        `^conversation:${ACCOUNT}:${SMS_PARTICIPANT}:onParticipantAdded:2026-08-04T17:10:02.000Z:[0-9a-f]{16}$`,
      ),
    );
  });

  it("turns onParticipantUpdated into UPDATED, dated by DateUpdated, attributes parsed", () => {
    const record = event(parse(UPDATED));
    expect(record).toMatchObject({ type: "UPDATED", occurredAt: "2026-08-04T17:12:41.000Z" });
    expect(record.participant).toMatchObject({
      sid: CHAT_PARTICIPANT,
      identity: "agent-jane",
      attributes: { team: "support" },
      // A chat-only participant has no binding, as in Twilio's REST answer.
      messagingBinding: null,
      lastReadMessageIndex: 7,
      dateUpdated: "2026-08-04T17:12:41.000Z",
    });
  });

  it("turns onParticipantRemoved into REMOVED, dated by DateRemoved", () => {
    const record = event(parse(REMOVED));
    expect(record).toMatchObject({ type: "REMOVED", occurredAt: "2026-08-04T17:20:00.000Z" });
    expect(record.participant.sid).toBe(SMS_PARTICIPANT);
  });

  it("takes the Conversation Service from the webhook, else from the context", () => {
    expect(event(parse(ADDED, CHAT_SERVICE)).scope).toEqual({
      conversationSid: CONVERSATION,
      chatServiceSid: CHAT_SERVICE,
    });
    const other = `IS${"6".repeat(32)}`;
    const record = event(parse({ ...ADDED, ChatServiceSid: other }, CHAT_SERVICE));
    expect(record.participant.chatServiceSid).toBe(other);
  });

  // Changed deliberately: several addresses were kept as a list, which the typed binding cannot
  // hold; Twilio documents one address per participant, so the first is kept.
  it("keeps Attributes that are not JSON as text, and the first of several addresses", () => {
    const record = event(
      parse([
        ...Object.entries({ ...ADDED, Attributes: "not json" }),
        ["MessagingBinding.Address", "+14155550999"],
      ]),
    );
    expect(record.participant.attributes).toBe("not json");
    expect(record.participant.messagingBinding).toMatchObject({ address: "+14155550123" });
  });

  it("names a retry the same, and two different updates in the same second differently", () => {
    expect(event(parse(UPDATED)).id).toBe(event(parse({ ...UPDATED, Source: "SDK" })).id);
    const again = event(parse({ ...UPDATED, Attributes: '{"team":"sales"}' }));
    expect(again.id).not.toBe(event(parse(UPDATED)).id);
    const otherEvents = [ADDED, REMOVED].map((body) => event(parse(body)).id);
    expect(new Set([...otherEvents, event(parse(UPDATED)).id]).size).toBe(3);
  });

  it("falls back to the time received when the event's date is unusable", () => {
    const { DateRemoved: _dropped, ...undated } = REMOVED;
    expect(event(parse(undated)).occurredAt).toBe(RECEIVED_AT.toISOString());
  });

  it("ignores pre-event hooks and other events, so Twilio goes ahead unchanged", () => {
    for (const eventType of [
      "onParticipantAdd",
      "onParticipantUpdate",
      "onParticipantRemove",
      "onMessageAdded",
      "onConversationRemoved",
    ]) {
      expect(parse({ ...ADDED, EventType: eventType }), eventType).toEqual({
        outcome: "ignored",
        reason: `"${eventType}" is not a participant post-event`,
      });
    }
  });

  it("rejects a webhook without its event type or SIDs", () => {
    const { EventType: _type, ...untyped } = ADDED;
    expect(parse(untyped)).toEqual({ outcome: "rejected", reason: "EventType is missing" });
    const { AccountSid: _account, ...noAccount } = ADDED;
    expect(parse(noAccount)).toEqual({ outcome: "rejected", reason: "AccountSid is missing" });
    const { ParticipantSid: _participant, ...noParticipant } = ADDED;
    expect(parse(noParticipant)).toEqual({
      outcome: "rejected",
      reason: "ParticipantSid is missing",
    });
    expect(parse({ ...ADDED, ConversationSid: "CH-nope" })).toEqual({
      outcome: "rejected",
      reason: "ConversationSid is not a CH SID (CH followed by 32 hex digits)",
    });
  });
});

describe("a webhook's messaging binding", () => {
  it("reads like REST's: lower-case type, camelCase fields, a projected address alone", () => {
    const record = event(
      parse({
        ...UPDATED,
        "MessagingBinding.Type": "SMS",
        "MessagingBinding.ProjectedAddress": "+14155550777",
      }),
    );
    expect(record.participant.messagingBinding).toEqual({
      type: "sms",
      address: null,
      proxyAddress: null,
      projectedAddress: "+14155550777",
      name: null,
      level: null,
    });
  });
});
