import { Args, Ctx, type ClassType, Query, Resolver } from "type-graphql";
import {
  assertValidListArgs,
  ConnectionArgs,
  type Connection,
  connectionOf,
  loadConnection,
} from "../../graphql/connection.js";
import type { GatewayContext } from "../../graphql/context.js";
import { resolvedDirectly } from "../../graphql/direct-resolvers.js";
import type { InputClass } from "../../params/input-class.js";
import type { InputOf, ParamTable } from "../../params/param.js";
import { toWire } from "../../params/wire.js";
import type { ParticipantResource } from "../resource.js";
import { lowerFirst } from "./field-name.js";

/** A list of a parent's participants: its arguments name the parent and Twilio's filters. */
export interface ListSpec<P extends ParamTable, T extends object> {
  resource: ParticipantResource<InputOf<P>, unknown, T>;
  args: InputClass<P>;
  /** The participant type listed: the list's field name and connection type follow from it. */
  type: ClassType<T>;
}

/**
 * One page of a parent's participants over Twilio's paging. Used by the list query and by the
 * parent entity's `participants` field, so both page the same way and share cursors: a cursor
 * is bound to the account, the resource and every argument, so it cannot page another list.
 */
export function participantsConnection<P extends ParamTable, T extends object>(
  context: GatewayContext,
  list: ListSpec<P, T>,
  args: InputOf<P>,
  paging: ConnectionArgs,
): Promise<Connection<T>> {
  const { resource } = list;
  assertValidListArgs(list.args, args, paging, resource.maxPageSize);
  const { twilio } = context;
  const values = Object.keys(list.args.params).map(
    (field) => (args as Record<string, unknown>)[field] ?? null,
  );
  const accountSid = twilio.account((args as { accountSid?: string | null }).accountSid);
  const filters = toWire(list.args.params, args).query;
  return loadConnection({
    args: paging,
    scope: JSON.stringify([resource.name, accountSid, ...values]),
    maxPageSize: resource.maxPageSize,
    fetchPage: (page) => resource.list(twilio, args, filters, page),
  });
}

export interface ListQuerySpec<P extends ParamTable, T extends object> extends ListSpec<P, T> {
  description: string;
}

/** `conferenceParticipants(…): ConferenceParticipantConnection`, named after the type it lists. */
export function listQuery<P extends ParamTable, T extends object>(spec: ListQuerySpec<P, T>) {
  const name = `${lowerFirst(spec.type.name)}s`;
  // Made now: type-graphql only knows the types declared before the schema is built.
  const connection = connectionOf(spec.type);
  @Resolver()
  class ListQuery {
    @Query(() => connection, { name, description: spec.description })
    list(
      @Args(() => spec.args) args: InputOf<P>,
      @Args(() => ConnectionArgs) paging: ConnectionArgs,
      @Ctx() context: GatewayContext,
    ): Promise<Connection<T>> {
      return participantsConnection(context, spec, args, paging);
    }
  }
  // One object holds the list's arguments and the paging ones: each reader takes its own fields.
  return resolvedDirectly(ListQuery, {
    Query: {
      [name]: (_, args, context) =>
        participantsConnection(context, spec, args as InputOf<P>, args as ConnectionArgs),
    },
  });
}
