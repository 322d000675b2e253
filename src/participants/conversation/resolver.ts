import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { type GatewayContext, requireCredentials } from "../../context.js";
import { assertValid } from "../../validation/rules.js";
import { AddConversationParticipantInput } from "./inputs.js";
import { createConversationParticipant } from "./rest.js";
import { ConversationParticipant } from "./types.js";

@Resolver(() => ConversationParticipant)
export class ConversationParticipantResolver {
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
}
