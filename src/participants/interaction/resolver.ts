import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { type GatewayContext, requireCredentials } from "../../context.js";
import { assertValid } from "../../validation/rules.js";
import { AddInteractionParticipantInput } from "./inputs.js";
import { createInteractionParticipant } from "./rest.js";
import { InteractionParticipant } from "./types.js";

@Resolver(() => InteractionParticipant)
export class InteractionParticipantResolver {
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
}
