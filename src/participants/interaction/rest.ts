import type { TwilioCredentials } from "../../config.js";
import type { TwilioClient } from "../../twilio/client.js";
import { twilioPath } from "../../twilio/path.js";
import { toWireParams, type WireTable } from "../../twilio/wire-params.js";
import { ParticipantKind } from "../participant.js";
import { jsonText, text, type TwilioJson } from "../response-fields.js";
import { InteractionParticipantType } from "./enums.js";
import type { AddInteractionParticipantInput } from "./inputs.js";
import type { InteractionParticipant } from "./types.js";

/** Create parameters in the spec's (and twilio-node's) order. */
const CREATE_PARAMS: WireTable<AddInteractionParticipantInput> = [
  ["Type", "type"],
  ["MediaProperties", "mediaProperties", "json"],
  ["RoutingProperties", "routingProperties", "json"],
];

function participantsPath(interactionSid: string, channelSid: string): string {
  return twilioPath`/v1/Interactions/${interactionSid}/Channels/${channelSid}/Participants`;
}

/** Flex answers this create with 200, not 201. */
export async function createInteractionParticipant(
  client: TwilioClient,
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
