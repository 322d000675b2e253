import { twilioPath } from "../../twilio/path.js";
import { date, json, text, type TwilioJson } from "../../twilio/response-fields.js";
import { fetchCache } from "../participant-cache.js";
import { participantResource } from "../resource.js";
import { PROXY, type ProxyParticipant } from "./types.js";

export interface ProxySessionRef {
  serviceSid: string;
  sessionSid: string;
}

/** What identifies a Proxy participant at Twilio; the account is the one the credentials name. */
export interface ProxyParticipantKey extends ProxySessionRef {
  sid: string;
}

/** ISO 8601 dates and absolute URLs. */
function readProxyParticipant(answer: TwilioJson): ProxyParticipant {
  return {
    kind: PROXY,
    sid: text(answer, "sid") ?? "",
    sessionSid: text(answer, "session_sid"),
    serviceSid: text(answer, "service_sid"),
    accountSid: text(answer, "account_sid"),
    friendlyName: text(answer, "friendly_name"),
    identifier: text(answer, "identifier"),
    proxyIdentifier: text(answer, "proxy_identifier"),
    proxyIdentifierSid: text(answer, "proxy_identifier_sid"),
    dateDeleted: date(answer, "date_deleted"),
    dateCreated: date(answer, "date_created"),
    dateUpdated: date(answer, "date_updated"),
    url: text(answer, "url"),
    links: json(answer, "links"),
  };
}

/**
 * Proxy's delete is a soft delete: the participant stays in the session's records and its
 * identifier cannot join that session again.
 */
export const proxyParticipants = participantResource<
  ProxySessionRef,
  ProxyParticipantKey,
  ProxyParticipant
>({
  product: "proxy",
  name: "proxy.participant",
  listPath: (session) =>
    twilioPath`/v1/Services/${session.serviceSid}/Sessions/${session.sessionSid}/Participants`,
  instancePath: (key) =>
    twilioPath`/v1/Services/${key.serviceSid}/Sessions/${key.sessionSid}/Participants/${key.sid}`,
  maxPageSize: 1000,
  read: readProxyParticipant,
  describe: (key) => `Proxy participant ${key.sid}`,
});

/** Only the fields that name the participant, out of an argument or input object. */
export function proxyParticipantKey(ref: ProxyParticipantKey): ProxyParticipantKey {
  return { serviceSid: ref.serviceSid, sessionSid: ref.sessionSid, sid: ref.sid };
}

export const proxyParticipantCache = fetchCache(
  proxyParticipants,
  (key: ProxyParticipantKey) => `${key.serviceSid}/${key.sessionSid}/${key.sid}`,
);
