import {
  CallbackFields,
  type CallbackOutcome,
  type CallbackParams,
  ignored,
  rejected,
} from "../../events/callback.js";
import type { ConferenceDirectory } from "../../events/conference-directory.js";
import {
  ParticipantEventSource,
  participantEventRecord,
  type ParticipantEventRecord,
  ParticipantEventType,
  type Snapshot,
} from "../../events/record.js";
import type { InputOf } from "../../params/param.js";
import type { ProductCallbacks } from "../callbacks.js";
import type { GatewayDefaults } from "../resolvers/gateway-defaults.js";
import { CallStatusEvent, ConferenceParticipantStatus, ConferenceStatusEvent } from "./enums.js";
import type { AddConferenceParticipantInput } from "./params.js";
import { CONFERENCE, type ConferenceParticipant } from "./types.js";

/**
 * Twilio's two kinds of callback about a conference participant, as participant events:
 * - call progress (the participant's `StatusCallback`): `CallStatus` of the participant's
 *   call leg, one event per status (`answered` is reported as `in-progress`); no ConferenceSid;
 * - conference events (`ConferenceStatusCallback`): `StatusCallbackEvent=participant-*` with
 *   the participant's flags after the change.
 * Conference-wide events (conference-start/end, announcements) are not participant events.
 */

/**
 * A conference participant as an event reports it. Call progress does not name the conference
 * (until `correlateConference` finds it), so here `conferenceSid` may be null, though it is a
 * non-null key field of the GraphQL type.
 */
export type ConferenceParticipantSnapshot = Omit<
  Snapshot<ConferenceParticipant>,
  "conferenceSid"
> & {
  conferenceSid: string | null;
};

export interface ConferenceCallbackContext {
  /** When the gateway received the callback: the event's time if Twilio's Timestamp is unusable. */
  readonly receivedAt: Date;
  /**
   * The conference, when the gateway knows it and the callback does not say: from the callback
   * URL's query (the gateway's own callback URL; it is signed like the body) or from
   * `ConferenceDirectory` (see `correlateConference`).
   */
  readonly conferenceSid?: string | null;
}

/** A call status: the event it is, and the participant status it leaves the participant in. */
const CALL_STATUSES = new Map<string, [ParticipantEventType, ConferenceParticipant["status"]]>([
  ["queued", [ParticipantEventType.QUEUED, ConferenceParticipantStatus.QUEUED]],
  ["initiated", [ParticipantEventType.INITIATED, ConferenceParticipantStatus.CONNECTING]],
  ["ringing", [ParticipantEventType.RINGING, ConferenceParticipantStatus.RINGING]],
  ["in-progress", [ParticipantEventType.ANSWERED, ConferenceParticipantStatus.CONNECTED]],
  ["completed", [ParticipantEventType.COMPLETED, ConferenceParticipantStatus.COMPLETE]],
  // A call that never connected: the participant failed to join.
  ["busy", [ParticipantEventType.BUSY, ConferenceParticipantStatus.FAILED]],
  ["no-answer", [ParticipantEventType.NO_ANSWER, ConferenceParticipantStatus.FAILED]],
  ["failed", [ParticipantEventType.FAILED, ConferenceParticipantStatus.FAILED]],
  ["canceled", [ParticipantEventType.CANCELED, ConferenceParticipantStatus.FAILED]],
]);

const CONFERENCE_EVENTS = new Map<string, ParticipantEventType>([
  ["participant-join", ParticipantEventType.JOINED],
  ["participant-leave", ParticipantEventType.LEFT],
  ["participant-mute", ParticipantEventType.MUTED],
  ["participant-unmute", ParticipantEventType.UNMUTED],
  ["participant-hold", ParticipantEventType.HELD],
  ["participant-unhold", ParticipantEventType.UNHELD],
  ["participant-modify", ParticipantEventType.MODIFIED],
  ["participant-speech-start", ParticipantEventType.SPEECH_STARTED],
  ["participant-speech-stop", ParticipantEventType.SPEECH_STOPPED],
]);

