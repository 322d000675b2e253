import {
  ParticipantEventSource,
  participantEventRecord,
  type ParticipantEventRecord,
  ParticipantEventType,
} from "../../src/events/record.js";

// Obviously fake SIDs: two letters and 32 hex digits, as Twilio's.
export const ACCOUNT_A = `AC${"a".repeat(32)}`;
export const ACCOUNT_B = `AC${"b".repeat(32)}`;
export const CONFERENCE_1 = `CF${"1".repeat(32)}`;
export const CONFERENCE_2 = `CF${"2".repeat(32)}`;
export const CALL_1 = `CA${"1".repeat(32)}`;

let counter = 0;

/** A conference event record; `overrides` change the record, `participant` its participant. */
export function conferenceRecord(
  overrides: Partial<Omit<ParticipantEventRecord, "kind" | "scope" | "participant">> = {},
  participant: Record<string, unknown> = {},
): ParticipantEventRecord {
  counter += 1;
  return participantEventRecord({
    id: `test:${counter}`,
    accountSid: ACCOUNT_A,
    type: ParticipantEventType.JOINED,
    source: ParticipantEventSource.TWILIO,
    occurredAt: "2026-08-04T17:02:20.000Z",
    sequenceNumber: counter,
    ...overrides,
    participant: {
      kind: "CONFERENCE",
      sid: CALL_1,
      callSid: CALL_1,
      conferenceSid: CONFERENCE_1,
      accountSid: overrides.accountSid ?? ACCOUNT_A,
      ...participant,
    },
  });
}
