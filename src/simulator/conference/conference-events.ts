import type { CallbackDelivery } from "../callbacks/delivery.js";
import type { FormPair } from "../callbacks/signature.js";
import { rfc2822 } from "../dates.js";
import type { Conference, ConferenceParticipant } from "../store.js";
import { VOICE_TIMEOUT_MS, type TerminalCallStatus } from "./call-progress.js";

/** Events about one participant that carry only the participant's fields. */
export type ParticipantEvent =
  | "participant-join"
  | "participant-mute"
  | "participant-unmute"
  | "participant-hold"
  | "participant-unhold"
  | "participant-modify";

type ConferenceEvent =
  ParticipantEvent | "participant-leave" | "conference-start" | "conference-end";

/** The `ConferenceStatusCallbackEvent` value that asks for each event. */
const SUBSCRIPTIONS: Readonly<Record<ConferenceEvent, string>> = {
  "conference-start": "start",
  "conference-end": "end",
  "participant-join": "join",
  "participant-leave": "leave",
  "participant-mute": "mute",
  "participant-unmute": "mute",
  "participant-hold": "hold",
  "participant-unhold": "hold",
  "participant-modify": "modify",
};

export type ReasonParticipantLeft =
  | "participant_updated_via_api"
  | "participant_hung_up"
  | "participant_add_failed"
  | "moderator_ended_conference";

/** Who ended the conference, and whether it left (hung up) or was removed through the API. */
export interface ConferenceEnding {
  by: ConferenceParticipant;
  endConferenceOnExit: boolean;
  kicked: boolean;
}

/** A conference's status callbacks (`ConferenceStatusCallback`), for the events its first participant asked for. */
export class ConferenceEventReporter {
  constructor(private readonly delivery: CallbackDelivery) {}

  participant(
    conference: Conference,
    participant: ConferenceParticipant,
    event: ParticipantEvent,
  ): void {
    this.send(conference, event, participantFields(participant));
  }

  left(
    conference: Conference,
    participant: ConferenceParticipant,
    callStatus: TerminalCallStatus,
    reason: ReasonParticipantLeft,
  ): void {
    this.send(conference, "participant-leave", [
      ...participantFields(participant),
      ["ParticipantCallStatus", callStatus],
      ["ReasonParticipantLeft", reason],
    ]);
  }

  started(conference: Conference): void {
    this.send(conference, "conference-start", []);
  }

  ended(conference: Conference, ending: ConferenceEnding): void {
    const { callSid, label } = ending.by;
    const reason = ending.endConferenceOnExit
      ? ending.kicked
        ? "participant-with-end-conference-on-exit-kicked"
        : "participant-with-end-conference-on-exit-left"
      : ending.kicked
        ? "last-participant-kicked"
        : "last-participant-left";
    const who = ending.endConferenceOnExit
      ? `Participant ${callSid} with endConferenceOnExit`
      : `Last participant ${callSid}`;
    this.send(conference, "conference-end", [
      ["CallSidEndingConference", callSid],
      ...(label === null ? [] : ([["ParticipantLabelEndingConference", label]] as FormPair[])),
      ["ReasonConferenceEnded", reason],
      ["Reason", `${who} ${ending.kicked ? "was removed from" : "left"} the conference`],
    ]);
  }

  private send(conference: Conference, event: ConferenceEvent, fields: readonly FormPair[]): void {
    const settings = conference.callbacks;
    if (settings?.target === undefined || !settings.events.has(SUBSCRIPTIONS[event])) return;
    this.delivery.send({
      ...settings.target,
      accountSid: conference.accountSid,
      params: [
        ["ConferenceSid", conference.sid],
        ["FriendlyName", conference.friendlyName],
        ["AccountSid", conference.accountSid],
        ["SequenceNumber", String(conference.nextSequence++)],
        ["Timestamp", rfc2822(new Date())],
        ["StatusCallbackEvent", event],
        ...fields,
      ],
      timeoutMs: VOICE_TIMEOUT_MS,
    });
  }
}

function participantFields(p: ConferenceParticipant): FormPair[] {
  const fields: FormPair[] = [
    ["CallSid", p.callSid],
    ["Muted", String(p.muted)],
    ["Hold", String(p.hold)],
    ["Coaching", String(p.coaching)],
    ["EndConferenceOnExit", String(p.endConferenceOnExit)],
    ["StartConferenceOnEnter", String(p.startConferenceOnEnter)],
  ];
  if (p.label !== null) fields.push(["ParticipantLabel", p.label]);
  return fields;
}
