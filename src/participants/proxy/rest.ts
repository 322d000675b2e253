import type { TwilioCredentials } from "../../config/config.js";
import { NotFoundError } from "../../errors/gateway-errors.js";
import { isNotFound } from "../fetch-loader.js";
import type { TwilioApi } from "../../twilio/client.js";
import {
  type PageRequest,
  pageQuery,
  readTwilioPage,
  type TwilioPage,
} from "../../twilio/paging.js";
import { twilioPath } from "../../twilio/path.js";
import { toWireParams, type WireTable } from "../../twilio/wire-params.js";
import { ParticipantKind } from "../participant.js";
import { date, json as jsonField, text, type TwilioJson } from "../../twilio/response-fields.js";
import type { AddProxyParticipantInput } from "./inputs.js";
import type { ProxyParticipantKey } from "./loader.js";
import type { ProxyParticipant } from "./types.js";

/** Create parameters in the spec's (and twilio-node's) order. */
const CREATE_PARAMS: WireTable<AddProxyParticipantInput> = [
  ["Identifier", "identifier"],
  ["FriendlyName", "friendlyName"],
  ["ProxyIdentifier", "proxyIdentifier"],
  ["ProxyIdentifierSid", "proxyIdentifierSid"],
];

/** The largest PageSize Proxy accepts. */
export const PROXY_MAX_PAGE_SIZE = 1000;

function participantsPath(serviceSid: string, sessionSid: string): string {
  return twilioPath`/v1/Services/${serviceSid}/Sessions/${sessionSid}/Participants`;
}

function participantPath(key: ProxyParticipantKey): string {
  return twilioPath`/v1/Services/${key.serviceSid}/Sessions/${key.sessionSid}/Participants/${key.sid}`;
}

/** Twilio answers 201 with the new participant. */
export async function createProxyParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  input: AddProxyParticipantInput,
): Promise<ProxyParticipant> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "proxy",
    operation: "proxy.participant.create",
    method: "POST",
    path: participantsPath(input.serviceSid, input.sessionSid),
    form: toWireParams(CREATE_PARAMS, input),
  });
  return toProxyParticipant(json ?? {});
}

/** Maps Twilio's snake_case answer (ISO 8601 dates, absolute URLs) onto the GraphQL type. */
export function toProxyParticipant(json: TwilioJson): ProxyParticipant {
  return {
    kind: ParticipantKind.PROXY,
    sid: text(json, "sid") ?? "",
    sessionSid: text(json, "session_sid"),
    serviceSid: text(json, "service_sid"),
    accountSid: text(json, "account_sid"),
    friendlyName: text(json, "friendly_name"),
    identifier: text(json, "identifier"),
    proxyIdentifier: text(json, "proxy_identifier"),
    proxyIdentifierSid: text(json, "proxy_identifier_sid"),
    dateDeleted: date(json, "date_deleted"),
    dateCreated: date(json, "date_created"),
    dateUpdated: date(json, "date_updated"),
    url: text(json, "url"),
    links: jsonField(json, "links"),
  };
}

export async function fetchProxyParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  key: ProxyParticipantKey,
): Promise<ProxyParticipant> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "proxy",
    operation: "proxy.participant.fetch",
    method: "GET",
    path: participantPath(key),
  });
  return toProxyParticipant(json ?? {});
}

export async function listProxyParticipants(
  client: TwilioApi,
  credentials: TwilioCredentials,
  session: { serviceSid: string; sessionSid: string },
  page: PageRequest,
): Promise<TwilioPage<ProxyParticipant>> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "proxy",
    operation: "proxy.participant.list",
    method: "GET",
    path: participantsPath(session.serviceSid, session.sessionSid),
    query: pageQuery(page),
  });
  return readTwilioPage(json, "participants", toProxyParticipant);
}

/**
 * Proxy's delete is a soft delete: the participant stays in the session's records and its
 * identifier cannot join that session again. One that is already gone is a NOT_FOUND.
 */
export async function deleteProxyParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  key: ProxyParticipantKey,
): Promise<void> {
  try {
    await client.request(credentials, {
      product: "proxy",
      operation: "proxy.participant.delete",
      method: "DELETE",
      path: participantPath(key),
    });
  } catch (error) {
    if (isNotFound(error)) throw new NotFoundError(`Proxy participant ${key.sid}`);
    throw error;
  }
}
