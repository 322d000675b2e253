import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { type GatewayContext, loadersFor, requireCredentials } from "../../graphql/context.js";
import { assertValid } from "../../validation/rules.js";
import {
  assertValidListArgs,
  ConnectionArgs,
  connectionTypes,
  loadConnection,
} from "../../graphql/connection.js";
import {
  AddInteractionParticipantInput,
  InteractionChannelArgs,
  UpdateInteractionParticipantInput,
} from "./inputs.js";
import {
  createInteractionParticipant,
  INTERACTION_MAX_PAGE_SIZE,
  listInteractionParticipants,
  updateInteractionParticipant,
} from "./rest.js";
import { InteractionParticipant } from "./types.js";

export const { ConnectionType: InteractionParticipantConnection } = connectionTypes(
  InteractionParticipant,
  "InteractionParticipant",
);

@Resolver(() => InteractionParticipant)
export class InteractionParticipantResolver {
  @Query(() => InteractionParticipantConnection, {
    description: "The participants of a Flex interaction channel.",
  })
  async interactionParticipants(
    @Args(() => InteractionChannelArgs) channel: InteractionChannelArgs,
    @Args(() => ConnectionArgs) paging: ConnectionArgs,
    @Ctx() context: GatewayContext,
  ) {
    return interactionParticipantsConnection(context, channel, paging);
  }

  @Mutation(() => InteractionParticipant, {
    description:
      "Adds a participant to a Flex interaction channel (POST /v1/Interactions/{KD}/Channels/{UO}/Participants).",
  })
  async addInteractionParticipant(
    @Arg("input", () => AddInteractionParticipantInput) input: AddInteractionParticipantInput,
    @Ctx() context: GatewayContext,
  ): Promise<InteractionParticipant> {
    assertValid(AddInteractionParticipantInput, input);
    return createInteractionParticipant(context.twilio, requireCredentials(context), input);
  }

  @Mutation(() => InteractionParticipant, {
    description:
      "Closes a channel participant or puts it into wrap-up (POST …/Channels/{UO}/Participants/{UT}).",
  })
  async updateInteractionParticipant(
    @Arg("input", () => UpdateInteractionParticipantInput)
    input: UpdateInteractionParticipantInput,
    @Ctx() context: GatewayContext,
  ): Promise<InteractionParticipant> {
    assertValid(UpdateInteractionParticipantInput, input);
    const updated = await updateInteractionParticipant(
      context.twilio,
      requireCredentials(context),
      input,
    );
    // The cached list may hold the participant as it was; it is read again when next needed.
    loadersFor(context).interactionChannelParticipants.clear(input);
    return updated;
  }
}

/**
 * One page of a Flex Interaction channel's participants. Used by the list query and by the parent
 * entity's `participants` field, so both page the same way and share cursors.
 */
export function interactionParticipantsConnection(
  context: GatewayContext,
  channel: InteractionChannelArgs,
  paging: ConnectionArgs,
) {
  assertValidListArgs(InteractionChannelArgs, channel, paging, INTERACTION_MAX_PAGE_SIZE);
  const credentials = requireCredentials(context);
  const { interactionSid, channelSid } = channel;
  return loadConnection({
    args: paging,
    scope: JSON.stringify(["interaction", credentials.accountSid, interactionSid, channelSid]),
    maxPageSize: INTERACTION_MAX_PAGE_SIZE,
    fetchPage: (page) => listInteractionParticipants(context.twilio, credentials, channel, page),
  });
}
