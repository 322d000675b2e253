import type { ParticipantPostEvent } from "../conversations/webhooks.js";
import { iso8601 } from "../dates.js";
import {
  addressEqualsProxyAddress,
  bindingInUse,
  emptyAddress,
  emptyProxyAddress,
  identityCannotChange,
  identityWithAddress,
  invalidParameter,
  missingParameter,
  notFound,
  participantExists,
  proxyAddressNeedsAddress,
} from "../errors.js";
import type { FormParams } from "../form.js";
import { readPageQuery, slicePage, v1Page } from "../paging.js";
import { dateTime, integer, jsonText, matching } from "../params.js";
import type { RequestContext, Route, RouteResult } from "../router.js";
import { isSid, newSid } from "../sids.js";
import {
  DEFAULT_CONVERSATION_SERVICE,
  type AccountState,
  type Conversation,
  type ConversationParticipant,
  type MessagingBinding,
} from "../store.js";

const LIST = "/v1/Conversations/:ConversationSid/Participants";
const SERVICE_LIST = "/v1/Services/:ChatServiceSid/Conversations/:ConversationSid/Participants";
const MAX_PAGE_SIZE = 100;
const ROLE_SID = /^RL[0-9a-fA-F]{32}$/;
/** Update parameters that clear a value when sent as the text `null`. */
const NULL_TEXT = "null";

export const conversationRoutes: Route[] = [LIST, SERVICE_LIST].flatMap((list): Route[] => [
  { host: "conversations.twilio.com", method: "GET", pattern: list, handler: listParticipants },
  { host: "conversations.twilio.com", method: "POST", pattern: list, handler: create },
  { host: "conversations.twilio.com", method: "GET", pattern: `${list}/:Sid`, handler: fetch },
  { host: "conversations.twilio.com", method: "POST", pattern: `${list}/:Sid`, handler: update },
  { host: "conversations.twilio.com", method: "DELETE", pattern: `${list}/:Sid`, handler: remove },
]);

/** The path takes a CH SID or the conversation's unique name. */
function conversation(context: RequestContext): Conversation {
  const { ChatServiceSid, ConversationSid } = context.params;
  if (ChatServiceSid !== undefined && !isSid("IS", ChatServiceSid)) throw notFound(context.path);
  const key = ChatServiceSid ?? DEFAULT_CONVERSATION_SERVICE;
  return context.account.conversation(key, ConversationSid!, isSid("CH", ConversationSid!));
}

/** The path takes an MB SID or the participant's identity. */
function participant(context: RequestContext, parent: Conversation): ConversationParticipant {
  const key = context.params.Sid!;
  const found = isSid("MB", key)
    ? parent.participants.get(key)
    : parent.participants.find((p) => p.identity === key);
  if (found === undefined) throw notFound(context.path);
  return found;
}

/**
 * Conversations fires webhooks for REST actions only when the request says
 * `X-Twilio-Webhook-Enabled: true` (otherwise only SDK and SMS actions do, which the simulator has none of).
 */
function webhooksEnabled(context: RequestContext): boolean {
  const value = context.headers["x-twilio-webhook-enabled"];
  if (value !== undefined && value !== "true" && value !== "false") {
    throw invalidParameter("X-Twilio-Webhook-Enabled", String(value));
  }
  return value === "true";
}

function notify(
  context: RequestContext,
  enabled: boolean,
  event: ParticipantPostEvent,
  p: ConversationParticipant,
): void {
  if (enabled) context.conversationWebhooks.participantEvent(context.account, event, p, new Date());
}

function listParticipants(context: RequestContext): RouteResult {
  const slice = slicePage(
    conversation(context).participants.list(),
    readPageQuery(context.query, MAX_PAGE_SIZE),
  );
  const body = v1Page("participants", context.hostUrl + context.path, slice, (p) =>
    render(context, p),
  );
  return { status: 200, body };
}

