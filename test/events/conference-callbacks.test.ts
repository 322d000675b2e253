import { describe, expect, it } from "vitest";
import type { CallbackOutcome, CallbackParams } from "../../src/events/callback.js";
import { ConferenceDirectory } from "../../src/events/conference-directory.js";
import { MemoryExpiringStore } from "../../src/events/expiring-store.js";
import { type ParticipantEventRecord, ParticipantEventType } from "../../src/events/record.js";
import {
  conferenceParticipantSnapshot,
  correlateConference,
  parseConferenceCallback,
} from "../../src/participants/conference/callbacks.js";

// The example bodies of the shared reference data (twilio-callbacks/conference-callbacks.json),
// built there from Twilio's documented parameter lists; SIDs and values are invented.
const ACCOUNT = "ACa0cee0250c6d0be0da03fc76d2b0bdf7";
const CALL = "CA575f4041cf91150ebefd77ddcf9b4936";
const CONFERENCE = "CFebfa35ca9e07cda618836328fad8da34";

const CALL_PROGRESS_COMMON = {
  AccountSid: ACCOUNT,
  ApiVersion: "2010-04-01",
  CallSid: CALL,
  Called: "+14155550123",
  Caller: "+14155559876",
  Direction: "outbound-api",
  From: "+14155559876",
  To: "+14155550123",
  CalledCity: "SAN FRANCISCO",
  CalledState: "CA",
  CalledZip: "94105",
  CalledCountry: "US",
  ToCity: "SAN FRANCISCO",
  ToState: "CA",
  ToZip: "94105",
  ToCountry: "US",
  CallbackSource: "call-progress-events",
};
const RINGING = {
  ...CALL_PROGRESS_COMMON,
  CallStatus: "ringing",
  Timestamp: "Tue, 04 Aug 2026 17:02:11 +0000",
  SequenceNumber: "1",
};
const ANSWERED = {
  ...CALL_PROGRESS_COMMON,
  CallStatus: "in-progress",
  Timestamp: "Tue, 04 Aug 2026 17:02:19 +0000",
  SequenceNumber: "2",
};
const COMPLETED = {
  ...CALL_PROGRESS_COMMON,
  CallStatus: "completed",
  Duration: "2",
  CallDuration: "95",
  SipResponseCode: "200",
  Timestamp: "Tue, 04 Aug 2026 17:03:54 +0000",
  SequenceNumber: "3",
};
const PARTICIPANT_FIELDS = {
  ConferenceSid: CONFERENCE,
  FriendlyName: "support-room-4711",
  AccountSid: ACCOUNT,
  CallSid: CALL,
  Muted: "false",
  Hold: "false",
  Coaching: "false",
  EndConferenceOnExit: "false",
  StartConferenceOnEnter: "true",
  ParticipantLabel: "customer",
};
const JOIN = {
  ...PARTICIPANT_FIELDS,
  SequenceNumber: "2",
  Timestamp: "Tue, 04 Aug 2026 17:02:20 +0000",
  StatusCallbackEvent: "participant-join",
};
const MUTE = {
  ...PARTICIPANT_FIELDS,
  Muted: "true",
  SequenceNumber: "4",
  Timestamp: "Tue, 04 Aug 2026 17:02:48 +0000",
  StatusCallbackEvent: "participant-mute",
};
const LEAVE = {
  ...PARTICIPANT_FIELDS,
  SequenceNumber: "6",
  Timestamp: "Tue, 04 Aug 2026 17:03:54 +0000",
  StatusCallbackEvent: "participant-leave",
  ParticipantCallStatus: "completed",
  ReasonParticipantLeft: "participant_hung_up",
};
const CONFERENCE_END = {
  ConferenceSid: CONFERENCE,
  FriendlyName: "support-room-4711",
  AccountSid: ACCOUNT,
  SequenceNumber: "8",
  Timestamp: "Tue, 04 Aug 2026 17:04:02 +0000",
  StatusCallbackEvent: "conference-end",
  CallSidEndingConference: "CA7a91100fc02c93256849782ea482c2e5",
  ParticipantLabelEndingConference: "agent",
  ReasonConferenceEnded: "participant-with-end-conference-on-exit-left",
  Reason: "(free text - exact wording unconfirmed)",
};

