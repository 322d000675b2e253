import type { TwilioCredentials } from "../../config.js";
import type { TwilioClient } from "../../twilio/client.js";
import type { JsonValue } from "../../twilio/form.js";
import { twilioPath } from "../../twilio/path.js";
import { toWireParams, type WireTable } from "../../twilio/wire-params.js";
import { ParticipantKind } from "../participant.js";
import {
  date,
  integer,
  json as jsonField,
  jsonText,
  text,
  type TwilioJson,
} from "../response-fields.js";
import type { AddConversationParticipantInput } from "./inputs.js";
import type { ConversationParticipant } from "./types.js";

/**
 * The create form flattened to one value per wire parameter, named as twilio-node's options:
 * the nested binding becomes the dotted `MessagingBinding.*` keys.
 */
interface CreateConversationParticipantForm {
  identity?: string | null;
  messagingBindingAddress?: string | null;
  messagingBindingProxyAddress?: string | null;
  dateCreated?: Date | null;
  dateUpdated?: Date | null;
  attributes?: JsonValue;
  messagingBindingProjectedAddress?: string | null;
  roleSid?: string | null;
}

/** Create parameters in the spec's (and twilio-node's) order. */
const CREATE_PARAMS: WireTable<CreateConversationParticipantForm> = [
  ["Identity", "identity"],
  ["MessagingBinding.Address", "messagingBindingAddress"],
  ["MessagingBinding.ProxyAddress", "messagingBindingProxyAddress"],
  ["DateCreated", "dateCreated"],
  ["DateUpdated", "dateUpdated"],
  ["Attributes", "attributes", "json"],
  ["MessagingBinding.ProjectedAddress", "messagingBindingProjectedAddress"],
  ["RoleSid", "roleSid"],
];

function toCreateForm(input: AddConversationParticipantInput): CreateConversationParticipantForm {
  const binding = input.messagingBinding;
  return {
    identity: input.identity,
    messagingBindingAddress: binding?.address,
    messagingBindingProxyAddress: binding?.proxyAddress,
    dateCreated: input.dateCreated,
    dateUpdated: input.dateUpdated,
    attributes: input.attributes,
    messagingBindingProjectedAddress: binding?.projectedAddress,
    roleSid: input.roleSid,
  };
}

/** The default Conversation Service's path, or the given service's. */
function participantsPath(input: AddConversationParticipantInput): string {
  return input.chatServiceSid
    ? twilioPath`/v1/Services/${input.chatServiceSid}/Conversations/${input.conversationSid}/Participants`
    : twilioPath`/v1/Conversations/${input.conversationSid}/Participants`;
}

function webhookHeader(input: AddConversationParticipantInput): Record<string, string> {
  return input.webhookEnabled === undefined || input.webhookEnabled === null
    ? {}
    : { "X-Twilio-Webhook-Enabled": input.webhookEnabled ? "true" : "false" };
}

export async function createConversationParticipant(
  client: TwilioClient,
  credentials: TwilioCredentials,
  input: AddConversationParticipantInput,
): Promise<ConversationParticipant> {
  const answer = await client.request<TwilioJson>(credentials, {
    product: "conversations",
    operation: "conversation.participant.create",
    method: "POST",
    path: participantsPath(input),
    form: toWireParams(CREATE_PARAMS, toCreateForm(input)),
    headers: webhookHeader(input),
  });
  return toConversationParticipant(answer ?? {});
}

/** Maps Twilio's snake_case answer (ISO 8601 dates, absolute `url`) onto the GraphQL type. */
export function toConversationParticipant(json: TwilioJson): ConversationParticipant {
  return {
    kind: ParticipantKind.CONVERSATION,
    sid: text(json, "sid") ?? "",
    accountSid: text(json, "account_sid"),
    conversationSid: text(json, "conversation_sid"),
    chatServiceSid: text(json, "chat_service_sid"),
    identity: text(json, "identity"),
    attributes: jsonText(json, "attributes"),
    messagingBinding: jsonField(json, "messaging_binding"),
    roleSid: text(json, "role_sid"),
    dateCreated: date(json, "date_created"),
    dateUpdated: date(json, "date_updated"),
    url: text(json, "url"),
    lastReadMessageIndex: integer(json, "last_read_message_index"),
    lastReadTimestamp: text(json, "last_read_timestamp"),
  };
}
