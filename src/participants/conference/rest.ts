import type { TwilioCredentials } from "../../config/config.js";
import type { TwilioApi } from "../../twilio/client.js";
import { NotFoundError } from "../../errors/gateway-errors.js";
import { isNotFound } from "../fetch-loader.js";
import {
  type PageRequest,
  pageQuery,
  readTwilioPage,
  type TwilioPage,
} from "../../twilio/paging.js";
import { twilioPath } from "../../twilio/path.js";
import { toWireParams, type WireTable } from "../../twilio/wire-params.js";
import { ParticipantKind } from "../participant.js";
import { date, flag, text, type TwilioJson } from "../../twilio/response-fields.js";
import { ConferenceParticipantStatus } from "./enums.js";
import type {
  AddConferenceParticipantInput,
  ConferenceParticipantFilter,
  UpdateConferenceParticipantInput,
} from "./inputs.js";
import type { ConferenceParticipantKey } from "./loader.js";
import type { ConferenceParticipant } from "./types.js";

/** Create parameters in the order twilio-node sends them (spec order plus the SDK's extras). */
const CREATE_PARAMS: WireTable<AddConferenceParticipantInput> = [
  ["From", "from"],
  ["To", "to"],
  ["StatusCallback", "statusCallback"],
  ["StatusCallbackMethod", "statusCallbackMethod"],
  ["StatusCallbackEvent", "statusCallbackEvent"],
  ["Label", "label"],
  ["Timeout", "timeout"],
  ["Record", "record"],
  ["Muted", "muted"],
  ["Beep", "beep"],
  ["StartConferenceOnEnter", "startConferenceOnEnter"],
  ["EndConferenceOnExit", "endConferenceOnExit"],
  ["WaitUrl", "waitUrl"],
  ["WaitMethod", "waitMethod"],
  ["EarlyMedia", "earlyMedia"],
  ["MaxParticipants", "maxParticipants"],
  ["ConferenceRecord", "conferenceRecord"],
  ["ConferenceTrim", "conferenceTrim"],
  ["ConferenceStatusCallback", "conferenceStatusCallback"],
  ["ConferenceStatusCallbackMethod", "conferenceStatusCallbackMethod"],
  ["ConferenceStatusCallbackEvent", "conferenceStatusCallbackEvent"],
  ["RecordingChannels", "recordingChannels"],
  ["RecordingStatusCallback", "recordingStatusCallback"],
  ["RecordingStatusCallbackMethod", "recordingStatusCallbackMethod"],
  ["SipAuthUsername", "sipAuthUsername"],
  ["SipAuthPassword", "sipAuthPassword"],
  ["Region", "region"],
  ["ConferenceRecordingStatusCallback", "conferenceRecordingStatusCallback"],
  ["ConferenceRecordingStatusCallbackMethod", "conferenceRecordingStatusCallbackMethod"],
  ["RecordingStatusCallbackEvent", "recordingStatusCallbackEvent"],
  ["ConferenceRecordingStatusCallbackEvent", "conferenceRecordingStatusCallbackEvent"],
  ["Coaching", "coaching"],
  ["CallSidToCoach", "callSidToCoach"],
  ["JitterBufferSize", "jitterBufferSize"],
  ["Byoc", "byoc"],
  ["CallerId", "callerId"],
  ["CallReason", "callReason"],
  ["RecordingTrack", "recordingTrack"],
  ["RecordingConfigurationId", "recordingConfigurationId"],
  ["TimeLimit", "timeLimit"],
  ["MachineDetection", "machineDetection"],
  ["MachineDetectionTimeout", "machineDetectionTimeout"],
  ["MachineDetectionSpeechThreshold", "machineDetectionSpeechThreshold"],
  ["MachineDetectionSpeechEndThreshold", "machineDetectionSpeechEndThreshold"],
  ["MachineDetectionSilenceTimeout", "machineDetectionSilenceTimeout"],
  ["AmdStatusCallback", "amdStatusCallback"],
  ["AmdStatusCallbackMethod", "amdStatusCallbackMethod"],
  ["Trim", "trim"],
  ["CallToken", "callToken"],
  ["Passports", "passports"],
  ["ClientNotificationUrl", "clientNotificationUrl"],
  ["CallerDisplayName", "callerDisplayName"],
  ["EmergencyCallerPosition", "emergencyCallerPosition"],
  ["EmergencyCallerLocation", "emergencyCallerLocation"],
  ["EmergencyName", "emergencyName"],
  ["EmergencyAddress", "emergencyAddress"],
  ["EmergencyZipCode", "emergencyZipCode"],
  ["EmergencyCity", "emergencyCity"],
  ["EmergencyState", "emergencyState"],
  ["EmergencyCountry", "emergencyCountry"],
];

