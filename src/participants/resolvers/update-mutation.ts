import { ParticipantEventType } from "../../events/record.js";
import type { InputOf, ParamTable } from "../../params/param.js";
import { toWire, type WireOrder } from "../../params/wire.js";
import type { TwilioScope } from "../../twilio/request-scope.js";
import type { ParticipantCache } from "../participant-cache.js";
import type { ParticipantResource } from "../resource.js";
import { type MutationSpec, participantMutation } from "./participant-mutation.js";

/** A participant named by its key: how the key reads from an input, where it lives, its cache. */
export interface KeyedSpec<P extends ParamTable, Key, T extends object> {
  resource: ParticipantResource<unknown, Key, T>;
  key(input: InputOf<P>, twilio: TwilioScope): Key;
  cache: ParticipantCache<Key, T>;
}

export interface UpdateMutationSpec<P extends ParamTable, Key, T extends object>
  extends KeyedSpec<P, Key, T>, MutationSpec<P, T> {
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
  return participantMutation(
    "update",
    spec,
    ParticipantEventType.UPDATED,
    async (context, input) => {
      const key = spec.key(input, context.twilio);
      const wire = toWire(spec.input.params, input, spec.order?.(input));
      const updated = await spec.resource.update(context.twilio, key, wire);
      spec.cache.updated(context, key, updated);
      return updated;
    },
  );
}
