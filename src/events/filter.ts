import {
  type ParticipantEventRecord,
  type ParticipantEventType,
  SCOPE_FIELDS,
  type ScopeField,
} from "./record.js";

/**
 * What a subscriber wants to see. Every field narrows; an absent (or null) field does not, so
 * an empty filter is the subscriber's whole account. An empty `types` list narrows nothing
 * either (the GraphQL layer may choose to refuse it as input). The account is not part of the
 * filter: it is the subscriber's own, fixed when it subscribes.
 */
export type ParticipantEventFilter = {
  readonly kind?: string | null;
  readonly types?: readonly ParticipantEventType[] | null;
} & { readonly [F in ScopeField]?: string | null };

export function matchesFilter(
  filter: ParticipantEventFilter,
  record: ParticipantEventRecord,
): boolean {
  if (filter.kind != null && filter.kind !== record.kind) return false;
  if (filter.types != null && filter.types.length > 0 && !filter.types.includes(record.type)) {
    return false;
  }
  for (const field of SCOPE_FIELDS) {
    const wanted = filter[field];
    if (wanted != null && wanted !== record.scope[field]) return false;
  }
  return true;
}
