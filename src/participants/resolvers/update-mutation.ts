import { Arg, Ctx, type ClassType, Mutation, Resolver } from "type-graphql";
import { ParticipantEventType } from "../../events/record.js";
import type { GatewayContext } from "../../graphql/context.js";
import { resolvedDirectly } from "../../graphql/direct-resolvers.js";
import type { InputClass } from "../../params/input-class.js";
import type { InputOf, ParamTable } from "../../params/param.js";
import { toWire, type WireOrder } from "../../params/wire.js";
import type { TwilioScope } from "../../twilio/request-scope.js";
import { assertValid } from "../../validation/rules.js";
import type { ParticipantCache } from "../participant-cache.js";
import type { ParticipantResource } from "../resource.js";
import { publishGatewayEvent } from "./gateway-event.js";

export interface UpdateMutationSpec<P extends ParamTable, Key, T extends object> {
  /** The mutation's field name, e.g. `updateConferenceParticipant`. */
  name: string;
  description: string;
  input: InputClass<P>;
  type: ClassType<T>;
  resource: ParticipantResource<unknown, Key, T>;
  key(input: InputOf<P>, twilio: TwilioScope): Key;
  cache: ParticipantCache<Key, T>;
  /** Twilio's SDK order of the form parameters, where the table's order is not it. */
  order?(input: InputOf<P>): WireOrder | undefined;
}

/**
 * `updateConferenceParticipant(input: …): ConferenceParticipant`: Twilio's answer is the truth,
 * and what subscribers are told (UPDATED).
 */
export function updateMutation<P extends ParamTable, Key, T extends object>(
  spec: UpdateMutationSpec<P, Key, T>,
) {
  const update = async (input: InputOf<P>, context: GatewayContext): Promise<T> => {
    assertValid(spec.input, input);
    const key = spec.key(input, context.twilio);
    const wire = toWire(spec.input.params, input, spec.order?.(input));
    const updated = await spec.resource.update(context.twilio, key, wire);
    spec.cache.updated(context, key, updated);
    await publishGatewayEvent(context, ParticipantEventType.UPDATED, updated);
    return updated;
  };
  @Resolver()
  class UpdateMutation {
    @Mutation(() => spec.type, {
      name: spec.name,
      description: spec.description,
      nullable: true,
    })
    update(
      @Arg("input", () => spec.input) input: InputOf<P>,
      @Ctx() context: GatewayContext,
    ): Promise<T> {
      return update(input, context);
    }
  }
  return resolvedDirectly(UpdateMutation, {
    Mutation: { [spec.name]: (_, args, context) => update(args.input as InputOf<P>, context) },
  });
}