const RECEIVED_AT = new Date("2026-08-04T17:10:00Z");

function params(body: Record<string, string>): CallbackParams {
  return Object.entries(body);
}

function parse(body: Record<string, string>, conferenceSid?: string | null): CallbackOutcome {
  return parseConferenceCallback(params(body), { receivedAt: RECEIVED_AT, conferenceSid });
}

function event(outcome: CallbackOutcome): ParticipantEventRecord {
  if (outcome.outcome !== "event") throw new Error(`expected an event, got ${outcome.outcome}`);
  return outcome.record;
}

describe("parseConferenceCallback: call progress", () => {
  it("turns the ringing example into a RINGING event of a ringing participant", () => {
    expect(event(parse(RINGING))).toEqual({
      id: `call:${ACCOUNT}:${CALL}:ringing:1`,
      accountSid: ACCOUNT,
      type: "RINGING",
      kind: "CONFERENCE",
      source: "TWILIO",
      occurredAt: "2026-08-04T17:02:11.000Z",
      sequenceNumber: 1,
      scope: {},
      participant: {
        kind: "CONFERENCE",
        sid: CALL,
        callSid: CALL,
        accountSid: ACCOUNT,
        conferenceSid: null,
        label: null,
        callSidToCoach: null,
        coaching: null,
        endConferenceOnExit: null,
        muted: null,
        hold: null,
        startConferenceOnEnter: null,
        status: "ringing",
        queueTime: null,
        dateCreated: null,
        dateUpdated: null,
        uri: null,
        url: null,
      },
    });
  });

  it("reports answered (in-progress) as ANSWERED and completed as COMPLETED", () => {
    const answered = event(parse(ANSWERED));
    expect(answered).toMatchObject({ type: "ANSWERED", sequenceNumber: 2 });
    expect(answered.participant.status).toBe("connected");
    const completed = event(parse(COMPLETED));
    expect(completed).toMatchObject({
      type: "COMPLETED",
      sequenceNumber: 3,
      occurredAt: "2026-08-04T17:03:54.000Z",
    });
    expect(completed.participant.status).toBe("complete");
  });

  it("maps every CallStatus one to one", () => {
    const expected: Array<[string, ParticipantEventType, string]> = [
      ["queued", ParticipantEventType.QUEUED, "queued"],
      ["initiated", ParticipantEventType.INITIATED, "connecting"],
      ["ringing", ParticipantEventType.RINGING, "ringing"],
      ["in-progress", ParticipantEventType.ANSWERED, "connected"],
      ["completed", ParticipantEventType.COMPLETED, "complete"],
      ["busy", ParticipantEventType.BUSY, "failed"],
      ["no-answer", ParticipantEventType.NO_ANSWER, "failed"],
      ["failed", ParticipantEventType.FAILED, "failed"],
      ["canceled", ParticipantEventType.CANCELED, "failed"],
    ];
    for (const [callStatus, type, status] of expected) {
      const record = event(parse({ ...COMPLETED, CallStatus: callStatus }));
      expect([record.type, record.participant.status], callStatus).toEqual([type, status]);
    }
  });

  it("takes the conference from the context, since the callback does not carry it", () => {
    const record = event(parse(RINGING, CONFERENCE));
    expect(record.scope).toEqual({ conferenceSid: CONFERENCE });
    expect(record.participant.conferenceSid).toBe(CONFERENCE);
    // The id names the event, not what the gateway knew about it.
    expect(record.id).toBe(event(parse(RINGING)).id);
  });

  it("gives the same event the same id and different events different ids", () => {
    expect(event(parse(RINGING)).id).toBe(event(parse({ ...RINGING })).id);
    const ids = [RINGING, ANSWERED, COMPLETED].map((body) => event(parse(body)).id);
    expect(new Set(ids).size).toBe(3);
    const { SequenceNumber: _dropped, ...withoutSequence } = RINGING;
    expect(event(parse(withoutSequence)).id).toBe(`call:${ACCOUNT}:${CALL}:ringing:-`);
  });

  it("falls back to the time received when Timestamp is absent or unreadable", () => {
    const { Timestamp: _dropped, ...withoutTimestamp } = RINGING;
    expect(event(parse(withoutTimestamp)).occurredAt).toBe(RECEIVED_AT.toISOString());
    expect(event(parse({ ...RINGING, Timestamp: "yesterday-ish" })).occurredAt).toBe(
      RECEIVED_AT.toISOString(),
    );
    expect(event(parse({ ...RINGING, SequenceNumber: "x1" })).sequenceNumber).toBeNull();
    expect(event(parse({ ...RINGING, SequenceNumber: "99999999999" })).sequenceNumber).toBeNull();
  });

  it("ignores a status it does not know, and rejects a callback without its SIDs", () => {
    expect(parse({ ...RINGING, CallStatus: "teleported" })).toEqual({
      outcome: "ignored",
      reason: 'unknown CallStatus "teleported"',
    });
    const { AccountSid: _account, ...noAccount } = RINGING;
    expect(parse(noAccount)).toEqual({ outcome: "rejected", reason: "AccountSid is missing" });
    const { CallSid: _call, ...noCall } = RINGING;
    expect(parse(noCall)).toEqual({ outcome: "rejected", reason: "CallSid is missing" });
    expect(parse({ ...RINGING, CallSid: "CA123" })).toEqual({
      outcome: "rejected",
      reason: "CallSid is not a CA SID (CA followed by 32 hex digits)",
    });
    expect(parse({ ...RINGING, AccountSid: "" })).toEqual({
      outcome: "rejected",
      reason: "AccountSid is missing",
    });
  });

  it("ignores a callback that is neither call progress nor a conference event", () => {
    expect(parse({ AccountSid: ACCOUNT, RecordingSid: `RE${"1".repeat(32)}` })).toMatchObject({
      outcome: "ignored",
    });
  });
});

