import type { RequestEvents } from "../../graphql/context.js";

/**
 * Fields that belong together (a callback URL, its method and its events): the gateway fills
 * in `values` only when the caller set none of `fields`, explicit nulls included. A caller who
 * set any of them meant the whole group, so it is sent exactly as given.
 */
export interface FieldGroupDefault<I> {
  readonly fields: ReadonlyArray<keyof I>;
  readonly values: Partial<I>;
}

/** What the gateway knows of itself that its defaults may use. */
export type GatewaySelf = Pick<RequestEvents, "callbackUrl">;

/** A product's defaults for an input, given the gateway (none where it cannot offer them). */
export type GatewayDefaults<I> = (gateway: GatewaySelf) => ReadonlyArray<FieldGroupDefault<I>>;

/** The input as sent: the caller's fields, plus the defaults of each group it left entirely out. */
export function withGatewayDefaults<I extends object>(
  input: I,
  groups: ReadonlyArray<FieldGroupDefault<I>>,
): I {
  const untouched = groups.filter((group) =>
    group.fields.every((field) => input[field] === undefined),
  );
  return untouched.length === 0
    ? input
    : Object.assign({}, input, ...untouched.map((group) => group.values));
}
