import { Args, Ctx, type ClassType, FieldResolver, Resolver, Root } from "type-graphql";
import { ConnectionArgs, type Connection, connectionOf } from "../../graphql/connection.js";
import type { GatewayContext } from "../../graphql/context.js";
import { resolvedDirectly } from "../../graphql/direct-resolvers.js";
import { argsType, type InputClass } from "../../params/input-class.js";
import type { InputOf, ParamTable } from "../../params/param.js";
import { type ListSpec, participantsConnection } from "./list-query.js";

/** For parents whose `participants` field takes no arguments besides paging. */
const NoFilters = argsType("NoFilters", {});

export interface ParentParticipantsSpec<
  Parent extends object,
  P extends ParamTable,
  F extends ParamTable,
  T extends object,
> {
  /** The parent entity type, e.g. `Conference`. */
  parent: ClassType<Parent>;
  description: string;
  /** The same list as the product's list query, so pages and cursors are shared. */
  list: ListSpec<P, T>;
  /** Arguments of the field besides paging (a conference's filters), if any. */
  filters?: InputClass<F>;
  /** The list's arguments for this parent. */
  listArgs(parent: Parent, filters: InputOf<F>): InputOf<P>;
}

/**
 * `Conference.participants(…)`: what another subgraph that owns conferences (or sessions,
 * channels, conversations) reaches through a reference; no Twilio call until it is asked for.
 */
export function parentParticipants<
  Parent extends object,
  P extends ParamTable,
  F extends ParamTable,
  T extends object,
>(spec: ParentParticipantsSpec<Parent, P, F, T>) {
  const connection = connectionOf(spec.list.type);
  @Resolver(() => spec.parent)
  class ParentParticipants {
    @FieldResolver(() => connection, { description: spec.description })
    participants(
      @Root() parent: Parent,
      @Args(() => spec.filters ?? NoFilters) filters: InputOf<F>,
      @Args(() => ConnectionArgs) paging: ConnectionArgs,
      @Ctx() context: GatewayContext,
    ): Promise<Connection<T>> {
      return participantsConnection(context, spec.list, spec.listArgs(parent, filters), paging);
    }
  }
  // The parent's GraphQL type is named after its class (type-graphql's default). One object holds
  // the filters and the paging arguments: each reader takes its own fields.
  return resolvedDirectly(ParentParticipants, {
    [spec.parent.name]: {
      participants: (parent, args, context) =>
        participantsConnection(
          context,
          spec.list,
          spec.listArgs(parent as Parent, args as InputOf<F>),
          args as ConnectionArgs,
        ),
    },
  });
}
