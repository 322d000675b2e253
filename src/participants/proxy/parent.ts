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
import { ProxyParticipantConnection, proxyParticipantsConnection } from "./resolver.js";

@Directive('@key(fields: "serviceSid sid")')
@ObjectType({
  description:
    "A Proxy session, as far as this subgraph knows it: its participants. Other subgraphs " +
    "reference it by `serviceSid sid` and may add their own fields.",
})
export class ProxySession {
  @Field(() => String, { description: "The Proxy service (KS…)." })
  serviceSid: string;

  @Field(() => ID, { description: "The session SID (KC…)." })
  sid: string;
}

@Resolver(() => ProxySession)
export class ProxySessionResolver {
  @FieldResolver(() => ProxyParticipantConnection, {
    description: "The session's participants, like `proxyParticipants`; cursors are shared.",
  })
  async participants(
    @Root() session: ProxySession,
    @Args(() => ConnectionArgs) paging: ConnectionArgs,
    @Ctx() context: GatewayContext,
  ) {
    return proxyParticipantsConnection(
      context,
      { serviceSid: session.serviceSid, sessionSid: session.sid },
      paging,
    );
  }
}

/** Nothing to fetch: a session reference is all its `participants` field needs. */
export const proxySessionEntity: EntityResolver = {
  typeName: "ProxySession",
  resolveReference: (representation) => ({
    serviceSid: String(representation.serviceSid),
    sid: String(representation.sid),
  }),
};