describe("parseConferenceCallback: conference events", () => {
  it("turns the participant-join example into JOINED with the participant's flags", () => {
    expect(event(parse(JOIN))).toEqual({
      id: `conference:${ACCOUNT}:${CONFERENCE}:2:participant-join:${CALL}`,
      accountSid: ACCOUNT,
      type: "JOINED",
      kind: "CONFERENCE",
      source: "TWILIO",
      occurredAt: "2026-08-04T17:02:20.000Z",
      sequenceNumber: 2,
      scope: { conferenceSid: CONFERENCE },
      participant: {
        kind: "CONFERENCE",
        sid: CALL,
        callSid: CALL,
        accountSid: ACCOUNT,
        conferenceSid: CONFERENCE,
        label: "customer",
        callSidToCoach: null,
        coaching: false,
        endConferenceOnExit: false,
        muted: false,
        hold: false,
        startConferenceOnEnter: true,
        status: "connected",
        queueTime: null,
        dateCreated: null,
        dateUpdated: null,
        uri: null,
        url: null,
      },
    });
  });

  it("reports mute with muted=true, and leave as a completed participant", () => {
    const muted = event(parse(MUTE));
    expect(muted).toMatchObject({ type: "MUTED", sequenceNumber: 4 });
    expect(muted.participant).toMatchObject({ muted: true, status: "connected" });
    const left = event(parse(LEAVE));
    expect(left).toMatchObject({ type: "LEFT", sequenceNumber: 6 });
    expect(left.participant.status).toBe("complete");
    const neverAnswered = event(parse({ ...LEAVE, ParticipantCallStatus: "no-answer" }));
    expect(neverAnswered.participant.status).toBe("failed");
  });

  it("maps every participant event one to one", () => {
    // Twilio's `participant-<event>` names and the contract's types, written out independently.
    const expected = (
      "join:JOINED leave:LEFT mute:MUTED unmute:UNMUTED hold:HELD unhold:UNHELD " +
      "modify:MODIFIED speech-start:SPEECH_STARTED speech-stop:SPEECH_STOPPED"
    )
      .split(" ")
      .map((pair) => {
        const [event, type] = pair.split(":");
        return [`participant-${event}`, type as ParticipantEventType] as const;
      });
    const ids = new Set<string>();
    for (const [name, type] of expected) {
      const record = event(parse({ ...JOIN, StatusCallbackEvent: name }));
      expect(record.type, name).toBe(type);
      ids.add(record.id);
    }
    expect(ids.size).toBe(expected.length);
  });

  it("leaves out a label the participant does not have and reads unknown flags as null", () => {
    const { ParticipantLabel: _label, ...unlabeled } = JOIN;
    const record = event(parse({ ...unlabeled, Coaching: "maybe" }));
    expect(record.participant).toMatchObject({ label: null, coaching: null });
  });

  it("ignores conference-wide events, and rejects a participant event without its SIDs", () => {
    expect(parse(CONFERENCE_END)).toEqual({
      outcome: "ignored",
      reason: '"conference-end" is not a participant event',
    });
    for (const name of ["conference-start", "announcement-end", "announcement-fail"]) {
      expect(parse({ ...JOIN, StatusCallbackEvent: name }).outcome, name).toBe("ignored");
    }
    const { CallSid: _call, ...noCall } = JOIN;
    expect(parse(noCall)).toEqual({ outcome: "rejected", reason: "CallSid is missing" });
    const { ConferenceSid: _conference, ...noConference } = JOIN;
    expect(parse(noConference)).toEqual({
      outcome: "rejected",
      reason: "ConferenceSid is missing",
    });
    const { AccountSid: _account, ...noAccount } = JOIN;
    expect(parse(noAccount)).toEqual({ outcome: "rejected", reason: "AccountSid is missing" });
  });

  it("uses the Timestamp to tell events apart when there is no SequenceNumber", () => {
    const { SequenceNumber: _dropped, ...withoutSequence } = MUTE;
    const record = event(parse(withoutSequence));
    expect(record.sequenceNumber).toBeNull();
    expect(record.id).toBe(
      `conference:${ACCOUNT}:${CONFERENCE}:${MUTE.Timestamp}:participant-mute:${CALL}`,
    );
  });

  it("reads a repeated field's first value, as Twilio reads a repeated scalar", () => {
    const record = event(
      parseConferenceCallback([...params(JOIN), ["ParticipantLabel", "second"]], {
        receivedAt: RECEIVED_AT,
      }),
    );
    expect(record.participant.label).toBe("customer");
  });
});

