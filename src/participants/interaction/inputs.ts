import { Field, InputType } from "type-graphql";
import { JSONScalar } from "../../scalars.js";
import type { JsonObject } from "../../twilio/form.js";
import { jsonObject, sid } from "../../validation/formats.js";
import { Check } from "../../validation/rules.js";
import { InteractionParticipantType } from "./enums.js";

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
