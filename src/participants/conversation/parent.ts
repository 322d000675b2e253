import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "sid")')
@Directive('@key(fields: "chatServiceSid sid")')
@ObjectType({
  description:
    "A conversation, as far as this subgraph knows it: its participants. Other subgraphs " +
    "reference it by `sid` (default Conversation Service) or `chatServiceSid sid`.",
})
export class Conversation {
  @Field(() => ID, { description: "The conversation SID (CH…) or its unique name." })
  sid: string;

  @Field(() => ID, {
    nullable: true,
    description: "Its Conversation Service (IS…), if not the default; null for the default.",
  })
  chatServiceSid: string | null;
}
