import { Directive, Field, ID, ObjectType } from "type-graphql";
import { JSONScalar } from "../../graphql/scalars.js";
import type { JsonValue } from "../../twilio/response-fields.js";
import type { EnumValue } from "../../params/twilio-enum.js";
import { Participant, participantKind } from "../participant.js";
import { InteractionParticipantType } from "./enums.js";

export const INTERACTION = participantKind("INTERACTION", "InteractionParticipant");

@Directive('@key(fields: "interactionSid channelSid sid")')
@ObjectType({
  implements: Participant,
  description:
    "A participant of a Flex interaction channel. Twilio returns no account or dates for it, " +
    "so `accountSid`, `dateCreated` and `dateUpdated` are always null.",
})
export class InteractionParticipant implements Participant {
  sid: string;
  kind: typeof INTERACTION;
  accountSid: null;
  dateCreated: null;
  dateUpdated: null;
  url: string | null;

  @Field(() => InteractionParticipantType, { nullable: true })
  type: EnumValue<typeof InteractionParticipantType> | null;

  @Field(() => ID, { description: "The interaction (KD…): a key field." })
  interactionSid: string;

  @Field(() => ID, { description: "The interaction's channel (UO…): a key field." })
  channelSid: string;

  @Field(() => JSONScalar, {
    nullable: true,
    description:
      "Routing details such as the TaskRouter task, worker and reservation SIDs. Free-form JSON: " +
      "Twilio documents no schema for it and stores what the add's `routingProperties` gave.",
  })
  routingProperties: JsonValue | null;
}
