import { Directive, Field, ObjectType } from "type-graphql";
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

  @Field(() => String, { nullable: true })
  interactionSid: string | null;

  @Field(() => String, { nullable: true })
  channelSid: string | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description: "Routing details such as the TaskRouter task and worker SIDs.",
  })
  routingProperties: JsonValue | null;
}
