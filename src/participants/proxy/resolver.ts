import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { type GatewayContext, requireCredentials } from "../../context.js";
import { assertValid } from "../../validation/rules.js";
import { AddProxyParticipantInput } from "./inputs.js";
import { createProxyParticipant } from "./rest.js";
import { ProxyParticipant } from "./types.js";

@Resolver(() => ProxyParticipant)
export class ProxyParticipantResolver {
  @Mutation(() => ProxyParticipant, {
    description:
      "Adds a participant to a Proxy session (POST /v1/Services/{KS}/Sessions/{KC}/Participants).",
  })
  async addProxyParticipant(
    @Arg("input", () => AddProxyParticipantInput) input: AddProxyParticipantInput,
    @Ctx() context: GatewayContext,
  ): Promise<ProxyParticipant> {
    assertValid(AddProxyParticipantInput, input);
    return createProxyParticipant(context.twilio, requireCredentials(context), input);
  }
}
