import { Arg, Ctx, type ClassType, Mutation, Resolver } from "type-graphql";
import { ParticipantEventType } from "../../events/record.js";
import type { GatewayContext } from "../../graphql/context.js";
import { resolvedDirectly } from "../../graphql/direct-resolvers.js";
import type { InputClass } from "../../params/input-class.js";
import type { InputOf, ParamTable } from "../../params/param.js";
import { toWire, type WireOrder } from "../../params/wire.js";
import { assertValid } from "../../validation/rules.js";
import type { ParticipantResource } from "../resource.js";
import { type GatewayDefaults, withGatewayDefaults } from "./gateway-defaults.js";
import { publishGatewayEvent } from "./gateway-event.js";

/** How a product adds a participant: the input (which names the parent) and the resource. */
export interface AddSpec<P extends ParamTable, T extends object> {
  input: InputClass<P>;
  resource: ParticipantResource<InputOf<P>, unknown, T>;
  /** Twilio's SDK order of the form parameters, where the table's order is not it. */
  order?: WireOrder;
  /**
   * The gateway's own values for fields the caller left out (the callbacks that feed live
   * events). They go where the table puts them, so the wire order stays the SDK's.
   */
  defaults?: GatewayDefaults<InputOf<P>>;
}

/**
 * Sends a validated add input, with the gateway's defaults: exactly the bytes twilio-node would
 * send for it. Then tells subscribers (ADDED).
 */
export async function createParticipant<P extends ParamTable, T extends object>(
  context: GatewayContext,
  spec: AddSpec<P, T>,
  input: InputOf<P>,
): Promise<T> {
  const sent = withGatewayDefaults(input, spec.defaults?.(context.events) ?? []);
  const created = await spec.resource.create(
    context.twilio,
    sent,
    toWire(spec.input.params, sent, spec.order),
  );
  await publishGatewayEvent(context, ParticipantEventType.ADDED, created);
  return created;
}

export interface AddMutationSpec<P extends ParamTable, T extends object> extends AddSpec<P, T> {
  /** The mutation's field name, e.g. `addConferenceParticipant`. */
  name: string;
  description: string;
  type: ClassType<T>;
}

/**
 * `addConferenceParticipant(input: AddConferenceParticipantInput!): ConferenceParticipant`.
 * Nullable, like every mutation: when one of several mutations in a request fails, the others
 * still run and answer (see gateway/write-outcome.ts).
 */
export function addMutation<P extends ParamTable, T extends object>(spec: AddMutationSpec<P, T>) {
  const add = (input: InputOf<P>, context: GatewayContext): Promise<T> => {
    assertValid(spec.input, input);
    return createParticipant(context, spec, input);
  };
  @Resolver()
  class AddMutation {
    @Mutation(() => spec.type, {
      name: spec.name,
      description: spec.description,
      nullable: true,
    })
    add(
      @Arg("input", () => spec.input) input: InputOf<P>,
      @Ctx() context: GatewayContext,
    ): Promise<T> {
      return add(input, context);
    }
  }
  return resolvedDirectly(AddMutation, {
    Mutation: { [spec.name]: (_, args, context) => add(args.input as InputOf<P>, context) },
  });
}
