import { loadersFor } from "../../graphql/context.js";
import type { EntityResolver } from "../../graphql/entity.js";

/**
 * `@key(fields: "interactionSid channelSid sid")`. Flex has no fetch for one channel
 * participant, so the channel's list is loaded (once per channel and request) and the
 * participant picked from it; null when the channel does not hold it.
 */
export const interactionParticipantEntity: EntityResolver = {
  typeName: "InteractionParticipant",
  async resolveReference(representation, context) {
    const participants = await loadersFor(context).interactionChannelParticipants.load({
      interactionSid: String(representation.interactionSid),
      channelSid: String(representation.channelSid),
    });
    const sid = String(representation.sid);
    return participants.find((participant) => participant.sid === sid) ?? null;
  },
};
