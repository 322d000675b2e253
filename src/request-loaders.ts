import type DataLoader from "dataloader";
import type { TwilioCredentials } from "./config/config.js";
import {
  type ConferenceParticipantKey,
  createConferenceParticipantLoader,
} from "./participants/conference/loader.js";
import type { ConferenceParticipant } from "./participants/conference/types.js";
import {
  type ConversationParticipantKey,
  createConversationParticipantLoader,
} from "./participants/conversation/loader.js";
import type { ConversationParticipant } from "./participants/conversation/types.js";
import {
  createInteractionChannelParticipantsLoader,
  type InteractionChannelKey,
} from "./participants/interaction/loader.js";
import type { InteractionParticipant } from "./participants/interaction/types.js";
import {
  createProxyParticipantLoader,
  type ProxyParticipantKey,
} from "./participants/proxy/loader.js";
import type { ProxyParticipant } from "./participants/proxy/types.js";
import type { TwilioApi } from "./twilio/client.js";

/**
 * Every DataLoader of one GraphQL request. Created per request (never shared across requests
 * or credentials), so caching can never show one caller another caller's data.
 */
export interface RequestLoaders {
  conferenceParticipant: DataLoader<ConferenceParticipantKey, ConferenceParticipant | null, string>;
  conversationParticipant: DataLoader<
    ConversationParticipantKey,
    ConversationParticipant | null,
    string
  >;
  proxyParticipant: DataLoader<ProxyParticipantKey, ProxyParticipant | null, string>;
  /** A channel's whole participant list: Flex has no fetch for a single one. */
  interactionChannelParticipants: DataLoader<
    InteractionChannelKey,
    InteractionParticipant[],
    string
  >;
}

export function createRequestLoaders(
  twilio: TwilioApi,
  credentials: TwilioCredentials,
): RequestLoaders {
  return {
    conferenceParticipant: createConferenceParticipantLoader(twilio, credentials),
    conversationParticipant: createConversationParticipantLoader(twilio, credentials),
    proxyParticipant: createProxyParticipantLoader(twilio, credentials),
    interactionChannelParticipants: createInteractionChannelParticipantsLoader(twilio, credentials),
  };
}
