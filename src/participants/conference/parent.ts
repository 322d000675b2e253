import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "sid")')
@ObjectType({
  description:
    "A Voice conference, as far as this subgraph knows it: its participants. Other subgraphs " +
    "reference it by `sid` and may add their own fields.",
})
export class Conference {
  @Field(() => ID, { description: "The conference SID (CF…)." })
  sid: string;
}
