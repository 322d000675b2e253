import type { TwilioCredentials } from "../../config/config.js";
import { createFetchLoader } from "../fetch-loader.js";
import type { TwilioApi } from "../../twilio/client.js";
import { fetchProxyParticipant } from "./rest.js";

/** What identifies a Proxy participant at Twilio; the account is the one the credentials name. */
export interface ProxyParticipantKey {
  serviceSid: string;
  sessionSid: string;
  sid: string;
}

function proxyParticipantCacheKey(key: ProxyParticipantKey): string {
  return `${key.serviceSid}/${key.sessionSid}/${key.sid}`;
}

export function createProxyParticipantLoader(twilio: TwilioApi, credentials: TwilioCredentials) {
  return createFetchLoader({
    cacheKey: proxyParticipantCacheKey,
    fetch: (key: ProxyParticipantKey) => fetchProxyParticipant(twilio, credentials, key),
  });
}
