import { describe, expect, it } from "vitest";
import { matchesFilter } from "../../src/events/filter.js";
import {
  gatewayEvent,
  ParticipantEventSource,
  participantEventRecord,
  ParticipantEventType,
  snapshotOf,
} from "../../src/events/record.js";
import { ACCOUNT_A, CALL_1, CONFERENCE_1, CONFERENCE_2, conferenceRecord } from "./fixtures.js";

const SERVICE = `KS${"c".repeat(32)}`;
const SESSION = `KC${"d".repeat(32)}`;

function proxyRecord() {
  return participantEventRecord({
    id: "proxy-1",
    accountSid: ACCOUNT_A,
    type: ParticipantEventType.ADDED,
    source: ParticipantEventSource.GATEWAY,
    occurredAt: "2026-08-04T17:00:00.000Z",
    sequenceNumber: null,
    participant: {
      kind: "PROXY",
      sid: `KP${"e".repeat(32)}`,
      serviceSid: SERVICE,
      sessionSid: SESSION,
      friendlyName: null,
    },
  });
}

describe("participantEventRecord", () => {
  it("reads kind and scope off the participant, so they cannot disagree with it", () => {
    const record = proxyRecord();
    expect(record.kind).toBe("PROXY");
    expect(record.scope).toEqual({ serviceSid: SERVICE, sessionSid: SESSION });
  });

  it("leaves a null or empty SID out of the scope", () => {
    const record = conferenceRecord({}, { conferenceSid: null });
    expect(record.scope).toEqual({});
    expect(conferenceRecord({}, { conferenceSid: "" }).scope).toEqual({});
  });
});

describe("matchesFilter", () => {
  const record = conferenceRecord({ type: ParticipantEventType.MUTED });

  it("lets everything through an empty filter (the whole account)", () => {
    expect(matchesFilter({}, record)).toBe(true);
    expect(matchesFilter({ kind: null, conferenceSid: null, types: null }, record)).toBe(true);
    expect(matchesFilter({ types: [] }, record)).toBe(true);
  });

  it("narrows by kind", () => {
    expect(matchesFilter({ kind: "CONFERENCE" }, record)).toBe(true);
    expect(matchesFilter({ kind: "CONVERSATION" }, record)).toBe(false);
  });

  it("narrows by event type", () => {
    expect(matchesFilter({ types: [ParticipantEventType.MUTED] }, record)).toBe(true);
    expect(
      matchesFilter({ types: [ParticipantEventType.JOINED, ParticipantEventType.MUTED] }, record),
    ).toBe(true);
    expect(matchesFilter({ types: [ParticipantEventType.UNMUTED] }, record)).toBe(false);
  });

  it("narrows by each scope SID, and a SID the record lacks never matches", () => {
    expect(matchesFilter({ conferenceSid: CONFERENCE_1 }, record)).toBe(true);
    expect(matchesFilter({ conferenceSid: CONFERENCE_2 }, record)).toBe(false);
    expect(matchesFilter({ conversationSid: `CH${"1".repeat(32)}` }, record)).toBe(false);
    const proxy = proxyRecord();
    expect(matchesFilter({ serviceSid: SERVICE, sessionSid: SESSION }, proxy)).toBe(true);
    expect(matchesFilter({ serviceSid: SERVICE, sessionSid: `KC${"f".repeat(32)}` }, proxy)).toBe(
      false,
    );
    expect(matchesFilter({ interactionSid: `KD${"1".repeat(32)}` }, proxy)).toBe(false);
    expect(matchesFilter({ channelSid: `UO${"1".repeat(32)}` }, proxy)).toBe(false);
    expect(matchesFilter({ chatServiceSid: `IS${"1".repeat(32)}` }, proxy)).toBe(false);
  });

  it("needs every given field to match", () => {
    const filter = {
      kind: "CONFERENCE",
      conferenceSid: CONFERENCE_1,
      types: [ParticipantEventType.MUTED],
    };
    expect(matchesFilter(filter, record)).toBe(true);
    expect(matchesFilter({ ...filter, kind: "PROXY" }, record)).toBe(false);
    expect(matchesFilter({ ...filter, conferenceSid: CONFERENCE_2 }, record)).toBe(false);
  });
});

describe("snapshotOf and gatewayEvent", () => {
  const participant = {
    kind: "CONFERENCE",
    sid: CALL_1,
    callSid: CALL_1,
    conferenceSid: CONFERENCE_1,
    dateCreated: new Date("2026-08-04T17:02:11Z"),
    dateUpdated: new Date(Number.NaN),
    attributes: { nested: [1, "two", null] },
    muted: false,
  };

  it("turns dates into ISO text (an invalid date into null) and keeps the rest", () => {
    expect(snapshotOf(participant)).toEqual({
      ...participant,
      dateCreated: "2026-08-04T17:02:11.000Z",
      dateUpdated: null,
    });
  });

  it("makes a GATEWAY record that survives JSON unchanged", () => {
    const occurredAt = new Date("2026-08-04T17:05:00Z");
    const record = gatewayEvent({
      type: ParticipantEventType.ADDED,
      accountSid: ACCOUNT_A,
      participant,
      occurredAt,
    });
    expect(record).toMatchObject({
      accountSid: ACCOUNT_A,
      type: "ADDED",
      kind: "CONFERENCE",
      source: "GATEWAY",
      occurredAt: "2026-08-04T17:05:00.000Z",
      sequenceNumber: null,
      scope: { conferenceSid: CONFERENCE_1 },
    });
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    const again = gatewayEvent({
      type: ParticipantEventType.ADDED,
      accountSid: ACCOUNT_A,
      participant,
    });
    expect(again.id).not.toBe(record.id);
    expect(Date.parse(again.occurredAt)).not.toBeNaN();
  });
});
