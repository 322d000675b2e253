import { createHash } from "node:crypto";
import {
  CallbackFields,
  type CallbackOutcome,
  type CallbackParams,
  ignored,
  rejected,
} from "../../events/callback.js";
import {
  ParticipantEventSource,
  participantEventRecord,
  ParticipantEventType,
  type Snapshot,
} from "../../events/record.js";
import { jsonText } from "../../twilio/response-fields.js";
import type { ProductCallbacks } from "../callbacks.js";
import { readMessagingBinding } from "./messaging-binding.js";
import { CONVERSATION, type ConversationParticipant } from "./types.js";

/**
 * Conversations' post-event webhooks about participants (`onParticipantAdded/Updated/Removed`)
 * as participant events. Pre-event hooks (`onParticipantAdd`…) and every other event are
 * ignored: a 2xx answer to a pre-event hook lets the action go ahead unchanged, whereas an
 * error would make Twilio refuse the caller's change.
 */

export type ConversationParticipantSnapshot = Snapshot<ConversationParticipant>;

export interface ConversationCallbackContext {
  /** When the gateway received the webhook: the event's time if its dates are unusable. */
  readonly receivedAt: Date;
  /**
   * The Conversation Service, when the gateway knows it and the webhook does not say (Twilio
   * documents no ChatServiceSid on participant events): e.g. from the query of a service-level
   * webhook URL the gateway configured (signed like the body).
   */
  readonly chatServiceSid?: string | null;
}

/** Each post-event, and the date field that says when it happened. */
const EVENTS = new Map<string, [ParticipantEventType, string]>([
  ["onParticipantAdded", [ParticipantEventType.ADDED, "DateCreated"]],
  ["onParticipantUpdated", [ParticipantEventType.UPDATED, "DateUpdated"]],
  ["onParticipantRemoved", [ParticipantEventType.REMOVED, "DateRemoved"]],
]);

export function parseConversationCallback(
  params: CallbackParams,
  context: ConversationCallbackContext,
): CallbackOutcome {
  const fields = new CallbackFields(params);
  const eventType = fields.text("EventType");
  if (eventType === null) return rejected("EventType is missing");
  const event = EVENTS.get(eventType);
  if (event === undefined) return ignored(`"${eventType}" is not a participant post-event`);
  const problem =
    fields.sidProblem("AccountSid", "AC") ??
    fields.sidProblem("ConversationSid", "CH") ??
    fields.sidProblem("ParticipantSid", "MB");
  if (problem !== null) return rejected(problem);
  const [type, dateField] = event;
  const accountSid = fields.text("AccountSid")!;
  const participantSid = fields.text("ParticipantSid")!;
  const participant: ConversationParticipantSnapshot = {
    kind: CONVERSATION,
    sid: participantSid,
    accountSid,
    conversationSid: fields.text("ConversationSid")!,
    // Undocumented on participant events; used if Twilio sends it.
    chatServiceSid: fields.sid("ChatServiceSid", "IS") ?? context.chatServiceSid ?? null,
    identity: fields.text("Identity"),
    attributes: jsonText({ Attributes: fields.text("Attributes") }, "Attributes"),
    // The same shape as REST's. Twilio documents one address per participant; should a webhook
    // repeat `MessagingBinding.Address` (as group-MMS conversation events do), the first is kept.
    messagingBinding: readMessagingBinding((_, webhookName) => fields.text(webhookName)),
    roleSid: fields.text("RoleSid"),
    lastReadMessageIndex: fields.integer("LastReadMessageIndex"),
    lastReadTimestamp: null,
    dateCreated: fields.date("DateCreated"),
    dateUpdated: fields.date("DateUpdated"),
    url: null,
  };
  const occurredAt = fields.date(dateField);
  // No event id or sequence: the event's date plus a digest of the state reported names it,
  // so two updates in one second stay two events and a retry (same body) stays one.
  const digest = createHash("sha256")
    .update(JSON.stringify([participant, fields.text("DateRemoved")]))
    .digest("hex")
    .slice(0, 16);
  return {
    outcome: "event",
    record: participantEventRecord({
      id: `conversation:${accountSid}:${participantSid}:${eventType}:${occurredAt ?? "-"}:${digest}`,
      accountSid,
      type,
      source: ParticipantEventSource.TWILIO,
      occurredAt: occurredAt ?? context.receivedAt.toISOString(),
      sequenceNumber: null,
      participant,
    }),
  };
}

/**
 * `POST /twilio/callbacks/conversations`: a service's or the account's post-event webhook.
 * A `chatServiceSid` in its query (`…/conversations?chatServiceSid=IS…`, set on a service's
 * webhook) names the service, which Twilio's participant events do not.
 */
export const conversationCallbacks: ProductCallbacks = {
  kind: CONVERSATION,
  path: "conversations",
  parse: (params, request) => {
    const chatServiceSid = request.query.get("chatServiceSid");
    if (chatServiceSid !== null && !SERVICE_SID.test(chatServiceSid)) {
      return rejected("the URL's chatServiceSid is not an IS SID (IS followed by 32 hex digits)");
    }
    return parseConversationCallback(params, { receivedAt: request.receivedAt, chatServiceSid });
  },
};

const SERVICE_SID = /^IS[0-9a-fA-F]{32}$/;