function create(context: RequestContext): RouteResult {
  const enabled = webhooksEnabled(context);
  const parent = conversation(context);
  const form = context.body;
  const identity = nonEmpty(form.get("Identity"));
  const address = form.get("MessagingBinding.Address");
  const proxyAddress = form.get("MessagingBinding.ProxyAddress");
  const projectedAddress = form.get("MessagingBinding.ProjectedAddress");
  const attributes = jsonText(form, "Attributes")?.text ?? "{}";
  const roleSid = matching(form, "RoleSid", ROLE_SID) ?? null;
  const dateCreated = dateTime(form, "DateCreated") ?? new Date();
  const dateUpdated = dateTime(form, "DateUpdated") ?? dateCreated;

  let binding: MessagingBinding | null = null;
  if (identity !== undefined) {
    if (address !== undefined || proxyAddress !== undefined) throw identityWithAddress();
    if (parent.participants.find((p) => p.identity === identity) !== undefined) {
      throw participantExists();
    }
    if (projectedAddress !== undefined) binding = { type: "sms", projectedAddress };
  } else if (address !== undefined) {
    if (address === "") throw emptyAddress();
    if (proxyAddress === "") throw emptyProxyAddress();
    if (proxyAddress === address) throw addressEqualsProxyAddress();
    binding = { type: channelType(address), address, proxyAddress };
    claimBinding(context.account, binding, parent.sid);
  } else {
    throw missingParameter("Identity or MessagingBinding.Address");
  }

  const created: ConversationParticipant = {
    sid: newSid("MB"),
    accountSid: context.accountSid,
    chatServiceSid: context.params.ChatServiceSid,
    conversationSid: parent.sid,
    identity: identity ?? null,
    attributes,
    binding,
    roleSid,
    dateCreated,
    dateUpdated,
    lastReadMessageIndex: null,
    lastReadTimestamp: null,
  };
  parent.participants.add(created.sid, created);
  notify(context, enabled, "onParticipantAdded", created);
  return { status: 201, body: render(context, created) };
}

function fetch(context: RequestContext): RouteResult {
  return { status: 200, body: render(context, participant(context, conversation(context))) };
}

function update(context: RequestContext): RouteResult {
  const enabled = webhooksEnabled(context);
  const parent = conversation(context);
  const found = participant(context, parent);
  const form = context.body;
  // Everything is validated before anything changes, so a rejected update changes nothing.
  const attributes = jsonText(form, "Attributes")?.text;
  const roleSid = matching(form, "RoleSid", ROLE_SID);
  const dateCreated = dateTime(form, "DateCreated");
  const dateUpdated = dateTime(form, "DateUpdated");
  const lastReadIndex = nullable(form, "LastReadMessageIndex", () =>
    integer(form, "LastReadMessageIndex"),
  );
  const lastReadTimestamp = nullable(form, "LastReadTimestamp", () =>
    form.get("LastReadTimestamp"),
  );
  const projectedAddress = nullable(form, "MessagingBinding.ProjectedAddress", () =>
    form.get("MessagingBinding.ProjectedAddress"),
  );
  const proxyAddress = nullable(form, "MessagingBinding.ProxyAddress", () =>
    form.get("MessagingBinding.ProxyAddress"),
  );
  const identity = nonEmpty(form.get("Identity"));
  if (identity !== undefined && identity !== found.identity) {
    const projected = projectedAddress ?? found.binding?.projectedAddress;
    if (found.identity !== null || projected === undefined || projected === null) {
      throw identityCannotChange();
    }
    if (parent.participants.find((p) => p.identity === identity) !== undefined) {
      throw participantExists();
    }
  }
  const binding = nextBinding(context.account, found, parent.sid, proxyAddress, projectedAddress);

  found.binding = binding;
  if (identity !== undefined) found.identity = identity;
  if (attributes !== undefined) found.attributes = attributes;
  if (roleSid !== undefined) found.roleSid = roleSid;
  if (lastReadIndex !== undefined) found.lastReadMessageIndex = lastReadIndex;
  if (lastReadTimestamp !== undefined) found.lastReadTimestamp = lastReadTimestamp;
  if (dateCreated !== undefined) found.dateCreated = dateCreated;
  found.dateUpdated = dateUpdated ?? new Date();
  notify(context, enabled, "onParticipantUpdated", found);
  return { status: 200, body: render(context, found) };
}

