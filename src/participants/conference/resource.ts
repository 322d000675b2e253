import { twilioPath } from "../../twilio/path.js";
import { date, flag, text, type TwilioJson } from "../../twilio/response-fields.js";
import { ownSid, pathKey } from "../key-fields.js";
import { fetchCache } from "../participant-cache.js";
import { participantResource } from "../resource.js";
import { ConferenceParticipantStatus } from "./enums.js";
import { CONFERENCE, type ConferenceParticipant } from "./types.js";

/** Which conference: the account defaults to the request's own. */
export interface ConferenceRef {
  accountSid?: string | null;
  conferenceSid: string;
}

/** What identifies a conference participant at Twilio; `callSid` may also be its label. */
export interface ConferenceParticipantKey extends ConferenceRef {
  callSid: string;
}

const STATUSES = new Set<string>(Object.values(ConferenceParticipantStatus));

/**
 * The 2010 API: RFC 2822 dates and a relative `uri`, made absolute against the API's base URL.
 * The request's conference (a friendly name only for an add, which Twilio answers with the SID)
 * stands in for a `conference_sid` the answer lacks.
 */
function readConferenceParticipant(
  json: TwilioJson,
  apiBaseUrl: string,
  requested: ConferenceRef & { callSid?: string },
): ConferenceParticipant {
  const callSid = ownSid("api", "CA", text(json, "call_sid"), requested.callSid);
  const uri = text(json, "uri");
  const status = text(json, "status");
  return {
    kind: CONFERENCE,
    sid: callSid,
    callSid,
    accountSid: text(json, "account_sid"),
    conferenceSid: pathKey(text(json, "conference_sid"), requested.conferenceSid),
    label: text(json, "label"),
    callSidToCoach: text(json, "call_sid_to_coach"),
    coaching: flag(json, "coaching"),
    endConferenceOnExit: flag(json, "end_conference_on_exit"),
    muted: flag(json, "muted"),
    hold: flag(json, "hold"),
    startConferenceOnEnter: flag(json, "start_conference_on_enter"),
    status:
      status !== null && STATUSES.has(status) ? (status as ConferenceParticipant["status"]) : null,
    queueTime: text(json, "queue_time"),
    dateCreated: date(json, "date_created"),
    dateUpdated: date(json, "date_updated"),
    uri,
    url: uri === null ? null : apiBaseUrl + uri,
  };
}

export const conferenceParticipants = participantResource<
  ConferenceRef,
  ConferenceParticipantKey,
  ConferenceParticipant
>({
  product: "api",
  name: "conference.participant",
  listPath: (ref, twilio) =>
    twilioPath`/2010-04-01/Accounts/${twilio.account(ref.accountSid)}/Conferences/${ref.conferenceSid}/Participants.json`,
  // `callSid` may be a label: twilioPath percent-encodes it, as Twilio requires.
  instancePath: (key, twilio) =>
    twilioPath`/2010-04-01/Accounts/${twilio.account(key.accountSid)}/Conferences/${key.conferenceSid}/Participants/${key.callSid}.json`,
  maxPageSize: 1000,
  read: (json, twilio, requested) =>
    readConferenceParticipant(json, twilio.baseUrls.api, requested),
  describe: (key) => `Conference participant ${key.callSid}`,
});

/** The account is resolved first, so a key with and one without it share an entry. */
export function conferenceParticipantKey(
  ref: ConferenceParticipantKey,
  twilio: { account(asked?: string | null): string },
): ConferenceParticipantKey {
  return {
    accountSid: twilio.account(ref.accountSid),
    conferenceSid: ref.conferenceSid,
    callSid: ref.callSid,
  };
}

export const conferenceParticipantCache = fetchCache(
  conferenceParticipants,
  (key: ConferenceParticipantKey) => `${key.accountSid}/${key.conferenceSid}/${key.callSid}`,
);