describe("correlateConference", () => {
  it("files a call under the conference its events name, and fills call progress in from it", async () => {
    const directory = new ConferenceDirectory(new MemoryExpiringStore());
    const ringingBefore = await correlateConference(event(parse(RINGING)), directory);
    expect(ringingBefore.scope).toEqual({});
    const joined = event(parse(JOIN));
    expect(await correlateConference(joined, directory)).toBe(joined);
    expect(await directory.conferenceOf(ACCOUNT, CALL)).toBe(CONFERENCE);
    const completed = await correlateConference(event(parse(COMPLETED)), directory);
    expect(completed.scope).toEqual({ conferenceSid: CONFERENCE });
    expect(completed.participant.conferenceSid).toBe(CONFERENCE);
    expect(completed.id).toBe(event(parse(COMPLETED)).id);
    expect(completed.type).toBe("COMPLETED");
  });

  it("passes other kinds of event through untouched", async () => {
    const directory = new ConferenceDirectory(new MemoryExpiringStore());
    const record = event(parse(RINGING));
    const other = { ...record, kind: "CONVERSATION" } as ParticipantEventRecord;
    expect(await correlateConference(other, directory)).toBe(other);
  });
});

describe("conferenceParticipantSnapshot", () => {
  it("names the participant by its call and leaves every unknown field null", () => {
    const snapshot = conferenceParticipantSnapshot({ callSid: CALL, conferenceSid: CONFERENCE });
    expect(snapshot).toMatchObject({ kind: "CONFERENCE", sid: CALL, conferenceSid: CONFERENCE });
    const unknown = Object.entries(snapshot).filter(
      ([field]) => !["kind", "sid", "callSid", "conferenceSid"].includes(field),
    );
    expect(unknown.every(([, value]) => value === null)).toBe(true);
  });
});
