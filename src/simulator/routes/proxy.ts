import { iso8601 } from "../dates.js";
import { alreadyInSession, notFound, sessionFull } from "../errors.js";
import { readPageQuery, slicePage, v1Page } from "../paging.js";
import { matching, required } from "../params.js";
import type { RequestContext, Route, RouteResult } from "../router.js";
import { isSid, newPoolNumber, newSid } from "../sids.js";
import type { ProxyParticipant, ProxySession } from "../store.js";

const LIST = "/v1/Services/:ServiceSid/Sessions/:SessionSid/Participants";
const MAX_PAGE_SIZE = 1000;
const MAX_PARTICIPANTS = 2;

export const proxyRoutes: Route[] = [
  { host: "proxy.twilio.com", method: "GET", pattern: LIST, handler: list },
  { host: "proxy.twilio.com", method: "POST", pattern: LIST, handler: create },
  { host: "proxy.twilio.com", method: "GET", pattern: `${LIST}/:Sid`, handler: fetch },
  { host: "proxy.twilio.com", method: "DELETE", pattern: `${LIST}/:Sid`, handler: remove },
];

function session(context: RequestContext): ProxySession {
  const { ServiceSid, SessionSid } = context.params;
  if (!isSid("KS", ServiceSid!) || !isSid("KC", SessionSid!)) throw notFound(context.path);
  return context.account.proxySession(ServiceSid!, SessionSid!);
}

function participant(context: RequestContext, target: ProxySession): ProxyParticipant {
  const found = target.participants.get(context.params.Sid!);
  if (found === undefined) throw notFound(context.path);
  return found;
}

function list(context: RequestContext): RouteResult {
  const entries = session(context).participants.list();
  const slice = slicePage(entries, readPageQuery(context.query, MAX_PAGE_SIZE));
  const body = v1Page("participants", context.hostUrl + context.path, slice, (p) =>
    render(context, p),
  );
  return { status: 200, body };
}

function create(context: RequestContext): RouteResult {
  const target = session(context);
  const form = context.body;
  const identifier = required(form, "Identifier");
  const proxyIdentifierSid = matching(form, "ProxyIdentifierSid", /^PN[0-9a-fA-F]{32}$/);
  const sessionSid = context.params.SessionSid!;
  if (
    target.removedIdentifiers.has(identifier) ||
    target.participants.find((p) => p.identifier === identifier) !== undefined
  ) {
    throw alreadyInSession(identifier, sessionSid);
  }
  if (target.participants.list().length >= MAX_PARTICIPANTS) {
    throw sessionFull(MAX_PARTICIPANTS);
  }
  const now = new Date();
  const created: ProxyParticipant = {
    sid: newSid("KP"),
    accountSid: context.accountSid,
    serviceSid: context.params.ServiceSid!,
    sessionSid,
    friendlyName: form.get("FriendlyName") ?? null,
    identifier,
    proxyIdentifier: form.get("ProxyIdentifier") ?? newPoolNumber(),
    proxyIdentifierSid: proxyIdentifierSid ?? newSid("PN"),
    dateCreated: now,
    dateUpdated: now,
  };
  target.participants.add(created.sid, created);
  return { status: 201, body: render(context, created) };
}

function fetch(context: RequestContext): RouteResult {
  return { status: 200, body: render(context, participant(context, session(context))) };
}

/** Twilio's v1 deletes answer 204 (the spec fragment says 200 here; see docs/simulator.md). */
function remove(context: RequestContext): RouteResult {
  const target = session(context);
  const removed = participant(context, target);
  target.participants.delete(removed.sid);
  target.removedIdentifiers.add(removed.identifier);
  return { status: 204 };
}

function render(context: RequestContext, p: ProxyParticipant): Record<string, unknown> {
  const url = `${context.hostUrl}/v1/Services/${p.serviceSid}/Sessions/${p.sessionSid}/Participants/${p.sid}`;
  return {
    sid: p.sid,
    session_sid: p.sessionSid,
    service_sid: p.serviceSid,
    account_sid: p.accountSid,
    identifier: p.identifier,
    proxy_identifier: p.proxyIdentifier,
    proxy_identifier_sid: p.proxyIdentifierSid,
    friendly_name: p.friendlyName,
    date_deleted: null,
    date_updated: iso8601(p.dateUpdated),
    date_created: iso8601(p.dateCreated),
    url,
    links: { message_interactions: `${url}/MessageInteractions` },
  };
}
