import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../../graphql/scalars.js";
import { Participant, participantKind } from "../participant.js";

export const PROXY = participantKind("PROXY", "ProxyParticipant");

/** Twilio's `links` (a `uri-map`): the participant's one documented sub-resource. */
@ObjectType({
  description: "Absolute URLs of the Twilio resources related to a Proxy participant.",
})
export class ProxyParticipantLinks {
  @Field(() => String, {
    nullable: true,
    description: "The participant's message interactions (`links.message_interactions`).",
  })
  messageInteractions: string | null;
}

@Directive('@key(fields: "serviceSid sessionSid sid")')
@ObjectType({
  implements: Participant,
  description: "A phone number or channel address taking part in a Twilio Proxy session.",
})
export class ProxyParticipant implements Participant {
  sid: string;
  kind: typeof PROXY;
  accountSid: string | null;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  url: string | null;

  @Field(() => ID, { description: "The session (KC…): a key field." })
  sessionSid: string;

  @Field(() => ID, { description: "The Proxy service (KS…): a key field." })
  serviceSid: string;

  @Field(() => String, { nullable: true })
  friendlyName: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The participant's phone number or channel address.",
  })
  identifier: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The masked number (or channel address) the participant reaches its partner on.",
  })
  proxyIdentifier: string | null;

  @Field(() => String, { nullable: true })
  proxyIdentifierSid: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the participant was removed from the session.",
  })
  dateDeleted: Date | null;

  @Field(() => ProxyParticipantLinks, { nullable: true })
  links: ProxyParticipantLinks | null;
}
