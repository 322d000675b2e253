import type { TwilioCredentials } from "../../config/config.js";
import { NotFoundError } from "../../errors/gateway-errors.js";
import { isNotFound } from "../fetch-loader.js";
import type { TwilioApi } from "../../twilio/client.js";
import type { JsonValue } from "../../twilio/response-fields.js";
import {
  type PageRequest,
  pageQuery,
  readTwilioPage,
  type TwilioPage,
} from "../../twilio/paging.js";
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
} from "../../twilio/response-fields.js";
import type {
  AddConversationParticipantInput,
  UpdateConversationParticipantInput,
} from "./inputs.js";
import type { ConversationParticipantKey } from "./loader.js";
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

/** The update form, flattened like the create form. */
interface UpdateConversationParticipantForm {
  dateCreated?: Date | null;
  dateUpdated?: Date | null;
  attributes?: JsonValue;
  roleSid?: string | null;
  messagingBindingProxyAddress?: string | null;
  messagingBindingProjectedAddress?: string | null;
  identity?: string | null;
  lastReadMessageIndex?: number | null;
  lastReadTimestamp?: string | null;
}

/** Update parameters in the order of the spec's UpdateConversationParticipant (twilio-node's). */
const UPDATE_PARAMS: WireTable<UpdateConversationParticipantForm> = [
  ["DateCreated", "dateCreated"],
  ["DateUpdated", "dateUpdated"],
  ["Attributes", "attributes", "json"],
  ["RoleSid", "roleSid"],
  ["MessagingBinding.ProxyAddress", "messagingBindingProxyAddress"],
  ["MessagingBinding.ProjectedAddress", "messagingBindingProjectedAddress"],
  ["Identity", "identity"],
  ["LastReadMessageIndex", "lastReadMessageIndex"],
  ["LastReadTimestamp", "lastReadTimestamp"],
];

/**
 * The service-scoped update takes the same parameters, but the spec (and so twilio-node's
 * service participant) lists them in another order: Identity comes third.
 */
const SERVICE_UPDATE_PARAMS: WireTable<UpdateConversationParticipantForm> = [
  ["DateCreated", "dateCreated"],
  ["DateUpdated", "dateUpdated"],
  ["Identity", "identity"],
  ["Attributes", "attributes", "json"],
  ["RoleSid", "roleSid"],
  ["MessagingBinding.ProxyAddress", "messagingBindingProxyAddress"],
  ["MessagingBinding.ProjectedAddress", "messagingBindingProjectedAddress"],
  ["LastReadMessageIndex", "lastReadMessageIndex"],
  ["LastReadTimestamp", "lastReadTimestamp"],
];

/** What Twilio documents as the value that removes a binding address: the text `null`. */
const CLEAR_ADDRESS = "null";

function toUpdateForm(
  input: UpdateConversationParticipantInput,
): UpdateConversationParticipantForm {
  const binding = input.messagingBinding;
  const address = (value: string | null | undefined) => (value === null ? CLEAR_ADDRESS : value);
  return {
    dateCreated: input.dateCreated,
    dateUpdated: input.dateUpdated,
    attributes: input.attributes,
    roleSid: input.roleSid,
    messagingBindingProxyAddress: address(binding?.proxyAddress),
    messagingBindingProjectedAddress: address(binding?.projectedAddress),
    identity: input.identity,
    lastReadMessageIndex: input.lastReadMessageIndex,
    lastReadTimestamp: input.lastReadTimestamp,
  };
}

/** The largest PageSize the Conversations API accepts. */
export const CONVERSATIONS_MAX_PAGE_SIZE = 100;

/** Which conversation, in the default Conversation Service or the given one. */
interface ConversationRef {
  chatServiceSid?: string | null;
  conversationSid: string;
}

/** The default Conversation Service's path, or the given service's. */
function participantsPath(ref: ConversationRef): string {
  return ref.chatServiceSid
    ? twilioPath`/v1/Services/${ref.chatServiceSid}/Conversations/${ref.conversationSid}/Participants`
    : twilioPath`/v1/Conversations/${ref.conversationSid}/Participants`;
}

/** `sid` may be an identity and `conversationSid` a unique name: twilioPath percent-encodes both. */
function participantPath(key: ConversationParticipantKey): string {
  return key.chatServiceSid
    ? twilioPath`/v1/Services/${key.chatServiceSid}/Conversations/${key.conversationSid}/Participants/${key.sid}`
    : twilioPath`/v1/Conversations/${key.conversationSid}/Participants/${key.sid}`;
}

function webhookHeader(options: { webhookEnabled?: boolean | null }): Record<string, string> {
  return options.webhookEnabled === undefined || options.webhookEnabled === null
    ? {}
    : { "X-Twilio-Webhook-Enabled": options.webhookEnabled ? "true" : "false" };
}

export async function createConversationParticipant(
  client: TwilioApi,
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

export async function fetchConversationParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  key: ConversationParticipantKey,
): Promise<ConversationParticipant> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "conversations",
    operation: "conversation.participant.fetch",
    method: "GET",
    path: participantPath(key),
  });
  return toConversationParticipant(json ?? {});
}

export async function listConversationParticipants(
  client: TwilioApi,
  credentials: TwilioCredentials,
  conversation: ConversationRef,
  page: PageRequest,
): Promise<TwilioPage<ConversationParticipant>> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "conversations",
    operation: "conversation.participant.list",
    method: "GET",
    path: participantsPath(conversation),
    query: pageQuery(page),
  });
  return readTwilioPage(json, "participants", toConversationParticipant);
}

export async function updateConversationParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  input: UpdateConversationParticipantInput,
): Promise<ConversationParticipant> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "conversations",
    operation: "conversation.participant.update",
    method: "POST",
    path: participantPath(input),
    form: toWireParams(
      input.chatServiceSid ? SERVICE_UPDATE_PARAMS : UPDATE_PARAMS,
      toUpdateForm(input),
    ),
    headers: webhookHeader(input),
  });
  return toConversationParticipant(json ?? {});
}

/** Twilio answers 204 with no body; a participant that is already gone is a NOT_FOUND. */
export async function deleteConversationParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  key: ConversationParticipantKey,
  options: { webhookEnabled?: boolean | null },
): Promise<void> {
  try {
    await client.request(credentials, {
      product: "conversations",
      operation: "conversation.participant.delete",
      method: "DELETE",
      path: participantPath(key),
      headers: webhookHeader(options),
    });
  } catch (error) {
    if (isNotFound(error)) throw new NotFoundError(`Conversation participant ${key.sid}`);
    throw error;
  }
}
