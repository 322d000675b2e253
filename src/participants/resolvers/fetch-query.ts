import { Args, Ctx, type ClassType, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../graphql/context.js";
import { resolvedDirectly } from "../../graphql/direct-resolvers.js";
import type { InputClass } from "../../params/input-class.js";
import type { InputOf, ParamTable } from "../../params/param.js";
import type { TwilioScope } from "../../twilio/request-scope.js";
import { assertValid } from "../../validation/rules.js";
import type { ParticipantCache } from "../participant-cache.js";
import { lowerFirst } from "./field-name.js";

export interface FetchQuerySpec<P extends ParamTable, Key, T extends object> {
  description: string;
  args: InputClass<P>;
  type: ClassType<T>;
  key(args: InputOf<P>, twilio: TwilioScope): Key;
  cache: ParticipantCache<Key, T>;
}

/**
 * `conferenceParticipant(…): ConferenceParticipant`, named after its type: one participant, or
 * null when there is none.
 */
export function fetchQuery<P extends ParamTable, Key, T extends object>(
  spec: FetchQuerySpec<P, Key, T>,
) {
  const name = lowerFirst(spec.type.name);
  const fetch = (args: InputOf<P>, context: GatewayContext): Promise<T | null> => {
    assertValid(spec.args, args, "");
    return spec.cache.load(context, spec.key(args, context.twilio));
  };
  @Resolver()
  class FetchQuery {
    @Query(() => spec.type, {
      name,
      description: spec.description,
      nullable: true,
    })
    fetch(
      @Args(() => spec.args) args: InputOf<P>,
      @Ctx() context: GatewayContext,
    ): Promise<T | null> {
      return fetch(args, context);
    }
  }
  return resolvedDirectly(FetchQuery, {
    Query: { [name]: (_, args, context) => fetch(args as InputOf<P>, context) },
  });
}
