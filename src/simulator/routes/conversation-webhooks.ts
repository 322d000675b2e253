import type { CallbackMethod } from "../callbacks/delivery.js";
import { httpUrl } from "../callbacks/http-url.js";
import { invalidParameter, notFound } from "../errors.js";
import type { FormParams } from "../form.js";
import { oneOf } from "../params.js";
import type { RequestContext, Route, RouteResult } from "../router.js";
import { isSid } from "../sids.js";
import type { ConversationWebhookSettings } from "../store.js";

const ACCOUNT_PATH = "/v1/Configuration/Webhooks";
const SERVICE_PATH = "/v1/Services/:ChatServiceSid/Configuration/Webhooks";

/** `Filters` values each level accepts, as twilio-oai lists them. */
const SERVICE_FILTERS: readonly string[] = [
  "onParticipantAdd",
  "onParticipantAdded",
  "onDeliveryUpdated",
  "onConversationUpdated",
  "onConversationRemove",
  "onParticipantRemove",
  "onConversationUpdate",
  "onMessageAdd",
  "onMessageRemoved",
  "onParticipantUpdated",
  "onConversationAdded",
  "onMessageAdded",
  "onConversationAdd",
  "onConversationRemoved",
  "onParticipantUpdate",
  "onMessageRemove",
  "onMessageUpdated",
  "onParticipantRemoved",
  "onMessageUpdate",
  "onConversationStateUpdated",
];
const ACCOUNT_FILTERS: readonly string[] = [
  ...SERVICE_FILTERS,
  "onUserAdded",
  "onUserUpdate",
  "onUserUpdated",
];

const TARGETS = ["webhook", "flex"] as const;

export const conversationWebhookRoutes: Route[] = [
  { host: "conversations.twilio.com", method: "GET", pattern: ACCOUNT_PATH, handler: fetchAccount },
  {
    host: "conversations.twilio.com",
    method: "POST",
    pattern: ACCOUNT_PATH,
    handler: updateAccount,
  },
  { host: "conversations.twilio.com", method: "GET", pattern: SERVICE_PATH, handler: fetchService },
  {
    host: "conversations.twilio.com",
    method: "POST",
    pattern: SERVICE_PATH,
    handler: updateService,
  },
];

function fetchAccount(context: RequestContext): RouteResult {
  return { status: 200, body: renderAccount(context) };
}

function updateAccount(context: RequestContext): RouteResult {
  const settings = context.account.conversationWebhooks;
  const target = oneOf(context.body, "Target", TARGETS);
  const changes = readChanges(context.body, ACCOUNT_FILTERS);
  Object.assign(settings, changes);
  if (target !== undefined) settings.target = target;
  return { status: 200, body: renderAccount(context) };
}

function fetchService(context: RequestContext): RouteResult {
  return { status: 200, body: renderService(context, serviceSettings(context)) };
}

function updateService(context: RequestContext): RouteResult {
  const settings = serviceSettings(context);
  Object.assign(settings, readChanges(context.body, SERVICE_FILTERS));
  return { status: 200, body: renderService(context, settings) };
}

/** A service's settings exist (empty) as soon as it is named, like every parent here. */
function serviceSettings(context: RequestContext): ConversationWebhookSettings {
  const serviceSid = context.params.ChatServiceSid!;
  if (!isSid("IS", serviceSid)) throw notFound(context.path);
  const services = context.account.serviceWebhooks;
  let settings = services.get(serviceSid);
  if (settings === undefined) {
    settings = { preWebhookUrl: null, postWebhookUrl: null, method: "POST", filters: [] };
    services.set(serviceSid, settings);
  }
  return settings;
}

/** Validates every parameter before anything changes; an empty URL clears it. */
function readChanges(
  form: FormParams,
  allowedFilters: readonly string[],
): Partial<ConversationWebhookSettings> {
  const changes: Partial<ConversationWebhookSettings> = {};
  for (const [name, field] of [
    ["PreWebhookUrl", "preWebhookUrl"],
    ["PostWebhookUrl", "postWebhookUrl"],
  ] as const) {
    const value = form.get(name);
    if (value === undefined) continue;
    if (value !== "" && httpUrl(value) === undefined) throw invalidParameter(name, value);
    changes[field] = value === "" ? null : value;
  }
  const method = form.get("Method");
  if (method !== undefined) {
    const upper = method.toUpperCase();
    if (upper !== "GET" && upper !== "POST") throw invalidParameter("Method", method);
    changes.method = upper as CallbackMethod;
  }
  if (form.has("Filters")) {
    const filters = form.all("Filters");
    const unknown = filters.find((filter) => !allowedFilters.includes(filter));
    if (unknown !== undefined) throw invalidParameter("Filters", unknown);
    changes.filters = [...new Set(filters)];
  }
  return changes;
}

function renderAccount(context: RequestContext): Record<string, unknown> {
  const settings = context.account.conversationWebhooks;
  return {
    account_sid: context.accountSid,
    method: settings.method,
    filters: settings.filters,
    pre_webhook_url: settings.preWebhookUrl,
    post_webhook_url: settings.postWebhookUrl,
    target: settings.target,
    url: `${context.hostUrl}${ACCOUNT_PATH}`,
  };
}

function renderService(
  context: RequestContext,
  settings: ConversationWebhookSettings,
): Record<string, unknown> {
  const serviceSid = context.params.ChatServiceSid!;
  return {
    account_sid: context.accountSid,
    chat_service_sid: serviceSid,
    pre_webhook_url: settings.preWebhookUrl,
    post_webhook_url: settings.postWebhookUrl,
    filters: settings.filters,
    method: settings.method,
    url: `${context.hostUrl}/v1/Services/${serviceSid}/Configuration/Webhooks`,
  };
}
