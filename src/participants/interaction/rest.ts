import type { TwilioCredentials } from "../../config/config.js";
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
import { jsonText, text, type TwilioJson } from "../../twilio/response-fields.js";
import { InteractionParticipantType } from "./enums.js";
import type {
  AddInteractionParticipantInput,
  UpdateInteractionParticipantInput,
} from "./inputs.js";
import type { InteractionChannelKey } from "./loader.js";
import type { InteractionParticipant } from "./types.js";

/** Create parameters in the spec's (and twilio-node's) order. */
const CREATE_PARAMS: WireTable<AddInteractionParticipantInput> = [
  ["Type", "type"],
  ["MediaProperties", "mediaProperties", "json"],
  ["RoutingProperties", "routingProperties", "json"],
];

/** Update parameters in the spec's (and twilio-node's) order. */
const UPDATE_PARAMS: WireTable<UpdateInteractionParticipantInput> = [["Status", "status"]];

/** The largest PageSize Flex accepts. */
export const INTERACTION_MAX_PAGE_SIZE = 1000;

function participantsPath(interactionSid: string, channelSid: string): string {
  return twilioPath`/v1/Interactions/${interactionSid}/Channels/${channelSid}/Participants`;
}

/** Flex answers this create with 200, not 201. */
export async function createInteractionParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  input: AddInteractionParticipantInput,
): Promise<InteractionParticipant> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "flex",
    operation: "interaction.participant.create",
    method: "POST",
    path: participantsPath(input.interactionSid, input.channelSid),
    form: toWireParams(CREATE_PARAMS, input),
  });
  return toInteractionParticipant(json ?? {});
}

const TYPES = new Set<string>(Object.values(InteractionParticipantType));

/**
 * Maps Twilio's snake_case answer onto the GraphQL type. `routing_properties` comes back as an
 * object or as JSON text depending on how it was stored, so both are read.
 */
export function toInteractionParticipant(json: TwilioJson): InteractionParticipant {
  const type = text(json, "type");
  return {
    kind: ParticipantKind.INTERACTION,
    sid: text(json, "sid") ?? "",
    accountSid: null,
    dateCreated: null,
    dateUpdated: null,
    url: text(json, "url"),
    type: type !== null && TYPES.has(type) ? (type as InteractionParticipantType) : null,
    interactionSid: text(json, "interaction_sid"),
    channelSid: text(json, "channel_sid"),
    routingProperties: jsonText(json, "routing_properties"),
  };
}

export async function listInteractionParticipants(
  client: TwilioApi,
  credentials: TwilioCredentials,
  channel: InteractionChannelKey,
  page: PageRequest,
): Promise<TwilioPage<InteractionParticipant>> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "flex",
    operation: "interaction.participant.list",
    method: "GET",
    path: participantsPath(channel.interactionSid, channel.channelSid),
    query: pageQuery(page),
  });
  return readTwilioPage(json, "participants", toInteractionParticipant);
}

/** Flex has no fetch and no delete for a channel participant: an update is all there is. */
export async function updateInteractionParticipant(
  client: TwilioApi,
  credentials: TwilioCredentials,
  input: UpdateInteractionParticipantInput,
): Promise<InteractionParticipant> {
  const json = await client.request<TwilioJson>(credentials, {
    product: "flex",
    operation: "interaction.participant.update",
    method: "POST",
    path: twilioPath`/v1/Interactions/${input.interactionSid}/Channels/${input.channelSid}/Participants/${input.sid}`,
    form: toWireParams(UPDATE_PARAMS, input),
  });
  return toInteractionParticipant(json ?? {});
}
