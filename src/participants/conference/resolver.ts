import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { type GatewayContext, loadersFor, requireCredentials } from "../../graphql/context.js";
import { NotFoundError } from "../../errors/gateway-errors.js";
import { assertValid } from "../../validation/rules.js";
import {
  assertValidListArgs,
  ConnectionArgs,
  connectionTypes,
  loadConnection,
} from "../../graphql/connection.js";
import {
  AddConferenceParticipantInput,
  ConferenceParticipantArgs,
  ConferenceParticipantFilter,
  RemoveConferenceParticipantInput,
  UpdateConferenceParticipantInput,
} from "./inputs.js";
import type { ConferenceParticipantKey } from "./loader.js";
import {
  CONFERENCE_MAX_PAGE_SIZE,
  createConferenceParticipant,
  deleteConferenceParticipant,
  listConferenceParticipants,
  updateConferenceParticipant,
} from "./rest.js";
import { ConferenceParticipant } from "./types.js";

export const { ConnectionType: ConferenceParticipantConnection } = connectionTypes(
  ConferenceParticipant,
  "ConferenceParticipant",
);

@Resolver(() => ConferenceParticipant)
export class ConferenceParticipantResolver {
  @Query(() => ConferenceParticipant, {
    nullable: true,
    description: "One conference participant by call SID or label; null when it does not exist.",
  })
  async conferenceParticipant(
    @Args(() => ConferenceParticipantArgs) args: ConferenceParticipantArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ConferenceParticipant | null> {
    assertValid(ConferenceParticipantArgs, args, "");
    return loadersFor(context).conferenceParticipant.load(withAccount(args, context));
  }

  @Query(() => ConferenceParticipantConnection, {
    description:
      "The participants of a conference, optionally only muted / on hold / coaching ones.",
  })
  async conferenceParticipants(
    @Args(() => ConferenceParticipantFilter) filter: ConferenceParticipantFilter,
    @Args(() => ConnectionArgs) paging: ConnectionArgs,
    @Ctx() context: GatewayContext,
  ) {
    return conferenceParticipantsConnection(context, filter, paging);
  }

  @Mutation(() => ConferenceParticipant, {
    description:
      "Dials a new participant into a Voice conference (POST …/Conferences/{CF}/Participants.json).",
  })
  async addConferenceParticipant(
    @Arg("input", () => AddConferenceParticipantInput) input: AddConferenceParticipantInput,
    @Ctx() context: GatewayContext,
  ): Promise<ConferenceParticipant> {
    assertValid(AddConferenceParticipantInput, input);
    return createConferenceParticipant(context.twilio, requireCredentials(context), input);
  }

  @Mutation(() => ConferenceParticipant, {
    description: "Mutes, holds, coaches or otherwise changes a conference participant.",
  })
  async updateConferenceParticipant(
    @Arg("input", () => UpdateConferenceParticipantInput) input: UpdateConferenceParticipantInput,
    @Ctx() context: GatewayContext,
  ): Promise<ConferenceParticipant> {
    assertValid(UpdateConferenceParticipantInput, input);
    const key = withAccount(input, context);
    const updated = await updateConferenceParticipant(context.twilio, requireCredentials(context), {
      ...input,
      ...key,
    });
    loadersFor(context).conferenceParticipant.clear(key).prime(key, updated);
    return updated;
  }

  @Mutation(() => ConferenceParticipant, {
    description:
      "Hangs up a participant's call. Returns the participant as it was just before; NOT_FOUND when already gone.",
  })
  async removeConferenceParticipant(
    @Arg("input", () => RemoveConferenceParticipantInput) input: RemoveConferenceParticipantInput,
    @Ctx() context: GatewayContext,
  ): Promise<ConferenceParticipant> {
    assertValid(RemoveConferenceParticipantInput, input);
    const key = withAccount(input, context);
    const loader = loadersFor(context).conferenceParticipant;
    const current = await loader.load(key);
    if (!current) throw new NotFoundError(`Conference participant ${key.callSid}`);
    await deleteConferenceParticipant(context.twilio, requireCredentials(context), key);
    loader.clear(key);
    return current;
  }
}

function withAccount(
  ref: { accountSid?: string; conferenceSid: string; callSid: string },
  context: GatewayContext,
): ConferenceParticipantKey {
  return {
    accountSid: ref.accountSid ?? requireCredentials(context).accountSid,
    conferenceSid: ref.conferenceSid,
    callSid: ref.callSid,
  };
}

/**
 * One page of a conference's participants, optionally filtered. Used by the list query and by the
 * parent entity's `participants` field, so both page the same way and share cursors.
 */
export function conferenceParticipantsConnection(
  context: GatewayContext,
  filter: ConferenceParticipantFilter,
  paging: ConnectionArgs,
) {
  assertValidListArgs(ConferenceParticipantFilter, filter, paging, CONFERENCE_MAX_PAGE_SIZE);
  const credentials = requireCredentials(context);
  const scoped = { ...filter, accountSid: filter.accountSid ?? credentials.accountSid };
  const { muted, hold, coaching } = scoped;
  return loadConnection({
    args: paging,
    scope: JSON.stringify([
      "conference",
      scoped.accountSid,
      scoped.conferenceSid,
      muted,
      hold,
      coaching,
    ]),
    maxPageSize: CONFERENCE_MAX_PAGE_SIZE,
    fetchPage: (page) => listConferenceParticipants(context.twilio, credentials, scoped, page),
  });
}
