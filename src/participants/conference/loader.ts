import type { TwilioCredentials } from "../../config/config.js";
import { createFetchLoader } from "../fetch-loader.js";
import type { TwilioApi } from "../../twilio/client.js";
import { fetchConferenceParticipant } from "./rest.js";

/** What identifies a conference participant at Twilio; `callSid` may also be its label. */
export interface ConferenceParticipantKey {
  accountSid: string;
  conferenceSid: string;
  callSid: string;
}

export function conferenceParticipantCacheKey(key: ConferenceParticipantKey): string {
  return `${key.accountSid}/${key.conferenceSid}/${key.callSid}`;
}

export function createConferenceParticipantLoader(
  twilio: TwilioApi,
  credentials: TwilioCredentials,
) {
  return createFetchLoader({
    cacheKey: conferenceParticipantCacheKey,
    fetch: (key: ConferenceParticipantKey) => fetchConferenceParticipant(twilio, credentials, key),
  });
}
