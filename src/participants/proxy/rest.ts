import type { TwilioCredentials } from "../../config.js";
import type { TwilioClient } from "../../twilio/client.js";
import { twilioPath } from "../../twilio/path.js";
import { toWireParams, type WireTable } from "../../twilio/wire-params.js";
import { ParticipantKind } from "../participant.js";
import { date, json as jsonField, text, type TwilioJson } from "../response-fields.js";
import type { AddProxyParticipantInput } from "./inputs.js";
import type { ProxyParticipant } from "./types.js";

/** Create parameters in the spec's (and twilio-node's) order. */
const CREATE_PARAMS: WireTable<AddProxyParticipantInput> = [
  ["Identifier", "identifier"],
  ["FriendlyName", "friendlyName"],
  ["ProxyIdentifier", "proxyIdentifier"],
  ["ProxyIdentifierSid", "proxyIdentifierSid"],
];

function participantsPath(serviceSid: string, sessionSid: string): string {
  return twilioPath`/v1/Services/${serviceSid}/Sessions/${sessionSid}/Participants`;
}

/** Twilio answers 201 with the new participant. */
export async function createProxyParticipant(
  client: TwilioClient,
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
