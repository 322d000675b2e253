import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { type GatewayContext, loadersFor, requireCredentials } from "../../graphql/context.js";
import { NotFoundError } from "../../errors/gateway-errors.js";
import type { RequestLoaders } from "../../request-loaders.js";
import { assertValid } from "../../validation/rules.js";
import {
  assertValidListArgs,
  ConnectionArgs,
  connectionTypes,
  loadConnection,
} from "../../graphql/connection.js";
import {
  AddConversationParticipantInput,
  ConversationParticipantArgs,
  ConversationParticipantsArgs,
  RemoveConversationParticipantInput,
  UpdateConversationParticipantInput,
} from "./inputs.js";
import type { ConversationParticipantKey } from "./loader.js";
import {
  CONVERSATIONS_MAX_PAGE_SIZE,
  createConversationParticipant,
  deleteConversationParticipant,
  listConversationParticipants,
  updateConversationParticipant,
} from "./rest.js";
import { ConversationParticipant } from "./types.js";

export const { ConnectionType: ConversationParticipantConnection } = connectionTypes(
  ConversationParticipant,
  "ConversationParticipant",
);

@Resolver(() => ConversationParticipant)
export class ConversationParticipantResolver {
  @Query(() => ConversationParticipant, {
    nullable: true,
    description:
      "One participant of a Conversation by SID (MB…) or identity; null when it does not exist.",
  })
  async conversationParticipant(
    @Args(() => ConversationParticipantArgs) args: ConversationParticipantArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ConversationParticipant | null> {
    assertValid(ConversationParticipantArgs, args, "");
    return loadersFor(context).conversationParticipant.load(participantKey(args));
  }

  @Query(() => ConversationParticipantConnection, {
    description: "The participants of a Conversation, in the default or the given service.",
  })
  async conversationParticipants(
    @Args(() => ConversationParticipantsArgs) conversation: ConversationParticipantsArgs,
    @Args(() => ConnectionArgs) paging: ConnectionArgs,
    @Ctx() context: GatewayContext,
  ) {
    return conversationParticipantsConnection(context, conversation, paging);
  }

  @Mutation(() => ConversationParticipant, {
    description:
      "Adds a participant to a Conversation (POST /v1/Conversations/{CH}/Participants, or under /v1/Services/{IS}/ when chatServiceSid is given).",
  })
  async addConversationParticipant(
    @Arg("input", () => AddConversationParticipantInput) input: AddConversationParticipantInput,
    @Ctx() context: GatewayContext,
  ): Promise<ConversationParticipant> {
    assertValid(AddConversationParticipantInput, input);
    return createConversationParticipant(context.twilio, requireCredentials(context), input);
  }

  @Mutation(() => ConversationParticipant, {
    description:
      "Changes a Conversation participant's attributes, role, binding addresses, identity or read horizon.",
  })
  async updateConversationParticipant(
    @Arg("input", () => UpdateConversationParticipantInput)
    input: UpdateConversationParticipantInput,
    @Ctx() context: GatewayContext,
  ): Promise<ConversationParticipant> {
    assertValid(UpdateConversationParticipantInput, input);
    const key = participantKey(input);
    const updated = await updateConversationParticipant(
      context.twilio,
      requireCredentials(context),
      input,
    );
    const loader = loadersFor(context).conversationParticipant;
    // The update may have given the participant a new identity, so the name it was asked by
    // is forgotten and the ones it now answers to are primed.
    loader.clear(key);
    for (const name of [updated.sid, updated.identity]) {
      if (name) loader.clear({ ...key, sid: name }).prime({ ...key, sid: name }, updated);
    }
    return updated;
  }

  @Mutation(() => ConversationParticipant, {
    description:
      "Removes a participant from a Conversation. Returns the participant as it was just before; NOT_FOUND when already gone.",
  })
  async removeConversationParticipant(
    @Arg("input", () => RemoveConversationParticipantInput)
    input: RemoveConversationParticipantInput,
    @Ctx() context: GatewayContext,
  ): Promise<ConversationParticipant> {
    assertValid(RemoveConversationParticipantInput, input);
    const key = participantKey(input);
    const loader = loadersFor(context).conversationParticipant;
    const current = await loader.load(key);
    if (!current) throw new NotFoundError(`Conversation participant ${key.sid}`);
    // Twilio documents the identity in place of the SID for fetches only: delete by the SID.
    const target = current.sid ? { ...key, sid: current.sid } : key;
    await deleteConversationParticipant(context.twilio, requireCredentials(context), target, input);
    forget(loader, key, current);
    return current;
  }
}

/** Only the fields that name the participant, out of an argument or input object. */
function participantKey(ref: ConversationParticipantKey): ConversationParticipantKey {
  return {
    chatServiceSid: ref.chatServiceSid ?? null,
    conversationSid: ref.conversationSid,
    sid: ref.sid,
  };
}

/** Drops every name the participant was cached under: as asked, by SID and by identity. */
function forget(
  loader: RequestLoaders["conversationParticipant"],
  key: ConversationParticipantKey,
  participant: ConversationParticipant,
): void {
  for (const name of [key.sid, participant.sid, participant.identity]) {
    if (name) loader.clear({ ...key, sid: name });
  }
}

/**
 * One page of a conversation's participants. Used by the list query and by the parent entity's
 * `participants` field, so both page the same way and share cursors.
 */
export function conversationParticipantsConnection(
  context: GatewayContext,
  conversation: ConversationParticipantsArgs,
  paging: ConnectionArgs,
) {
  assertValidListArgs(
    ConversationParticipantsArgs,
    conversation,
    paging,
    CONVERSATIONS_MAX_PAGE_SIZE,
  );
  const credentials = requireCredentials(context);
  const { chatServiceSid, conversationSid } = conversation;
  return loadConnection({
    args: paging,
    scope: JSON.stringify([
      "conversation",
      credentials.accountSid,
      chatServiceSid ?? null,
      conversationSid,
    ]),
    maxPageSize: CONVERSATIONS_MAX_PAGE_SIZE,
    fetchPage: (page) =>
      listConversationParticipants(
        context.twilio,
        credentials,
        { chatServiceSid, conversationSid },
        page,
      ),
  });
}
