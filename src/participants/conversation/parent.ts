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
import {
  ConversationParticipantConnection,
  conversationParticipantsConnection,
} from "./resolver.js";

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

  @Field(() => String, {
    nullable: true,
    description: "Its Conversation Service (IS…), if not the default.",
  })
  chatServiceSid: string | null;
}

@Resolver(() => Conversation)
export class ConversationResolver {
  @FieldResolver(() => ConversationParticipantConnection, {
    description:
      "The conversation's participants, like `conversationParticipants`; cursors are shared.",
  })
  async participants(
    @Root() conversation: Conversation,
    @Args(() => ConnectionArgs) paging: ConnectionArgs,
    @Ctx() context: GatewayContext,
  ) {
    return conversationParticipantsConnection(
      context,
      { conversationSid: conversation.sid, chatServiceSid: conversation.chatServiceSid },
      paging,
    );
  }
}

/** Nothing to fetch: a conversation reference is all its `participants` field needs. */
export const conversationEntity: EntityResolver = {
  typeName: "Conversation",
  resolveReference: (representation) => ({
    sid: String(representation.sid),
    chatServiceSid:
      typeof representation.chatServiceSid === "string" ? representation.chatServiceSid : null,
  }),
};
