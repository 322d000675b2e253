import { ArgsType, Field, InputType, Int } from "type-graphql";
import {
  callEndpoint,
  callerEndpoint,
  httpUrl,
  intRange,
  length,
  minInt,
  notBlank,
  sid,
  sidOrName,
} from "../../validation/formats.js";
import { Check, CheckObject } from "../../validation/rules.js";
import { CallbackMethod } from "../http-method.js";
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

const SIP_ADDRESS = /^sip:/i;

@InputType({ description: "Dials a phone, client, SIP or app endpoint into a Voice conference." })
@CheckObject<AddConferenceParticipantInput>((input) => {
  const issues = [];
  if (input.coaching === true && !input.callSidToCoach) {
    issues.push({ field: "callSidToCoach", message: "is required when coaching is true" });
  }
  // Towards a SIP address, `from` and `callerId` may be any SIP user name; otherwise they must
  // be a phone number or client identifier, as Twilio requires.
  if (!SIP_ADDRESS.test(input.to ?? "")) {
    for (const field of ["from", "callerId"] as const) {
      const value = input[field];
      const message = value === undefined || value === null ? undefined : callerEndpoint(value);
      if (message) issues.push({ field, message });
    }
  }
  return issues;
})
export class AddConferenceParticipantInput {
  @Field(() => String, {
    nullable: true,
    description: "The account that owns the conference; defaults to the configured account.",
  })
  @Check(sid("AC"))
  accountSid?: string;

  @Field(() => String, {
    description: "The conference SID (CF…) or the conference's friendly name.",
  })
  @Check(sidOrName("CF", "conference friendly name"))
  conferenceSid: string;

  @Field(() => String, {
    description:
      "Caller ID: an E.164 number or client:name (any SIP user name when `to` is a SIP address).",
  })
  @Check(length(1, 255))
  from: string;

  @Field(() => String, {
    description: "Who to dial: an E.164 number, client:name, sip:user@host or app:AP….",
  })
  @Check(callEndpoint)
  to: string;

  @Field(() => String, { nullable: true })
  @Check(httpUrl)
  statusCallback?: string;

  @Field(() => CallbackMethod, { nullable: true })
  statusCallbackMethod?: CallbackMethod;

  @Field(() => [CallStatusEvent], { nullable: true })
  statusCallbackEvent?: CallStatusEvent[];

  @Field(() => String, {
    nullable: true,
    description: "A name that can later stand in for the call SID.",
  })
  @Check(notBlank)
  label?: string;

  @Field(() => Int, { nullable: true, description: "Seconds to ring before giving up: 5 to 600." })
  @Check(intRange(5, 600))
  timeout?: number;

  @Field(() => Boolean, { nullable: true })
  record?: boolean;

  @Field(() => Boolean, { nullable: true })
  muted?: boolean;

  @Field(() => Beep, { nullable: true })
  beep?: Beep;

  @Field(() => Boolean, { nullable: true })
  startConferenceOnEnter?: boolean;

  @Field(() => Boolean, { nullable: true })
  endConferenceOnExit?: boolean;

  @Field(() => String, { nullable: true })
  @Check(httpUrl)
  waitUrl?: string;

  @Field(() => CallbackMethod, { nullable: true })
  waitMethod?: CallbackMethod;

  @Field(() => Boolean, { nullable: true })
  earlyMedia?: boolean;

  @Field(() => Int, { nullable: true, description: "2 to 250." })
  @Check(intRange(2, 250))
  maxParticipants?: number;

  @Field(() => ConferenceRecord, { nullable: true })
  conferenceRecord?: ConferenceRecord;

  @Field(() => RecordingTrim, { nullable: true })
  conferenceTrim?: RecordingTrim;

  @Field(() => String, { nullable: true })
  @Check(httpUrl)
  conferenceStatusCallback?: string;

  @Field(() => CallbackMethod, { nullable: true })
  conferenceStatusCallbackMethod?: CallbackMethod;

  @Field(() => [ConferenceStatusEvent], { nullable: true })
  conferenceStatusCallbackEvent?: ConferenceStatusEvent[];

