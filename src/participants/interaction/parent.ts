import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "interactionSid sid")')
@ObjectType({
  description:
    "A Flex Interaction channel, as far as this subgraph knows it: its participants. Other " +
    "subgraphs reference it by `interactionSid sid` and may add their own fields.",
})
export class InteractionChannel {
  @Field(() => ID, { description: "The interaction (KD…)." })
  interactionSid: string;

  @Field(() => ID, { description: "The channel SID (UO…)." })
  sid: string;
}
