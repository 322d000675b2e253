import { ArgsType, Field, InputType } from "type-graphql";
import { JSONScalar } from "../../graphql/scalars.js";
import type { JsonObject } from "../../twilio/response-fields.js";
import { jsonObject, sid } from "../../validation/formats.js";
import { Check } from "../../validation/rules.js";
import { InteractionParticipantStatus, InteractionParticipantType } from "./enums.js";

@InputType({ description: "Adds a participant to a channel of a Flex interaction." })
export class AddInteractionParticipantInput {
  @Field(() => String, { description: "The interaction (KD…)." })
  @Check(sid("KD"))
  interactionSid: string;

  @Field(() => String, { description: "The interaction's channel (UO…)." })
  @Check(sid("UO"))
  channelSid: string;

  @Field(() => InteractionParticipantType)
  type: InteractionParticipantType;

  @Field(() => JSONScalar, {
    description:
      'How to reach the participant, a JSON object such as {"level": "to", "name": "…", ' +
      '"address": "+1555…", "type": "sms"}. Sent to Twilio as JSON text.',
  })
  @Check(jsonObject)
  mediaProperties: JsonObject;

  @Field(() => JSONScalar, {
    nullable: true,
    description: "A JSON object with routing details (task, worker, reservation SIDs).",
  })
  @Check(jsonObject)
  routingProperties?: JsonObject;
}

@InputType({ description: "Moves a participant of a Flex interaction channel to a new status." })
export class UpdateInteractionParticipantInput {
  @Field(() => String, { description: "The interaction (KD…)." })
  @Check(sid("KD"))
  interactionSid: string;

  @Field(() => String, { description: "The interaction's channel (UO…)." })
  @Check(sid("UO"))
  channelSid: string;

  @Field(() => String, { description: "The channel participant (UT…)." })
  @Check(sid("UT"))
  sid: string;

  @Field(() => InteractionParticipantStatus, {
    description: "CLOSED takes the participant out of the channel; WRAPUP starts its wrap-up.",
  })
  status: InteractionParticipantStatus;
}

/** Which channel's participants to list; the paging arguments are ConnectionArgs. */
@ArgsType()
export class InteractionChannelArgs {
  @Field(() => String, { description: "The interaction (KD…)." })
  @Check(sid("KD"))
  interactionSid: string;

  @Field(() => String, { description: "The interaction's channel (UO…)." })
  @Check(sid("UO"))
  channelSid: string;
}
