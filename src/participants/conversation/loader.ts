import type { TwilioCredentials } from "../../config/config.js";
import { createFetchLoader } from "../fetch-loader.js";
import type { TwilioApi } from "../../twilio/client.js";
import { fetchConversationParticipant } from "./rest.js";

/**
 * What identifies a conversation participant at Twilio: `sid` may also be its identity and
 * `conversationSid` the conversation's unique name; no service means the default one. The
 * account is the one the request's credentials name.
 */
export interface ConversationParticipantKey {
  chatServiceSid?: string | null;
  conversationSid: string;
  sid: string;
}

/** JSON rather than a joined string: a unique name or an identity may contain any separator. */
function conversationParticipantCacheKey(key: ConversationParticipantKey): string {
  return JSON.stringify([key.chatServiceSid ?? null, key.conversationSid, key.sid]);
}

export function createConversationParticipantLoader(
  twilio: TwilioApi,
  credentials: TwilioCredentials,
) {
  return createFetchLoader({
    cacheKey: conversationParticipantCacheKey,
    fetch: (key: ConversationParticipantKey) =>
      fetchConversationParticipant(twilio, credentials, key),
  });
}
