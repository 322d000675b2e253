import { NotFoundError } from "../../errors/gateway-errors.js";
import { ParticipantEventType } from "../../events/record.js";
import type { ParamTable } from "../../params/param.js";
import { toWire } from "../../params/wire.js";
import { type MutationSpec, participantMutation } from "./participant-mutation.js";
import type { KeyedSpec } from "./update-mutation.js";

export interface RemoveMutationSpec<P extends ParamTable, Key, T extends object>
  extends KeyedSpec<P, Key, T>, MutationSpec<P, T> {
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
  return participantMutation(
    "remove",
    spec,
    ParticipantEventType.REMOVED,
    async (context, input) => {
      const key = spec.key(input, context.twilio);
      const current = await spec.cache.load(context, key);
      if (!current) throw new NotFoundError(spec.resource.describe(key));
      const target = spec.deleteKey?.(key, current) ?? key;
      await spec.resource.delete(context.twilio, target, toWire(spec.input.params, input).headers);
      spec.cache.removed(context, key, current);
      return current;
    },
  );
}
