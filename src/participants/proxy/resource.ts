import { twilioPath } from "../../twilio/path.js";
import { date, text, type TwilioJson } from "../../twilio/response-fields.js";
import { ownSid, pathKey } from "../key-fields.js";
import { fetchCache } from "../participant-cache.js";
import { participantResource } from "../resource.js";
import { PROXY, type ProxyParticipant, type ProxyParticipantLinks } from "./types.js";

export interface ProxySessionRef {
  serviceSid: string;
  sessionSid: string;
}

/** What identifies a Proxy participant at Twilio; the account is the one the credentials name. */
export interface ProxyParticipantKey extends ProxySessionRef {
  sid: string;
}

/** ISO 8601 dates and absolute URLs; the request's path stands in for key fields the answer lacks. */
function readProxyParticipant(
  answer: TwilioJson,
  requested: ProxySessionRef & { sid?: string },
): ProxyParticipant {
  return {
    kind: PROXY,
    sid: ownSid("proxy", "KP", text(answer, "sid"), requested.sid),
    sessionSid: pathKey(text(answer, "session_sid"), requested.sessionSid),
    serviceSid: pathKey(text(answer, "service_sid"), requested.serviceSid),
    accountSid: text(answer, "account_sid"),
    friendlyName: text(answer, "friendly_name"),
    identifier: text(answer, "identifier"),
    proxyIdentifier: text(answer, "proxy_identifier"),
    proxyIdentifierSid: text(answer, "proxy_identifier_sid"),
    dateDeleted: date(answer, "date_deleted"),
    dateCreated: date(answer, "date_created"),
    dateUpdated: date(answer, "date_updated"),
    url: text(answer, "url"),
    links: readLinks(answer),
  };
}

function readLinks(answer: TwilioJson): ProxyParticipantLinks | null {
  const links = answer.links;
  if (typeof links !== "object" || links === null) return null;
  return { messageInteractions: text(links as TwilioJson, "message_interactions") };
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
  read: (answer, _twilio, requested) => readProxyParticipant(answer, requested),
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
