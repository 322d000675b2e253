import { Field, ID, InterfaceType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../graphql/scalars.js";

export enum ParticipantKind {
  PROXY = "PROXY",
  INTERACTION = "INTERACTION",
  CONVERSATION = "CONVERSATION",
  CONFERENCE = "CONFERENCE",
}
registerEnumType(ParticipantKind, {
  name: "ParticipantKind",
  description: "Which Twilio product a participant belongs to.",
});

const TYPE_NAME_BY_KIND: Readonly<Record<ParticipantKind, string>> = {
  PROXY: "ProxyParticipant",
  INTERACTION: "InteractionParticipant",
  CONVERSATION: "ConversationParticipant",
  CONFERENCE: "ConferenceParticipant",
};

@InterfaceType({
  description: "Someone taking part in a Twilio session, channel, conversation or conference.",
  resolveType: (value: { kind: ParticipantKind }) => TYPE_NAME_BY_KIND[value.kind],
})
export abstract class Participant {
  @Field(() => ID, {
    description: "The participant's Twilio SID (for a conference participant: the call SID).",
  })
  sid: string;

  @Field(() => ParticipantKind)
  kind: ParticipantKind;

  @Field(() => String, { nullable: true })
  accountSid: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  dateCreated: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  dateUpdated: Date | null;

  @Field(() => String, { nullable: true, description: "The absolute URL of the Twilio resource." })
  url: string | null;
}
