import {
  callEndpoint,
  callerEndpoint,
  httpUrl,
  httpUrlOrEmpty,
  intRange,
  length,
  minInt,
  notBlank,
  sid,
  sidOrName,
  sidOrNameNote,
} from "../../validation/formats.js";
import type { ObjectRule } from "../../validation/rules.js";
import { argsType, inputType } from "../../params/input-class.js";
import { bool, form, int, listOf, oneOf, path, query, text } from "../../params/param.js";
import { CallbackMethod } from "../callback-method.js";
import {
  Beep,
  CallStatusEvent,
  ConferenceRecord,
  ConferenceRecordingStatusEvent,
  ConferenceRegion,
  ConferenceStatusEvent,
  JitterBufferSize,
  MachineDetection,
  RecordingChannels,
  RecordingStatusEvent,
  RecordingTrack,
  RecordingTrim,
} from "./enums.js";

const method = oneOf(CallbackMethod);

/** The account that owns the conference: a path segment, defaulting to the request's own. */
const accountSid = path(text, {
  description: "The account that owns the conference; defaults to the configured account.",
  rules: [sid("AC")],
});

/** Before the conference starts: music or TwiML; "" plays nothing, as Twilio documents. */
const waitUrl = form("WaitUrl", text, {
  description:
    "Music or TwiML played while waiting for the conference to start; an empty string plays nothing (sent as `WaitUrl=`, as Twilio documents), leaving it out plays Twilio's hold music.",
  rules: [httpUrlOrEmpty],
});

/** Names one participant: by call SID or by the label it was added with. */
const participantRef = {
  accountSid,
  conferenceSid: path(text, { required: true, rules: [sid("CF")] }),
  callSid: path(text, {
    required: true,
    description: `The participant's call SID (CA…) or its label. ${sidOrNameNote("CA")}`,
    rules: [sidOrName("CA", "participant label")],
  }),
};

const coachingNeedsCallSid: ObjectRule<{ coaching?: boolean | null; callSidToCoach?: unknown }> = (
  input,
) =>
  input.coaching === true && !input.callSidToCoach
    ? [{ field: "callSidToCoach", message: "is required when coaching is true" }]
    : [];

const SIP_ADDRESS = /^sip:/i;

/**
 * Towards a SIP address, `from` and `callerId` may be any SIP user name; otherwise they must be
 * a phone number or client identifier, as Twilio requires.
 */
const callerMatchesDestination: ObjectRule<{
  to?: string;
  from?: string;
  callerId?: string | null;
}> = (input) => {
  if (SIP_ADDRESS.test(input.to ?? "")) return [];
  return (["from", "callerId"] as const).flatMap((field) => {
    const value = input[field];
    const message = value === undefined || value === null ? undefined : callerEndpoint(value);
    return message ? [{ field, message }] : [];
  });
};