/** `ParticipantCallStatus` on participant-leave: a call that never connected failed to join. */
const NEVER_CONNECTED = new Set(["busy", "no-answer", "failed", "canceled"]);

export function parseConferenceCallback(
  params: CallbackParams,
  context: ConferenceCallbackContext,
): CallbackOutcome {
  const fields = new CallbackFields(params);
  const event = fields.text("StatusCallbackEvent");
  if (event !== null) return conferenceEvent(fields, event, context);
  const callStatus = fields.text("CallStatus");
  if (callStatus !== null) return callProgress(fields, callStatus, context);
  return ignored("neither a conference event (StatusCallbackEvent) nor call progress (CallStatus)");
}

function callProgress(
  fields: CallbackFields,
  callStatus: string,
  context: ConferenceCallbackContext,
): CallbackOutcome {
  const mapped = CALL_STATUSES.get(callStatus);
  if (mapped === undefined) return ignored(`unknown CallStatus "${callStatus}"`);
  const problem = fields.sidProblem("AccountSid", "AC") ?? fields.sidProblem("CallSid", "CA");
  if (problem !== null) return rejected(problem);
  const [type, status] = mapped;
  const accountSid = fields.text("AccountSid")!;
  const callSid = fields.text("CallSid")!;
  // A ConferenceSid here is undocumented; used if Twilio ever sends one.
  const conferenceSid = fields.sid("ConferenceSid", "CF") ?? context.conferenceSid ?? null;
  return {
    outcome: "event",
    record: participantEventRecord({
      // A call passes each status once: with the SequenceNumber or without, this names the event.
      id: `call:${accountSid}:${callSid}:${callStatus}:${fields.text("SequenceNumber") ?? "-"}`,
      accountSid,
      type,
      source: ParticipantEventSource.TWILIO,
      occurredAt: fields.date("Timestamp") ?? context.receivedAt.toISOString(),
      sequenceNumber: fields.integer("SequenceNumber"),
      participant: conferenceParticipantSnapshot({ accountSid, callSid, conferenceSid, status }),
    }),
  };
}

function conferenceEvent(
  fields: CallbackFields,
  event: string,
  context: ConferenceCallbackContext,
): CallbackOutcome {
  const type = CONFERENCE_EVENTS.get(event);
  if (type === undefined) return ignored(`"${event}" is not a participant event`);
  const problem =
    fields.sidProblem("AccountSid", "AC") ??
    fields.sidProblem("ConferenceSid", "CF") ??
    fields.sidProblem("CallSid", "CA");
  if (problem !== null) return rejected(problem);
  const accountSid = fields.text("AccountSid")!;
  const conferenceSid = fields.text("ConferenceSid")!;
  const callSid = fields.text("CallSid")!;
  const callStatus = fields.text("ParticipantCallStatus");
  const status =
    type !== ParticipantEventType.LEFT
      ? ConferenceParticipantStatus.CONNECTED
      : callStatus !== null && NEVER_CONNECTED.has(callStatus)
        ? ConferenceParticipantStatus.FAILED
        : ConferenceParticipantStatus.COMPLETE;
  // SequenceNumber's scope is undocumented: the event name and call keep two events apart
  // whatever it is; without one, the Timestamp stands in.
  const order = fields.text("SequenceNumber") ?? fields.text("Timestamp") ?? "-";
  return {
    outcome: "event",
    record: participantEventRecord({
      id: `conference:${accountSid}:${conferenceSid}:${order}:${event}:${callSid}`,
      accountSid,
      type,
      source: ParticipantEventSource.TWILIO,
      occurredAt: fields.date("Timestamp") ?? context.receivedAt.toISOString(),
      sequenceNumber: fields.integer("SequenceNumber"),
      participant: conferenceParticipantSnapshot({
        accountSid,
        callSid,
        conferenceSid,
        status,
        label: fields.text("ParticipantLabel"),
        muted: fields.flag("Muted"),
        hold: fields.flag("Hold"),
        coaching: fields.flag("Coaching"),
        endConferenceOnExit: fields.flag("EndConferenceOnExit"),
        startConferenceOnEnter: fields.flag("StartConferenceOnEnter"),
      }),
    }),
  };
}

