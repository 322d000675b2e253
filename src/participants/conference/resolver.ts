import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { type GatewayContext, requireCredentials } from "../../context.js";
import { assertValid } from "../../validation/rules.js";
import { AddConferenceParticipantInput } from "./inputs.js";
import { createConferenceParticipant } from "./rest.js";
import { ConferenceParticipant } from "./types.js";

@Resolver(() => ConferenceParticipant)
export class ConferenceParticipantResolver {
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
}