/** Create parameters in the order twilio-node sends them (the spec's order plus the SDK's extras). */
export const AddConferenceParticipantInput = inputType(
  "AddConferenceParticipantInput",
  {
    accountSid,
    conferenceSid: path(text, {
      required: true,
      description: `The conference SID (CF…) or the conference's friendly name (a new name starts a new conference). ${sidOrNameNote("CF")}`,
      rules: [sidOrName("CF", "conference friendly name")],
    }),
    from: form("From", text, {
      required: true,
      description:
        "Caller ID: an E.164 number or client:name (any SIP user name when `to` is a SIP address).",
      rules: [length(1, 255)],
    }),
    to: form("To", text, {
      required: true,
      description: "Who to dial: an E.164 number, client:name, sip:user@host or app:AP….",
      rules: [callEndpoint],
    }),
    statusCallback: form("StatusCallback", text, { rules: [httpUrl] }),
    statusCallbackMethod: form("StatusCallbackMethod", method),
    statusCallbackEvent: form("StatusCallbackEvent", listOf(oneOf(CallStatusEvent))),
    label: form("Label", text, {
      description: "A name that can later stand in for the call SID.",
      rules: [notBlank],
    }),
    timeout: form("Timeout", int, {
      description: "Seconds to ring before giving up: 5 to 600.",
      rules: [intRange(5, 600)],
    }),
    record: form("Record", bool),
    muted: form("Muted", bool),
    beep: form("Beep", oneOf(Beep)),
    startConferenceOnEnter: form("StartConferenceOnEnter", bool),
    endConferenceOnExit: form("EndConferenceOnExit", bool),
    waitUrl,
    waitMethod: form("WaitMethod", method),
    earlyMedia: form("EarlyMedia", bool),
    maxParticipants: form("MaxParticipants", int, {
      description: "2 to 250.",
      rules: [intRange(2, 250)],
    }),
    conferenceRecord: form("ConferenceRecord", oneOf(ConferenceRecord)),
    conferenceTrim: form("ConferenceTrim", oneOf(RecordingTrim)),
    conferenceStatusCallback: form("ConferenceStatusCallback", text, { rules: [httpUrl] }),
    conferenceStatusCallbackMethod: form("ConferenceStatusCallbackMethod", method),
    conferenceStatusCallbackEvent: form(
      "ConferenceStatusCallbackEvent",
      listOf(oneOf(ConferenceStatusEvent)),
    ),
    recordingChannels: form("RecordingChannels", oneOf(RecordingChannels)),
    recordingStatusCallback: form("RecordingStatusCallback", text, { rules: [httpUrl] }),
    recordingStatusCallbackMethod: form("RecordingStatusCallbackMethod", method),
    sipAuthUsername: form("SipAuthUsername", text),
    sipAuthPassword: form("SipAuthPassword", text, {
      description: "Sent to Twilio only; never logged or returned.",
    }),
    region: form("Region", oneOf(ConferenceRegion)),
    conferenceRecordingStatusCallback: form("ConferenceRecordingStatusCallback", text, {
      rules: [httpUrl],
    }),
    conferenceRecordingStatusCallbackMethod: form(
      "ConferenceRecordingStatusCallbackMethod",
      method,
    ),
    recordingStatusCallbackEvent: form(
      "RecordingStatusCallbackEvent",
      listOf(oneOf(RecordingStatusEvent)),
    ),
    conferenceRecordingStatusCallbackEvent: form(
      "ConferenceRecordingStatusCallbackEvent",
      listOf(oneOf(ConferenceRecordingStatusEvent)),
    ),
    coaching: form("Coaching", bool, {
      description: "When true, `callSidToCoach` is required.",
    }),
    callSidToCoach: form("CallSidToCoach", text, { rules: [sid("CA")] }),
    jitterBufferSize: form("JitterBufferSize", oneOf(JitterBufferSize)),
    byoc: form("Byoc", text, { description: "A BYOC trunk SID (BY…).", rules: [sid("BY")] }),
    callerId: form("CallerId", text, { rules: [length(1, 255)] }),
    callReason: form("CallReason", text),
    recordingTrack: form("RecordingTrack", oneOf(RecordingTrack)),
    recordingConfigurationId: form("RecordingConfigurationId", text),
    timeLimit: form("TimeLimit", int, {
      description: "Maximum call duration in seconds.",
      rules: [minInt(1)],
    }),
    machineDetection: form("MachineDetection", oneOf(MachineDetection)),
    machineDetectionTimeout: form("MachineDetectionTimeout", int, {
      description: "Seconds to try detecting a machine (default 30).",
      rules: [minInt(1)],
    }),
    machineDetectionSpeechThreshold: form("MachineDetectionSpeechThreshold", int, {
      description: "Milliseconds: 1000 to 6000.",
      rules: [intRange(1000, 6000)],
    }),
    machineDetectionSpeechEndThreshold: form("MachineDetectionSpeechEndThreshold", int, {
      description: "Milliseconds: 500 to 5000.",
      rules: [intRange(500, 5000)],
    }),
    machineDetectionSilenceTimeout: form("MachineDetectionSilenceTimeout", int, {
      description: "Milliseconds: 2000 to 10000.",
      rules: [intRange(2000, 10000)],
    }),
    amdStatusCallback: form("AmdStatusCallback", text, { rules: [httpUrl] }),
    amdStatusCallbackMethod: form("AmdStatusCallbackMethod", method),
    trim: form("Trim", oneOf(RecordingTrim)),
    callToken: form("CallToken", text),
    passports: form("Passports", text, {
      description: "STIR/SHAKEN passports, base64, comma separated.",
    }),
    clientNotificationUrl: form("ClientNotificationUrl", text, { rules: [httpUrl] }),
    callerDisplayName: form("CallerDisplayName", text, {
      description: "2 to 255 characters; SIP calls only.",
      rules: [length(2, 255)],
    }),
    emergencyCallerPosition: form("EmergencyCallerPosition", text, {
      description: 'GPS position "latitude longitude".',
    }),
    emergencyCallerLocation: form("EmergencyCallerLocation", text),
    emergencyName: form("EmergencyName", text),
    emergencyAddress: form("EmergencyAddress", text),
    emergencyZipCode: form("EmergencyZipCode", text),
    emergencyCity: form("EmergencyCity", text),
    emergencyState: form("EmergencyState", text),
    emergencyCountry: form("EmergencyCountry", text),
  },
  {
    description: "Dials a phone, client, SIP or app endpoint into a Voice conference.",
    rules: [coachingNeedsCallSid, callerMatchesDestination],
  },
);

/** Update parameters in the spec's (and twilio-node's) order. */
export const UpdateConferenceParticipantInput = inputType(
  "UpdateConferenceParticipantInput",
  {
    ...participantRef,
    muted: form("Muted", bool),
    hold: form("Hold", bool),
    holdUrl: form("HoldUrl", text, {
      description: "Music or TwiML played while on hold.",
      rules: [httpUrl],
    }),
    holdMethod: form("HoldMethod", method),
    announceUrl: form("AnnounceUrl", text, {
      description: "An announcement played to this participant.",
      rules: [httpUrl],
    }),
    announceMethod: form("AnnounceMethod", method),
    waitUrl,
    waitMethod: form("WaitMethod", method),
    beepOnExit: form("BeepOnExit", bool),
    endConferenceOnExit: form("EndConferenceOnExit", bool),
    coaching: form("Coaching", bool, { description: "When true, `callSidToCoach` is required." }),
    callSidToCoach: form("CallSidToCoach", text, { rules: [sid("CA")] }),
  },
  {
    description: "Changes how one participant takes part in the conference.",
    rules: [coachingNeedsCallSid],
  },
);

export const RemoveConferenceParticipantInput = inputType(
  "RemoveConferenceParticipantInput",
  participantRef,
  { description: "Hangs up one participant's call and removes it from the conference." },
);

export const ConferenceParticipantArgs = argsType("ConferenceParticipantArgs", participantRef);

/** The list's filters: also the arguments of `Conference.participants`. */
const filters = {
  muted: query("Muted", bool, { description: "Only participants that are (or are not) muted." }),
  hold: query("Hold", bool, { description: "Only participants that are (or are not) on hold." }),
  coaching: query("Coaching", bool, {
    description: "Only participants that are (or are not) coaching.",
  }),
};

export const ConferenceParticipantFilters = argsType("ConferenceParticipantFilters", filters);

/** Which conference's participants to list, and which of them. */
export const ConferenceParticipantsArgs = argsType("ConferenceParticipantsArgs", {
  accountSid,
  conferenceSid: path(text, { required: true, rules: [sid("CF")] }),
  ...filters,
});
