import type { CallbackDelivery } from "../callbacks/delivery.js";
import type { FormPair } from "../callbacks/signature.js";
import { iso8601 } from "../dates.js";
import type {
  AccountState,
  AccountWebhookSettings,
  ConversationParticipant,
  ConversationWebhookSettings,
} from "../store.js";

export const PARTICIPANT_POST_EVENTS = [
  "onParticipantAdded",
  "onParticipantUpdated",
  "onParticipantRemoved",
] as const;

export type ParticipantPostEvent = (typeof PARTICIPANT_POST_EVENTS)[number];

/** Conversations gives a webhook 5 s at most. */
const CONVERSATIONS_TIMEOUT_MS = 5_000;

/**
 * A new account's settings: with `postWebhookUrl` (the `conversationsWebhookUrl` option), its
 * participant events go there, as if configured with `POST /v1/Configuration/Webhooks`.
 */
export function initialWebhookSettings(postWebhookUrl: string | undefined): AccountWebhookSettings {
  return {
    preWebhookUrl: null,
    postWebhookUrl: postWebhookUrl ?? null,
    method: "POST",
    filters: postWebhookUrl === undefined ? [] : [...PARTICIPANT_POST_EVENTS],
    target: "webhook",
  };
}

/** The post-event webhooks of Conversation participants. */
export class ConversationWebhooks {
  constructor(private readonly delivery: CallbackDelivery) {}

  participantEvent(
    account: AccountState,
    event: ParticipantPostEvent,
    p: ConversationParticipant,
    at: Date,
  ): void {
    const settings = effectiveSettings(account, p.chatServiceSid);
    if (settings?.postWebhookUrl == null || !settings.filters.includes(event)) return;
    this.delivery.send({
      url: settings.postWebhookUrl,
      method: settings.method,
      accountSid: p.accountSid,
      params: participantParams(event, p, at),
      timeoutMs: CONVERSATIONS_TIMEOUT_MS,
    });
  }
}

/** A service with a webhook URL of its own overrides the account's settings for its conversations. */
function effectiveSettings(
  account: AccountState,
  chatServiceSid: string | undefined,
): ConversationWebhookSettings | undefined {
  const service =
    chatServiceSid === undefined ? undefined : account.serviceWebhooks.get(chatServiceSid);
  if (
    service !== undefined &&
    (service.preWebhookUrl !== null || service.postWebhookUrl !== null)
  ) {
    return service;
  }
  const global = account.conversationWebhooks;
  return global.target === "webhook" ? global : undefined;
}

function participantParams(
  event: ParticipantPostEvent,
  p: ConversationParticipant,
  at: Date,
): FormPair[] {
  const params: FormPair[] = [
    ["AccountSid", p.accountSid],
    ["EventType", event],
    // Every action in the simulator comes through its REST API.
    ["Source", "API"],
  ];
  if (p.chatServiceSid !== undefined) params.push(["ChatServiceSid", p.chatServiceSid]);
  params.push(
    ["ConversationSid", p.conversationSid],
    ["ParticipantSid", p.sid],
    ["DateCreated", iso8601(p.dateCreated)],
  );
  if (event !== "onParticipantAdded") params.push(["DateUpdated", iso8601(p.dateUpdated)]);
  if (event === "onParticipantRemoved") params.push(["DateRemoved", iso8601(at)]);
  if (p.identity !== null) params.push(["Identity", p.identity]);
  if (p.roleSid !== null) params.push(["RoleSid", p.roleSid]);
  params.push(["Attributes", p.attributes]);
  const binding = p.binding;
  if (binding?.proxyAddress !== undefined) {
    params.push(["MessagingBinding.ProxyAddress", binding.proxyAddress]);
  }
  if (binding?.address !== undefined) params.push(["MessagingBinding.Address", binding.address]);
  if (binding?.projectedAddress !== undefined) {
    params.push(["MessagingBinding.ProjectedAddress", binding.projectedAddress]);
  }
  // A participant with an identity is a chat participant, group-MMS projection or not.
  const type = p.identity !== null ? "CHAT" : (binding?.type ?? "sms").toUpperCase();
  params.push(["MessagingBinding.Type", type]);
  if (event === "onParticipantUpdated" && p.lastReadMessageIndex !== null) {
    params.push(["LastReadMessageIndex", String(p.lastReadMessageIndex)]);
  }
  return params;
}
