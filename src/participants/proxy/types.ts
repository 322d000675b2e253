import { Directive, Field, ObjectType } from "type-graphql";
import { DateTimeScalar, JSONScalar } from "../../graphql/scalars.js";
import type { JsonValue } from "../../twilio/response-fields.js";
import { Participant, participantKind } from "../participant.js";

export const PROXY = participantKind("PROXY", "ProxyParticipant");

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

  @Field(() => String, { nullable: true })
  sessionSid: string | null;

  @Field(() => String, { nullable: true })
  serviceSid: string | null;

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

  @Field(() => JSONScalar, {
    nullable: true,
    description: "Absolute URLs of related Twilio resources, by name.",
  })
  links: JsonValue | null;
}
