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
  AddProxyParticipantInput,
  ProxyParticipantArgs,
  ProxySessionArgs,
  RemoveProxyParticipantInput,
} from "./inputs.js";
import {
  createProxyParticipant,
  deleteProxyParticipant,
  listProxyParticipants,
  PROXY_MAX_PAGE_SIZE,
} from "./rest.js";
import { ProxyParticipant } from "./types.js";

export const { ConnectionType: ProxyParticipantConnection } = connectionTypes(
  ProxyParticipant,
  "ProxyParticipant",
);

@Resolver(() => ProxyParticipant)
export class ProxyParticipantResolver {
  @Query(() => ProxyParticipant, {
    nullable: true,
    description: "One participant of a Proxy session; null when it does not exist.",
  })
  async proxyParticipant(
    @Args(() => ProxyParticipantArgs) args: ProxyParticipantArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ProxyParticipant | null> {
    assertValid(ProxyParticipantArgs, args, "");
    return loadersFor(context).proxyParticipant.load(args);
  }

  @Query(() => ProxyParticipantConnection, {
    description: "The participants of a Proxy session.",
  })
  async proxyParticipants(
    @Args(() => ProxySessionArgs) session: ProxySessionArgs,
    @Args(() => ConnectionArgs) paging: ConnectionArgs,
    @Ctx() context: GatewayContext,
  ) {
    return proxyParticipantsConnection(context, session, paging);
  }

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

  @Mutation(() => ProxyParticipant, {
    description:
      "Removes a participant from its Proxy session; its identifier cannot rejoin that session. " +
      "Returns the participant as it was just before; NOT_FOUND when already gone.",
  })
  async removeProxyParticipant(
    @Arg("input", () => RemoveProxyParticipantInput) input: RemoveProxyParticipantInput,
    @Ctx() context: GatewayContext,
  ): Promise<ProxyParticipant> {
    assertValid(RemoveProxyParticipantInput, input);
    const loader = loadersFor(context).proxyParticipant;
    const current = await loader.load(input);
    if (!current) throw new NotFoundError(`Proxy participant ${input.sid}`);
    await deleteProxyParticipant(context.twilio, requireCredentials(context), input);
    loader.clear(input);
    return current;
  }
}

/**
 * One page of a Proxy session's participants. Used by the list query and by the parent entity's
 * `participants` field, so both page the same way and share cursors.
 */
export function proxyParticipantsConnection(
  context: GatewayContext,
  session: ProxySessionArgs,
  paging: ConnectionArgs,
) {
  assertValidListArgs(ProxySessionArgs, session, paging, PROXY_MAX_PAGE_SIZE);
  const credentials = requireCredentials(context);
  const { serviceSid, sessionSid } = session;
  return loadConnection({
    args: paging,
    scope: JSON.stringify(["proxy", credentials.accountSid, serviceSid, sessionSid]),
    maxPageSize: PROXY_MAX_PAGE_SIZE,
    fetchPage: (page) => listProxyParticipants(context.twilio, credentials, session, page),
  });
}
