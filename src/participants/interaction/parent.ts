import {
  Args,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  ObjectType,
  Resolver,
  Root,
} from "type-graphql";
import type { GatewayContext } from "../../graphql/context.js";
import { ConnectionArgs } from "../../graphql/connection.js";
import type { EntityResolver } from "../../graphql/entity.js";
import { InteractionParticipantConnection, interactionParticipantsConnection } from "./resolver.js";

@Directive('@key(fields: "interactionSid sid")')
@ObjectType({
  description:
    "A Flex Interaction channel, as far as this subgraph knows it: its participants. Other " +
    "subgraphs reference it by `interactionSid sid` and may add their own fields.",
})
export class InteractionChannel {
  @Field(() => String, { description: "The interaction (KD…)." })
  interactionSid: string;

  @Field(() => ID, { description: "The channel SID (UO…)." })
  sid: string;
}

@Resolver(() => InteractionChannel)
export class InteractionChannelResolver {
  @FieldResolver(() => InteractionParticipantConnection, {
    description: "The channel's participants, like `interactionParticipants`; cursors are shared.",
  })
  async participants(
    @Root() channel: InteractionChannel,
    @Args(() => ConnectionArgs) paging: ConnectionArgs,
    @Ctx() context: GatewayContext,
  ) {
    return interactionParticipantsConnection(
      context,
      { interactionSid: channel.interactionSid, channelSid: channel.sid },
      paging,
    );
  }
}

/** Nothing to fetch: a channel reference is all its `participants` field needs. */
export const interactionChannelEntity: EntityResolver = {
  typeName: "InteractionChannel",
  resolveReference: (representation) => ({
    interactionSid: String(representation.interactionSid),
    sid: String(representation.sid),
  }),
};