  @Field(() => RecordingChannels, { nullable: true })
  recordingChannels?: RecordingChannels;

  @Field(() => String, { nullable: true })
  @Check(httpUrl)
  recordingStatusCallback?: string;

  @Field(() => CallbackMethod, { nullable: true })
  recordingStatusCallbackMethod?: CallbackMethod;

  @Field(() => String, { nullable: true })
  sipAuthUsername?: string;

  @Field(() => String, {
    nullable: true,
    description: "Sent to Twilio only; never logged or returned.",
  })
  sipAuthPassword?: string;

  @Field(() => ConferenceRegion, { nullable: true })
  region?: ConferenceRegion;

  @Field(() => String, { nullable: true })
  @Check(httpUrl)
  conferenceRecordingStatusCallback?: string;

  @Field(() => CallbackMethod, { nullable: true })
  conferenceRecordingStatusCallbackMethod?: CallbackMethod;

  @Field(() => [RecordingStatusEvent], { nullable: true })
  recordingStatusCallbackEvent?: RecordingStatusEvent[];

  @Field(() => [ConferenceRecordingStatusEvent], { nullable: true })
  conferenceRecordingStatusCallbackEvent?: ConferenceRecordingStatusEvent[];

  @Field(() => Boolean, { nullable: true, description: "When true, `callSidToCoach` is required." })
  coaching?: boolean;

  @Field(() => String, { nullable: true })
  @Check(sid("CA"))
  callSidToCoach?: string;

  @Field(() => JitterBufferSize, { nullable: true })
  jitterBufferSize?: JitterBufferSize;

  @Field(() => String, { nullable: true, description: "A BYOC trunk SID (BY…)." })
  @Check(sid("BY"))
  byoc?: string;

  @Field(() => String, { nullable: true })
  @Check(length(1, 255))
  callerId?: string;

  @Field(() => String, { nullable: true })
  callReason?: string;

  @Field(() => RecordingTrack, { nullable: true })
  recordingTrack?: RecordingTrack;

  @Field(() => String, { nullable: true })
  recordingConfigurationId?: string;

  @Field(() => Int, { nullable: true, description: "Maximum call duration in seconds." })
  @Check(minInt(1))
  timeLimit?: number;

  @Field(() => MachineDetection, { nullable: true })
  machineDetection?: MachineDetection;

  @Field(() => Int, {
    nullable: true,
    description: "Seconds to try detecting a machine (default 30).",
  })
  @Check(minInt(1))
  machineDetectionTimeout?: number;

  @Field(() => Int, { nullable: true, description: "Milliseconds: 1000 to 6000." })
  @Check(intRange(1000, 6000))
  machineDetectionSpeechThreshold?: number;

  @Field(() => Int, { nullable: true, description: "Milliseconds: 500 to 5000." })
  @Check(intRange(500, 5000))
  machineDetectionSpeechEndThreshold?: number;

  @Field(() => Int, { nullable: true, description: "Milliseconds: 2000 to 10000." })
  @Check(intRange(2000, 10000))
  machineDetectionSilenceTimeout?: number;

  @Field(() => String, { nullable: true })
  @Check(httpUrl)
  amdStatusCallback?: string;

  @Field(() => CallbackMethod, { nullable: true })
  amdStatusCallbackMethod?: CallbackMethod;

  @Field(() => RecordingTrim, { nullable: true })
  trim?: RecordingTrim;

  @Field(() => String, { nullable: true })
  callToken?: string;

  @Field(() => String, {
    nullable: true,
    description: "STIR/SHAKEN passports, base64, comma separated.",
  })
  passports?: string;

  @Field(() => String, { nullable: true })
  @Check(httpUrl)
  clientNotificationUrl?: string;

  @Field(() => String, { nullable: true, description: "2 to 255 characters; SIP calls only." })
  @Check(length(2, 255))
  callerDisplayName?: string;

  @Field(() => String, { nullable: true, description: 'GPS position "latitude longitude".' })
  emergencyCallerPosition?: string;

