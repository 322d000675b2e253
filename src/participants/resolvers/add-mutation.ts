import { ParticipantEventType } from "../../events/record.js";
import type { GatewayContext } from "../../graphql/context.js";
import type { InputClass } from "../../params/input-class.js";
import type { InputOf, ParamTable } from "../../params/param.js";
import { toWire, type WireOrder } from "../../params/wire.js";
import type { ParticipantResource } from "../resource.js";
import { type GatewayDefaults, withGatewayDefaults } from "./gateway-defaults.js";
import { publishGatewayEvent } from "./gateway-event.js";
import { type MutationSpec, participantMutation } from "./participant-mutation.js";

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

/** Sends a validated add input, with the gateway's defaults: exactly the bytes twilio-node would send. */
function sendAdd<P extends ParamTable, T extends object>(
  context: GatewayContext,
  spec: AddSpec<P, T>,
  input: InputOf<P>,
): Promise<T> {
  const sent = withGatewayDefaults(input, spec.defaults?.(context.events) ?? []);
  return spec.resource.create(context.twilio, sent, toWire(spec.input.params, sent, spec.order));
}

/** The unified `addParticipant`'s path to a product's add: sent, then told to subscribers (ADDED). */
export async function createParticipant<P extends ParamTable, T extends object>(
  context: GatewayContext,
  spec: AddSpec<P, T>,
  input: InputOf<P>,
): Promise<T> {
  const created = await sendAdd(context, spec, input);
  await publishGatewayEvent(context, ParticipantEventType.ADDED, created);
  return created;
}

/** `addConferenceParticipant(input: AddConferenceParticipantInput!): ConferenceParticipant`. */
export function addMutation<P extends ParamTable, T extends object>(
  spec: AddSpec<P, T> & MutationSpec<P, T>,
) {
  return participantMutation("add", spec, ParticipantEventType.ADDED, (context, input) =>
    sendAdd(context, spec, input),
  );
}