function remove(context: RequestContext): RouteResult {
  const enabled = webhooksEnabled(context);
  const parent = conversation(context);
  const found = participant(context, parent);
  parent.participants.delete(found.sid);
  if (found.binding !== null) releaseBinding(context.account, found.binding);
  notify(context, enabled, "onParticipantRemoved", found);
  return { status: 204 };
}

/**
 * The binding after an update of its proxy or projected address (`null` removes either). Claims
 * a new address pair before the old one is released, so a conflict leaves the old one in place.
 */
function nextBinding(
  account: AccountState,
  found: ConversationParticipant,
  conversationSid: string,
  proxyAddress: string | null | undefined,
  projectedAddress: string | null | undefined,
): MessagingBinding | null {
  if (proxyAddress === undefined && projectedAddress === undefined) return found.binding;
  const current = found.binding;
  if (proxyAddress !== undefined && current?.address === undefined)
    throw proxyAddressNeedsAddress();
  const next: MessagingBinding = { ...(current ?? { type: "sms" }) };
  if (proxyAddress !== undefined) {
    if (proxyAddress === "") throw emptyProxyAddress();
    if (proxyAddress === next.address) throw addressEqualsProxyAddress();
    if (proxyAddress === null) delete next.proxyAddress;
    else next.proxyAddress = proxyAddress;
  }
  if (projectedAddress === null) delete next.projectedAddress;
  else if (projectedAddress !== undefined) next.projectedAddress = projectedAddress;
  if (next.proxyAddress !== current?.proxyAddress) {
    claimBinding(account, next, conversationSid);
    if (current !== null) releaseBinding(account, current);
  }
  const empty = next.address === undefined && next.projectedAddress === undefined;
  return empty ? null : next;
}

function bindingKey(binding: MessagingBinding): string | undefined {
  if (binding.address === undefined || binding.proxyAddress === undefined) return undefined;
  return `${binding.address}\n${binding.proxyAddress}`;
}

function claimBinding(
  account: AccountState,
  binding: MessagingBinding,
  conversationSid: string,
): void {
  const key = bindingKey(binding);
  if (key === undefined) return;
  const holder = account.bindings.get(key);
  if (holder !== undefined) throw bindingInUse(holder);
  account.bindings.set(key, conversationSid);
}

function releaseBinding(account: AccountState, binding: MessagingBinding): void {
  const key = bindingKey(binding);
  if (key !== undefined) account.bindings.delete(key);
}

/** The channel an address belongs to, from its prefix (`whatsapp:+1...`); bare numbers are SMS. */
function channelType(address: string): string {
  const colon = address.indexOf(":");
  return colon === -1 ? "sms" : address.slice(0, colon);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === "" ? undefined : value;
}

/** Clearing a field: Twilio documents the text `null`; twilio-node sends an empty value. */
function nullable<T>(form: FormParams, name: string, read: () => T): T | null {
  const value = form.get(name);
  return value === NULL_TEXT || value === "" ? null : read();
}

function render(context: RequestContext, p: ConversationParticipant): Record<string, unknown> {
  const scope =
    p.chatServiceSid === undefined
      ? `/v1/Conversations/${p.conversationSid}`
      : `/v1/Services/${p.chatServiceSid}/Conversations/${p.conversationSid}`;
  return {
    account_sid: p.accountSid,
    ...(p.chatServiceSid === undefined ? {} : { chat_service_sid: p.chatServiceSid }),
    conversation_sid: p.conversationSid,
    sid: p.sid,
    identity: p.identity,
    attributes: p.attributes,
    messaging_binding: p.binding === null ? null : renderBinding(p.binding),
    role_sid: p.roleSid,
    date_created: iso8601(p.dateCreated),
    date_updated: iso8601(p.dateUpdated),
    url: `${context.hostUrl}${scope}/Participants/${p.sid}`,
    last_read_message_index: p.lastReadMessageIndex,
    last_read_timestamp: p.lastReadTimestamp,
  };
}

function renderBinding(binding: MessagingBinding): Record<string, string> {
  const out: Record<string, string> = { type: binding.type };
  if (binding.address !== undefined) out.address = binding.address;
  if (binding.proxyAddress !== undefined) out.proxy_address = binding.proxyAddress;
  if (binding.projectedAddress !== undefined) out.projected_address = binding.projectedAddress;
  return out;
}
