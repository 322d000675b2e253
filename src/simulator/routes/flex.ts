import type { OrderedCollection } from "../collection.js";
import { missingParameter, notFound } from "../errors.js";
import { readPageQuery, slicePage, v1Page } from "../paging.js";
import { jsonText, oneOf } from "../params.js";
import type { RequestContext, Route, RouteResult } from "../router.js";
import { isSid, newSid } from "../sids.js";
import type {
  InteractionParticipant,
  InteractionParticipantStatus,
  InteractionParticipantType,
} from "../store.js";

const LIST = "/v1/Interactions/:InteractionSid/Channels/:ChannelSid/Participants";
const MAX_PAGE_SIZE = 1000;
const TYPES: readonly InteractionParticipantType[] = [
  "supervisor",
  "customer",
  "external",
  "agent",
  "unknown",
];
const STATUSES: readonly InteractionParticipantStatus[] = ["closed", "wrapup"];

export const flexRoutes: Route[] = [
  { host: "flex-api.twilio.com", method: "GET", pattern: LIST, handler: list },
  { host: "flex-api.twilio.com", method: "POST", pattern: LIST, handler: create },
  { host: "flex-api.twilio.com", method: "POST", pattern: `${LIST}/:Sid`, handler: update },
];

function channel(context: RequestContext): OrderedCollection<InteractionParticipant> {
  const { InteractionSid, ChannelSid } = context.params;
  if (!isSid("KD", InteractionSid!) || !isSid("UO", ChannelSid!)) throw notFound(context.path);
  return context.account.interactionChannel(InteractionSid!, ChannelSid!);
}

function list(context: RequestContext): RouteResult {
  const slice = slicePage(channel(context).list(), readPageQuery(context.query, MAX_PAGE_SIZE));
  const body = v1Page("participants", context.hostUrl + context.path, slice, (p) =>
    render(context, p),
  );
  return { status: 200, body };
}

/** Flex answers a create with 200, not 201: the spec says so and the service does so. */
function create(context: RequestContext): RouteResult {
  const participants = channel(context);
  const form = context.body;
  const type = oneOf(form, "Type", TYPES);
  if (type === undefined) throw missingParameter("Type");
  const media = jsonText(form, "MediaProperties");
  if (media === undefined) throw missingParameter("MediaProperties");
  const created: InteractionParticipant = {
    sid: newSid("UT"),
    interactionSid: context.params.InteractionSid!,
    channelSid: context.params.ChannelSid!,
    type,
    mediaProperties: media.value,
    routingProperties: jsonText(form, "RoutingProperties")?.value ?? null,
    status: undefined,
  };
  participants.add(created.sid, created);
  return { status: 200, body: render(context, created) };
}

function update(context: RequestContext): RouteResult {
  const found = channel(context).get(context.params.Sid!);
  if (found === undefined) throw notFound(context.path);
  const status = oneOf(context.body, "Status", STATUSES);
  if (status === undefined) throw missingParameter("Status");
  found.status = status;
  return { status: 200, body: render(context, found) };
}

function render(context: RequestContext, p: InteractionParticipant): Record<string, unknown> {
  return {
    sid: p.sid,
    channel_sid: p.channelSid,
    interaction_sid: p.interactionSid,
    type: p.type,
    routing_properties: p.routingProperties,
    url: `${context.hostUrl}/v1/Interactions/${p.interactionSid}/Channels/${p.channelSid}/Participants/${p.sid}`,
  };
}
