import {
  Args,
  ArgsType,
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
import { ConferenceParticipantConnection, conferenceParticipantsConnection } from "./resolver.js";

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

@ArgsType()
class ConferenceParticipantFlags {
  @Field(() => Boolean, { nullable: true })
  muted?: boolean;

  @Field(() => Boolean, { nullable: true })
  hold?: boolean;

  @Field(() => Boolean, { nullable: true })
  coaching?: boolean;
}

@Resolver(() => Conference)
export class ConferenceResolver {
  @FieldResolver(() => ConferenceParticipantConnection, {
    description:
      "The conference's participants, like `conferenceParticipants`; cursors are shared.",
  })
  async participants(
    @Root() conference: Conference,
    @Args(() => ConferenceParticipantFlags) flags: ConferenceParticipantFlags,
    @Args(() => ConnectionArgs) paging: ConnectionArgs,
    @Ctx() context: GatewayContext,
  ) {
    return conferenceParticipantsConnection(
      context,
      { conferenceSid: conference.sid, ...flags },
      paging,
    );
  }
}

/** Nothing to fetch: a conference reference is all its `participants` field needs. */
export const conferenceEntity: EntityResolver = {
  typeName: "Conference",
  resolveReference: (representation) => ({ sid: String(representation.sid) }),
};
