import { argsType, inputType } from "../../params/input-class.js";
import { form, jsonObject, oneOf, path, text } from "../../params/param.js";
import { sid } from "../../validation/formats.js";
import { InteractionParticipantStatus, InteractionParticipantType } from "./enums.js";

/** Which channel of which interaction: Flex paths carry no account, the credentials name it. */
const channel = {
  interactionSid: path(text, {
    required: true,
    description: "The interaction (KD…).",
    rules: [sid("KD")],
  }),
  channelSid: path(text, {
    required: true,
    description: "The interaction's channel (UO…).",
    rules: [sid("UO")],
  }),
};

/** Create parameters in the spec's (and twilio-node's) order. */
export const AddInteractionParticipantInput = inputType(
  "AddInteractionParticipantInput",
  {
    ...channel,
    type: form("Type", oneOf(InteractionParticipantType), { required: true }),
    mediaProperties: form("MediaProperties", jsonObject, {
      required: true,
      description:
        'How to reach the participant, a JSON object such as {"level": "to", "name": "…", ' +
        '"address": "+1555…", "type": "sms"}. Sent to Twilio as JSON text.',
    }),
    routingProperties: form("RoutingProperties", jsonObject, {
      description: "A JSON object with routing details (task, worker, reservation SIDs).",
    }),
  },
  { description: "Adds a participant to a channel of a Flex interaction." },
);

export const UpdateInteractionParticipantInput = inputType(
  "UpdateInteractionParticipantInput",
  {
    ...channel,
    sid: path(text, {
      required: true,
      description: "The channel participant (UT…).",
      rules: [sid("UT")],
    }),
    status: form("Status", oneOf(InteractionParticipantStatus), {
      required: true,
      description: "CLOSED takes the participant out of the channel; WRAPUP starts its wrap-up.",
    }),
  },
  { description: "Moves a participant of a Flex interaction channel to a new status." },
);

export const InteractionChannelArgs = argsType("InteractionChannelArgs", channel);