/**
 * A conference participant as far as it is known: the call SID (its `sid`) always, every
 * field not given null. Also what the gateway reports on a removal, where it knows only the key.
 */
export function conferenceParticipantSnapshot(
  known: Partial<ConferenceParticipantSnapshot> & { callSid: string },
): ConferenceParticipantSnapshot {
  return {
    kind: CONFERENCE,
    sid: known.callSid,
    callSid: known.callSid,
    accountSid: known.accountSid ?? null,
    conferenceSid: known.conferenceSid ?? null,
    label: known.label ?? null,
    callSidToCoach: known.callSidToCoach ?? null,
    coaching: known.coaching ?? null,
    endConferenceOnExit: known.endConferenceOnExit ?? null,
    muted: known.muted ?? null,
    hold: known.hold ?? null,
    startConferenceOnEnter: known.startConferenceOnEnter ?? null,
    status: known.status ?? null,
    queueTime: known.queueTime ?? null,
    dateCreated: known.dateCreated ?? null,
    dateUpdated: known.dateUpdated ?? null,
    uri: known.uri ?? null,
    url: known.url ?? null,
  };
}

/**
 * Keeps the call → conference directory and the events in step: an event that names its
 * conference records the pair (last word wins, so a call moved to another conference follows);
 * a call-progress event that does not gets the conference the directory knows, if any.
 * Events of other kinds pass through.
 */
export async function correlateConference(
  record: ParticipantEventRecord,
  directory: ConferenceDirectory,
): Promise<ParticipantEventRecord> {
  const callSid = record.participant.callSid;
  if (record.kind !== CONFERENCE || typeof callSid !== "string") return record;
  const named = record.scope.conferenceSid;
  if (named !== undefined) {
    await directory.rememberConference(record.accountSid, callSid, named);
    return record;
  }
  const known = await directory.conferenceOf(record.accountSid, callSid);
  if (known === null) return record;
  const { kind: _kind, scope: _scope, participant, ...rest } = record;
  return participantEventRecord({ ...rest, participant: { ...participant, conferenceSid: known } });
}

/** `POST /twilio/callbacks/conference`: call progress and conference events alike. */
export const conferenceCallbacks: ProductCallbacks = {
  kind: CONFERENCE,
  path: "conference",
  parse: (params, request) => parseConferenceCallback(params, { receivedAt: request.receivedAt }),
  correlate: (record, live) => correlateConference(record, live.conferences),
};

/** Every call-progress event Twilio can report, in Twilio's order. */
const CALL_PROGRESS_EVENTS = Object.values(CallStatusEvent);

/** The conference events about a participant; `start`, `end` and `announcement` are not. */
const PARTICIPANT_CONFERENCE_EVENTS = Object.values(ConferenceStatusEvent).filter(
  (event) => !["start", "end", "announcement"].includes(event),
);

type AddConferenceParticipant = InputOf<typeof AddConferenceParticipantInput.params>;

/**
 * Where the gateway can be called back, the callbacks it asks Twilio for when adding a conference
 * participant: every call-progress event and every participant event of the conference, each
 * group only where the caller set no field of it (see `AddSpec.defaults`).
 */
export const conferenceCallbackDefaults: GatewayDefaults<AddConferenceParticipant> = (gateway) => {
  const url = gateway.callbackUrl(conferenceCallbacks.path);
  if (url === undefined) return [];
  return [
    {
      fields: ["statusCallback", "statusCallbackMethod", "statusCallbackEvent"],
      values: { statusCallback: url, statusCallbackEvent: CALL_PROGRESS_EVENTS },
    },
    {
      fields: [
        "conferenceStatusCallback",
        "conferenceStatusCallbackMethod",
        "conferenceStatusCallbackEvent",
      ],
      values: {
        conferenceStatusCallback: url,
        conferenceStatusCallbackEvent: PARTICIPANT_CONFERENCE_EVENTS,
      },
    },
  ];
};
