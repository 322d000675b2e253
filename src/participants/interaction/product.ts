import type { ParticipantProduct } from "../product.js";
import { addMutation, type AddSpec } from "../resolvers/add-mutation.js";
import { listQuery, type ListSpec } from "../resolvers/list-query.js";
import { parentParticipants } from "../resolvers/parent-participants.js";
import { updateMutation } from "../resolvers/update-mutation.js";
import { InteractionChannel } from "./parent.js";
import {
  AddInteractionParticipantInput,
  InteractionChannelArgs,
  UpdateInteractionParticipantInput,
} from "./params.js";
import {
  interactionParticipantCache as cache,
  interactionParticipantKey as key,
  interactionParticipants as resource,
} from "./resource.js";
import { InteractionParticipant } from "./types.js";

const type = InteractionParticipant;
/** One participant, named by its key: what its fetch, update and remove share. */
const keyed = { type, resource, key, cache };
const list: ListSpec<typeof InteractionChannelArgs.params, InteractionParticipant> = {
  type,
  resource,
  args: InteractionChannelArgs,
};
const add: AddSpec<typeof AddInteractionParticipantInput.params, InteractionParticipant> = {
  resource,
  input: AddInteractionParticipantInput,
};

/** Flex Interaction channel participants: `flex-api.twilio.com/v1/Interactions/{KD}/Channels/{UO}/Participants`. */
export const interactionProduct: ParticipantProduct = {
  name: "interaction",
  resolvers: [
    listQuery({
      ...list,
      description: "The participants of a Flex interaction channel.",
    }),
    addMutation({
      ...add,
      description:
        "Adds a participant to a Flex interaction channel (POST /v1/Interactions/{KD}/Channels/{UO}/Participants).",
      type,
    }),
    updateMutation({
      description:
        "Closes a channel participant or puts it into wrap-up (POST …/Channels/{UO}/Participants/{UT}).",
      input: UpdateInteractionParticipantInput,
      ...keyed,
    }),
    parentParticipants({
      parent: InteractionChannel,
      description:
        "The channel's participants, like `interactionParticipants`; cursors are shared.",
      list,
      listArgs: (channel) => ({ interactionSid: channel.interactionSid, channelSid: channel.sid }),
    }),
  ],
  orphanedTypes: [InteractionChannel],
  entities: [
    {
      // `@key(fields: "interactionSid channelSid sid")`: picked from the channel's list, read
      // once per channel and request; null when the channel does not hold it.
      typeName: "InteractionParticipant",
      resolveReference: (representation, context) =>
        cache.load(context, {
          interactionSid: String(representation.interactionSid),
          channelSid: String(representation.channelSid),
          sid: String(representation.sid),
        }),
    },
    {
      // Nothing to fetch: a channel reference is all its `participants` field needs.
      typeName: "InteractionChannel",
      resolveReference: (representation) => ({
        interactionSid: String(representation.interactionSid),
        sid: String(representation.sid),
      }),
    },
  ],
  add: add as ParticipantProduct["add"],
  explorer: {
    field: "addInteractionParticipant",
    arguments: {
      input: {
        interactionSid: `KD${"0".repeat(31)}1`,
        channelSid: `UO${"0".repeat(31)}1`,
        type: "CUSTOMER",
        mediaProperties: { level: "to", name: "Alice", address: "+15558675310", type: "sms" },
      },
    },
  },
};