/** Update parameters in the spec's (and twilio-node's) order. */
const UPDATE_PARAMS: WireTable<UpdateConferenceParticipantInput> = [
  ["Muted", "muted"],
  ["Hold", "hold"],
  ["HoldUrl", "holdUrl"],
  ["HoldMethod", "holdMethod"],
  ["AnnounceUrl", "announceUrl"],
  ["AnnounceMethod", "announceMethod"],
  ["WaitUrl", "waitUrl"],
  ["WaitMethod", "waitMethod"],
  ["BeepOnExit", "beepOnExit"],
  ["EndConferenceOnExit", "endConferenceOnExit"],
  ["Coaching", "coaching"],
  ["CallSidToCoach", "callSidToCoach"],
];

/** The largest PageSize the 2010 API accepts. */
export const CONFERENCE_MAX_PAGE_SIZE = 1000;

export function participantsPath(accountSid: string, conferenceSid: string): string {
  return twilioPath`/2010-04-01/Accounts/${accountSid}/Conferences/${conferenceSid}/Participants.json`;
}

/** `callSid` may be a label: twilioPath percent-encodes it, as Twilio requires. */
function participantPath(key: ConferenceParticipantKey): string {
  return twilioPath`/2010-04-01/Accounts/${key.accountSid}/Conferences/${key.conferenceSid}/Participants/${key.callSid}.json`;
}

export async function createConferenceParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  input: AddConferenceParticipantInput,
): Promise<ConferenceParticipant> {
  const accountSid = input.accountSid ?? credentials.accountSid;
  const json = await client.request<TwilioJson>(credentials, {
    product: "api",
    operation: "conference.participant.create",
    method: "POST",
    path: participantsPath(accountSid, input.conferenceSid),
    form: toWireParams(CREATE_PARAMS, input),
  });
  return toConferenceParticipant(json ?? {}, client.baseUrls.api);
}

const STATUSES = new Set<string>(Object.values(ConferenceParticipantStatus));

/** Maps Twilio's snake_case answer (RFC 2822 dates, relative `uri`) onto the GraphQL type. */
export function toConferenceParticipant(
  json: TwilioJson,
  apiBaseUrl: string,
): ConferenceParticipant {
  const callSid = text(json, "call_sid");
  const uri = text(json, "uri");
  const status = text(json, "status");
  return {
    kind: ParticipantKind.CONFERENCE,
    sid: callSid ?? "",
    callSid,
    accountSid: text(json, "account_sid"),
    conferenceSid: text(json, "conference_sid"),
    label: text(json, "label"),
    callSidToCoach: text(json, "call_sid_to_coach"),
    coaching: flag(json, "coaching"),
    endConferenceOnExit: flag(json, "end_conference_on_exit"),
    muted: flag(json, "muted"),
    hold: flag(json, "hold"),
    startConferenceOnEnter: flag(json, "start_conference_on_enter"),
    status:
      status !== null && STATUSES.has(status) ? (status as ConferenceParticipantStatus) : null,
    queueTime: text(json, "queue_time"),
    dateCreated: date(json, "date_created"),
    dateUpdated: date(json, "date_updated"),
    uri,
    url: uri === null ? null : apiBaseUrl + uri,
  };
}

export async function fetchConferenceParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  key: ConferenceParticipantKey,
): Promise<ConferenceParticipant> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "api",
    operation: "conference.participant.fetch",
    method: "GET",
    path: participantPath(key),
  });
  return toConferenceParticipant(json ?? {}, client.baseUrls.api);
}

export async function listConferenceParticipants(
  client: TwilioApi,
  credentials: TwilioCredentials,
  filter: ConferenceParticipantFilter & { accountSid: string },
  page: PageRequest,
): Promise<TwilioPage<ConferenceParticipant>> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "api",
    operation: "conference.participant.list",
    method: "GET",
    path: participantsPath(filter.accountSid, filter.conferenceSid),
    query: [
      ["Muted", filter.muted],
      ["Hold", filter.hold],
      ["Coaching", filter.coaching],
      ...pageQuery(page),
    ],
  });
  return readTwilioPage(json, "participants", (item) =>
    toConferenceParticipant(item, client.baseUrls.api),
  );
}

export async function updateConferenceParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  input: UpdateConferenceParticipantInput & { accountSid: string },
): Promise<ConferenceParticipant> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "api",
    operation: "conference.participant.update",
    method: "POST",
    path: participantPath(input),
    form: toWireParams(UPDATE_PARAMS, input),
  });
  return toConferenceParticipant(json ?? {}, client.baseUrls.api);
}

/** Twilio answers 204 with no body; a participant that is already gone is a NOT_FOUND. */
export async function deleteConferenceParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  key: ConferenceParticipantKey,
): Promise<void> {
  try {
    await client.request(credentials, {
      product: "api",
      operation: "conference.participant.delete",
      method: "DELETE",
      path: participantPath(key),
    });
  } catch (error) {
    if (isNotFound(error)) throw new NotFoundError(`Conference participant ${key.callSid}`);
    throw error;
  }
}
