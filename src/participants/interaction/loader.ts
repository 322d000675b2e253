import DataLoader from "dataloader";
import type { TwilioCredentials } from "../../config/config.js";
import { isNotFound } from "../fetch-loader.js";
import type { TwilioApi } from "../../twilio/client.js";
import type { PageRequest } from "../../twilio/paging.js";
import { INTERACTION_MAX_PAGE_SIZE, listInteractionParticipants } from "./rest.js";
import type { InteractionParticipant } from "./types.js";

/** One channel of a Flex interaction: the unit Twilio lists participants by. */
export interface InteractionChannelKey {
  interactionSid: string;
  channelSid: string;
}

function interactionChannelCacheKey(key: InteractionChannelKey): string {
  return `${key.interactionSid}/${key.channelSid}`;
}

/**
 * Flex cannot fetch a single channel participant, only list a channel's. This loader reads a
 * channel's whole list once per request, so any number of participants of C channels costs C
 * list reads (more only for channels beyond one full page). A channel that does not exist has no
 * participants, and any other failure rejects only that channel's keys.
 */
export function createInteractionChannelParticipantsLoader(
  twilio: TwilioApi,
  credentials: TwilioCredentials,
): DataLoader<InteractionChannelKey, InteractionParticipant[], string> {
  return new DataLoader<InteractionChannelKey, InteractionParticipant[], string>(
    (channels) =>
      Promise.all(
        channels.map((channel) =>
          readWholeChannel(twilio, credentials, channel).catch((error: unknown) => {
            if (isNotFound(error)) return [];
            return error instanceof Error ? error : new Error(String(error));
          }),
        ),
      ),
    { cacheKeyFn: interactionChannelCacheKey },
  );
}

async function readWholeChannel(
  twilio: TwilioApi,
  credentials: TwilioCredentials,
  channel: InteractionChannelKey,
): Promise<InteractionParticipant[]> {
  const participants: InteractionParticipant[] = [];
  let request: PageRequest = { pageSize: INTERACTION_MAX_PAGE_SIZE, page: 0, pageToken: undefined };
  for (;;) {
    const { items, next } = await listInteractionParticipants(
      twilio,
      credentials,
      channel,
      request,
    );
    participants.push(...items);
    // A next link that does not move forward would otherwise be followed for ever.
    if (next === null || next.page <= request.page) return participants;
    request = { pageSize: INTERACTION_MAX_PAGE_SIZE, page: next.page, pageToken: next.pageToken };
  }
}
