import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "serviceSid sid")')
@ObjectType({
  description:
    "A Proxy session, as far as this subgraph knows it: its participants. Other subgraphs " +
    "reference it by `serviceSid sid` and may add their own fields.",
})
export class ProxySession {
  @Field(() => ID, { description: "The Proxy service (KS…)." })
  serviceSid: string;

  @Field(() => ID, { description: "The session SID (KC…)." })
  sid: string;
}
