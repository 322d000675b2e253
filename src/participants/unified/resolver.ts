import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { type GatewayContext, requireCredentials } from "../../graphql/context.js";
import { assertValid } from "../../validation/rules.js";
import { createConferenceParticipant } from "../conference/rest.js";
import { createConversationParticipant } from "../conversation/rest.js";
import { createInteractionParticipant } from "../interaction/rest.js";
import { Participant } from "../participant.js";
import { createProxyParticipant } from "../proxy/rest.js";
import { AddParticipantInput } from "./inputs.js";

@Resolver()
export class AddParticipantResolver {
  @Mutation(() => Participant, {
    description:
      "Adds a participant of any kind: sends exactly what the kind's own add mutation sends.",
  })
  async addParticipant(
    @Arg("input", () => AddParticipantInput) input: AddParticipantInput,
    @Ctx() context: GatewayContext,
  ): Promise<Participant> {
    assertValid(AddParticipantInput, input);
    const { twilio } = context;
    const credentials = requireCredentials(context);
    const { proxy, interaction, conversation, conference } = input;
    if (proxy) return createProxyParticipant(twilio, credentials, proxy);
    if (interaction) return createInteractionParticipant(twilio, credentials, interaction);
    if (conversation) return createConversationParticipant(twilio, credentials, conversation);
    // assertValid has made sure exactly one kind was given, so it is the conference.
    return createConferenceParticipant(twilio, credentials, conference!);
  }
}
