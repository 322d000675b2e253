import { Field, ID, InterfaceType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../graphql/scalars.js";

/**
 * `enum ParticipantKind`: one value per product, added by the product itself when its type is
 * declared (`participantKind`), so a new product needs no edit here. type-graphql reads the
 * values when the schema is built, after every product module has loaded.
 */
export const ParticipantKind: Record<string, string> = {};
registerEnumType(ParticipantKind, {
  name: "ParticipantKind",
  description: "Which Twilio product a participant belongs to.",
});

/** The GraphQL type a participant of each kind is, for the interface's `resolveType`. */
const TYPE_NAME_BY_KIND = new Map<string, string>();

/** Declares a product's participant kind (`CONFERENCE`) and the GraphQL type it is. */
export function participantKind<const K extends string>(kind: K, typeName: string): K {
  ParticipantKind[kind] = kind;
  TYPE_NAME_BY_KIND.set(kind, typeName);
  return kind;
}

@InterfaceType({
  description: "Someone taking part in a Twilio session, channel, conversation or conference.",
  resolveType: (value: { kind: string }) => TYPE_NAME_BY_KIND.get(value.kind),
})
export abstract class Participant {
  @Field(() => ID, {
    description: "The participant's Twilio SID (for a conference participant: the call SID).",
  })
  sid: string;

  @Field(() => ParticipantKind)
  kind: string;

  @Field(() => String, { nullable: true })
  accountSid: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  dateCreated: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  dateUpdated: Date | null;

  @Field(() => String, { nullable: true, description: "The absolute URL of the Twilio resource." })
  url: string | null;
}
