import { Arg, Ctx, type ClassType, Mutation, Resolver } from "type-graphql";
import { NotFoundError } from "../../errors/gateway-errors.js";
import { ParticipantEventType } from "../../events/record.js";
import type { GatewayContext } from "../../graphql/context.js";
import { resolvedDirectly } from "../../graphql/direct-resolvers.js";
import type { InputClass } from "../../params/input-class.js";
import type { InputOf, ParamTable } from "../../params/param.js";
import { toWire } from "../../params/wire.js";
import type { TwilioScope } from "../../twilio/request-scope.js";
import { assertValid } from "../../validation/rules.js";
import type { ParticipantCache } from "../participant-cache.js";
import type { ParticipantResource } from "../resource.js";
import { publishGatewayEvent } from "./gateway-event.js";

export interface RemoveMutationSpec<P extends ParamTable, Key, T extends object> {
  /** The mutation's field name, e.g. `removeConferenceParticipant`. */
  name: string;
  description: string;
  input: InputClass<P>;
  type: ClassType<T>;
  resource: ParticipantResource<unknown, Key, T>;
  key(input: InputOf<P>, twilio: TwilioScope): Key;
  cache: ParticipantCache<Key, T>;
  /** The key to delete by, once the participant is known (by default the one asked by). */
  deleteKey?(key: Key, participant: T): Key;
}

/**
 * `removeConferenceParticipant(input: …): ConferenceParticipant`: reads the participant first, so
 * the answer is the participant as it was just before (also what subscribers are told: REMOVED),
 * and one already gone is a NOT_FOUND.
 */
export function removeMutation<P extends ParamTable, Key, T extends object>(
  spec: RemoveMutationSpec<P, Key, T>,
) {
  const remove = async (input: InputOf<P>, context: GatewayContext): Promise<T> => {
    assertValid(spec.input, input);
    const key = spec.key(input, context.twilio);
    const current = await spec.cache.load(context, key);
    if (!current) throw new NotFoundError(spec.resource.describe(key));
    const target = spec.deleteKey?.(key, current) ?? key;
    await spec.resource.delete(context.twilio, target, toWire(spec.input.params, input).headers);
    spec.cache.removed(context, key, current);
    await publishGatewayEvent(context, ParticipantEventType.REMOVED, current);
    return current;
  };
  @Resolver()
  class RemoveMutation {
    @Mutation(() => spec.type, {
      name: spec.name,
      description: spec.description,
      nullable: true,
    })
    remove(
      @Arg("input", () => spec.input) input: InputOf<P>,
      @Ctx() context: GatewayContext,
    ): Promise<T> {
      return remove(input, context);
    }
  }
  return resolvedDirectly(RemoveMutation, {
    Mutation: { [spec.name]: (_, args, context) => remove(args.input as InputOf<P>, context) },
  });
}
