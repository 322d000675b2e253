import { Field, InputType } from "type-graphql";
import { CheckObject, Nested } from "../../validation/rules.js";
import { AddConferenceParticipantInput } from "../conference/inputs.js";
import { AddConversationParticipantInput } from "../conversation/inputs.js";
import { AddInteractionParticipantInput } from "../interaction/inputs.js";
import { AddProxyParticipantInput } from "../proxy/inputs.js";

const KINDS = ["proxy", "interaction", "conversation", "conference"] as const;

@InputType({
  description:
    "Exactly one kind of participant to add, each with the same fields as its own add mutation.",
})
// The schema marks this input @oneOf, which graphql-js enforces before any resolver runs; this
// rule keeps the guarantee should a request ever reach the resolver without that check.
@CheckObject<AddParticipantInput>((input) => {
  const given = KINDS.filter((kind) => input[kind] !== undefined && input[kind] !== null);
  if (given.length === 1) return [];
  const found = given.length === 0 ? "none was" : `${given.join(" and ")} were`;
  return [{ field: "", message: `exactly one of ${KINDS.join(", ")} must be given; ${found}` }];
})
export class AddParticipantInput {
  @Field(() => AddProxyParticipantInput, { nullable: true })
  @Nested(() => AddProxyParticipantInput)
  proxy?: AddProxyParticipantInput;

  @Field(() => AddInteractionParticipantInput, { nullable: true })
  @Nested(() => AddInteractionParticipantInput)
  interaction?: AddInteractionParticipantInput;

  @Field(() => AddConversationParticipantInput, { nullable: true })
  @Nested(() => AddConversationParticipantInput)
  conversation?: AddConversationParticipantInput;

  @Field(() => AddConferenceParticipantInput, { nullable: true })
  @Nested(() => AddConferenceParticipantInput)
  conference?: AddConferenceParticipantInput;
}
