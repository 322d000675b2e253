import DataLoader from "dataloader";
import { isNotFound } from "../../errors/gateway-errors.js";
import type { GatewayContext } from "../../graphql/context.js";
import type { PageRequest } from "../../twilio/paging.js";
import { twilioPath } from "../../twilio/path.js";
import type { TwilioScope } from "../../twilio/request-scope.js";
import { jsonText, text, type TwilioJson } from "../../twilio/response-fields.js";
import { ownSid, pathKey } from "../key-fields.js";
import type { ParticipantCache } from "../participant-cache.js";
import { participantResource } from "../resource.js";
import { InteractionParticipantType } from "./enums.js";
import { INTERACTION, type InteractionParticipant } from "./types.js";

/** One channel of a Flex interaction: the unit Twilio lists participants by. */
export interface InteractionChannelRef {
  interactionSid: string;
  channelSid: string;
}

export interface InteractionParticipantKey extends InteractionChannelRef {
  sid: string;
}

const TYPES = new Set<string>(Object.values(InteractionParticipantType));

/**
 * Flex returns no account or dates for a channel participant. `routing_properties` comes back
 * as an object or as JSON text depending on how it was stored, so both are read. The request's
 * path stands in for key fields the answer lacks.
 */
function readInteractionParticipant(
  answer: TwilioJson,
  requested: InteractionChannelRef & { sid?: string },
): InteractionParticipant {
  const type = text(answer, "type");
  return {
    kind: INTERACTION,
    sid: ownSid("flex", "UT", text(answer, "sid"), requested.sid),
    accountSid: null,
    dateCreated: null,
    dateUpdated: null,
    url: text(answer, "url"),
    type: type !== null && TYPES.has(type) ? (type as InteractionParticipant["type"]) : null,
    interactionSid: pathKey(text(answer, "interaction_sid"), requested.interactionSid),
    channelSid: pathKey(text(answer, "channel_sid"), requested.channelSid),
    routingProperties: jsonText(answer, "routing_properties"),
  };
}

/** Flex has no fetch and no delete for a channel participant; it answers a create with 200. */
export const interactionParticipants = participantResource<
  InteractionChannelRef,
  InteractionParticipantKey,
  InteractionParticipant
>({
  product: "flex",
  name: "interaction.participant",
  listPath: (channel) =>
    twilioPath`/v1/Interactions/${channel.interactionSid}/Channels/${channel.channelSid}/Participants`,
  instancePath: (key) =>
    twilioPath`/v1/Interactions/${key.interactionSid}/Channels/${key.channelSid}/Participants/${key.sid}`,
  maxPageSize: 1000,
  read: (answer, _twilio, requested) => readInteractionParticipant(answer, requested),
  describe: (key) => `Interaction participant ${key.sid}`,
});

export function interactionParticipantKey(
  ref: InteractionParticipantKey,
): InteractionParticipantKey {
  return { interactionSid: ref.interactionSid, channelSid: ref.channelSid, sid: ref.sid };
}

/**
 * Flex cannot fetch a single channel participant, only list a channel's. A channel's whole list
 * is read once per request, so any number of participants of C channels costs C list reads
 * (more only for channels beyond one full page). A channel that does not exist has no
 * participants, and any other failure rejects only that channel's keys.
 */
function channelLoader(twilio: TwilioScope) {
  return new DataLoader<InteractionChannelRef, InteractionParticipant[], string>(
    (channels) =>
      Promise.all(
        channels.map((channel) =>
          readWholeChannel(twilio, channel).catch((error: unknown) => {
            if (isNotFound(error)) return [];
            return error instanceof Error ? error : new Error(String(error));
          }),
        ),
      ),
    { cacheKeyFn: (channel) => `${channel.interactionSid}/${channel.channelSid}` },
  );
}

async function readWholeChannel(
  twilio: TwilioScope,
  channel: InteractionChannelRef,
): Promise<InteractionParticipant[]> {
  const { maxPageSize } = interactionParticipants;
  const participants: InteractionParticipant[] = [];
  let request: PageRequest = { pageSize: maxPageSize, page: 0, pageToken: undefined };
  for (;;) {
    const { items, next } = await interactionParticipants.list(twilio, channel, [], request);
    participants.push(...items);
    // A next link that does not move forward would otherwise be followed for ever.
    if (next === null || next.page <= request.page) return participants;
    request = { pageSize: maxPageSize, page: next.page, pageToken: next.pageToken };
  }
}

const channelOf = (key: InteractionChannelRef): InteractionChannelRef => ({
  interactionSid: key.interactionSid,
  channelSid: key.channelSid,
});

export const interactionParticipantCache: ParticipantCache<
  InteractionParticipantKey,
  InteractionParticipant
> = {
  async load(context: GatewayContext, key) {
    const participants = await context.loader(channelLoader).load(channelOf(key));
    return participants.find((participant) => participant.sid === key.sid) ?? null;
  },
  // The cached list may hold the participant as it was; it is read again when next needed.
  updated: (context, key) => void context.loader(channelLoader).clear(channelOf(key)),
  removed: (context, key) => void context.loader(channelLoader).clear(channelOf(key)),
};