  @Field(() => String, { nullable: true })
  emergencyCallerLocation?: string;

  @Field(() => String, { nullable: true })
  emergencyName?: string;

  @Field(() => String, { nullable: true })
  emergencyAddress?: string;

  @Field(() => String, { nullable: true })
  emergencyZipCode?: string;

  @Field(() => String, { nullable: true })
  emergencyCity?: string;

  @Field(() => String, { nullable: true })
  emergencyState?: string;

  @Field(() => String, { nullable: true })
  emergencyCountry?: string;
}

/**
 * Names one conference participant: by call SID or by the label it was added with. The
 * argument and input types below inherit its fields and rules; type-graphql only passes input
 * fields down from an @InputType, and as no field uses this one it stays out of the schema.
 */
@InputType("ConferenceParticipantRef")
export abstract class ConferenceParticipantRef {
  @Field(() => String, {
    nullable: true,
    description: "The account that owns the conference; defaults to the configured account.",
  })
  @Check(sid("AC"))
  accountSid?: string;

  @Field(() => String)
  @Check(sid("CF"))
  conferenceSid: string;

  @Field(() => String, { description: "The participant's call SID (CA…) or its label." })
  @Check(sidOrName("CA", "participant label"))
  callSid: string;
}

/** The same three fields as ConferenceParticipantRef, as query arguments. */
@ArgsType()
export class ConferenceParticipantArgs {
  @Field(() => String, { nullable: true })
  @Check(sid("AC"))
  accountSid?: string;

  @Field(() => String)
  @Check(sid("CF"))
  conferenceSid: string;

  @Field(() => String, { description: "The participant's call SID (CA…) or its label." })
  @Check(sidOrName("CA", "participant label"))
  callSid: string;
}

@InputType({ description: "Hangs up one participant's call and removes it from the conference." })
export class RemoveConferenceParticipantInput extends ConferenceParticipantRef {}

@InputType({ description: "Changes how one participant takes part in the conference." })
@CheckObject<UpdateConferenceParticipantInput>((input) =>
  input.coaching === true && !input.callSidToCoach
    ? [{ field: "callSidToCoach", message: "is required when coaching is true" }]
    : [],
)
export class UpdateConferenceParticipantInput extends ConferenceParticipantRef {
  @Field(() => Boolean, { nullable: true })
  muted?: boolean;

  @Field(() => Boolean, { nullable: true })
  hold?: boolean;

  @Field(() => String, { nullable: true, description: "Music or TwiML played while on hold." })
  @Check(httpUrl)
  holdUrl?: string;

  @Field(() => CallbackMethod, { nullable: true })
  holdMethod?: CallbackMethod;

  @Field(() => String, {
    nullable: true,
    description: "An announcement played to this participant.",
  })
  @Check(httpUrl)
  announceUrl?: string;

  @Field(() => CallbackMethod, { nullable: true })
  announceMethod?: CallbackMethod;

  @Field(() => String, { nullable: true })
  @Check(httpUrl)
  waitUrl?: string;

  @Field(() => CallbackMethod, { nullable: true })
  waitMethod?: CallbackMethod;

  @Field(() => Boolean, { nullable: true })
  beepOnExit?: boolean;

  @Field(() => Boolean, { nullable: true })
  endConferenceOnExit?: boolean;

  @Field(() => Boolean, { nullable: true, description: "When true, `callSidToCoach` is required." })
  coaching?: boolean;

  @Field(() => String, { nullable: true })
  @Check(sid("CA"))
  callSidToCoach?: string;
}

@ArgsType()
export class ConferenceParticipantFilter {
  @Field(() => String, { nullable: true })
  @Check(sid("AC"))
  accountSid?: string;

  @Field(() => String)
  @Check(sid("CF"))
  conferenceSid: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "Only participants that are (or are not) muted.",
  })
  muted?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "Only participants that are (or are not) on hold.",
  })
  hold?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "Only participants that are (or are not) coaching.",
  })
  coaching?: boolean;
}
