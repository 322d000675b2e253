import type DataLoader from "dataloader";
import { createLimiter } from "./concurrency.js";
import type { TwilioCredentials } from "./config.js";
import { UPSTREAM_CONCURRENCY_PER_REQUEST } from "./loaders.js";
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
import type { TwilioClient } from "./twilio/client.js";

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
  twilio: TwilioClient,
  credentials: TwilioCredentials,
): RequestLoaders {
  const limit = createLimiter(UPSTREAM_CONCURRENCY_PER_REQUEST);
  return {
    conferenceParticipant: createConferenceParticipantLoader(twilio, credentials, limit),
    conversationParticipant: createConversationParticipantLoader(twilio, credentials, limit),
    proxyParticipant: createProxyParticipantLoader(twilio, credentials, limit),
    interactionChannelParticipants: createInteractionChannelParticipantsLoader(
      twilio,
      credentials,
      limit,
    ),
  };
}
