import { Int } from "type-graphql";
import { DateTimeScalar, JSONScalar } from "../graphql/scalars.js";
import type { FormValue } from "../twilio/form.js";
import type { JsonObject, JsonValue } from "../twilio/response-fields.js";
import { jsonObject as isJsonObject, wellFormedText } from "../validation/formats.js";
import type { FieldRule, ObjectRule } from "../validation/rules.js";

/**
 * One input field, declared once: its GraphQL type and description, the rules its value must
 * pass, and how it travels to Twilio — a form or query parameter or a header under Twilio's
 * own name, a segment of the path, or not at all. Input and argument classes, their validation
 * and the request's wire parameters are all derived from such declarations (see `input-class.ts`
 * and `wire.ts`), so a field cannot be declared without saying what happens to it.
 */
export interface Param<T = unknown, Required extends boolean = boolean> {
  readonly kind: ValueKind<T>;
  readonly travel: Travel;
  readonly required: Required;
  readonly description: string | undefined;
  readonly rules: readonly FieldRule[];
  /** Turns the GraphQL value into the wire value, where Twilio wants something else. */
  encode?(value: T | null): FormValue;
}

/**
 * Where a field's value goes: a named parameter, the path (used by the resource's path builder),
 * or — for a nested input object — wherever each of its own fields goes.
 */
export type Travel =
  | { readonly in: "form" | "query" | "header"; readonly wire: string }
  | { readonly in: "path" }
  | { readonly in: "nested" };

/** The GraphQL type of a value and the TypeScript type it arrives as. */
export interface ValueKind<T> {
  /** What type-graphql is told (a scalar, an enum object, an input class, or a list of one). */
  readonly graphql: () => unknown;
  /** Twilio reads the parameter as JSON text: the value is always sent JSON-encoded. */
  readonly json?: boolean;
  /** A rule every value of this kind must pass, before the field's own rules. */
  readonly check?: FieldRule;
  /** Present for a nested input object: its own fields and schema name. */
  readonly nested?: NestedInput;
  /** Phantom: only carries T for the type checker. */
  readonly value?: T;
}

/** A nested input object: what it is called in the schema, its fields and cross-field rules. */
export interface NestedInput {
  readonly typeName: string;
  readonly description?: string;
  readonly fields: ParamTable;
  readonly rules?: readonly ObjectRule[];
}

export type ParamTable = Readonly<Record<string, Param>>;

export const text: ValueKind<string> = { graphql: () => String, check: wellFormedText };
export const int: ValueKind<number> = { graphql: () => Int };
export const bool: ValueKind<boolean> = { graphql: () => Boolean };
export const dateTime: ValueKind<Date> = { graphql: () => DateTimeScalar };
export const json: ValueKind<JsonValue> = { graphql: () => JSONScalar, json: true };
export const jsonObject: ValueKind<JsonObject> = {
  graphql: () => JSONScalar,
  json: true,
  check: isJsonObject,
};

/** One of an enum's values (an object made by `twilioEnum` or registered with type-graphql). */
export function oneOf<E extends Readonly<Record<string, string>>>(
  enumObject: E,
): ValueKind<E[keyof E]> {
  return { graphql: () => enumObject };
}

export function listOf<T>(item: ValueKind<T>): ValueKind<T[]> {
  return { graphql: () => [item.graphql()] };
}

interface ParamOptions<T, Required extends boolean> {
  /** Non-null in GraphQL (and not optional in TypeScript). */
  required?: Required;
  description?: string;
  rules?: readonly FieldRule[];
  encode?(value: T | null): FormValue;
}

function declare<T, R extends boolean>(
  kind: ValueKind<T>,
  travel: Travel,
  options: ParamOptions<T, R>,
): Param<T, R> {
  return {
    kind,
    travel,
    required: (options.required ?? false) as R,
    description: options.description,
    rules: options.rules ?? [],
    ...(options.encode && { encode: options.encode }),
  };
}

/** A form parameter of the request body, under Twilio's name (dotted names included). */
export function form<T, R extends boolean = false>(
  wire: string,
  kind: ValueKind<T>,
  options: ParamOptions<T, R> = {},
): Param<T, R> {
  return declare(kind, { in: "form", wire }, options);
}

/** A query-string parameter (list filters). */
export function query<T, R extends boolean = false>(
  wire: string,
  kind: ValueKind<T>,
  options: ParamOptions<T, R> = {},
): Param<T, R> {
  return declare(kind, { in: "query", wire }, options);
}

/** A request header, such as Conversations' `X-Twilio-Webhook-Enabled`. */
export function header<T, R extends boolean = false>(
  wire: string,
  kind: ValueKind<T>,
  options: ParamOptions<T, R> = {},
): Param<T, R> {
  return declare(kind, { in: "header", wire }, options);
}

/** A segment of the resource's path (a parent SID, the participant's own SID or name). */
export function path<T, R extends boolean = false>(
  kind: ValueKind<T>,
  options: ParamOptions<T, R> = {},
): Param<T, R> {
  return declare(kind, { in: "path" }, options);
}

/**
 * A nested input object whose own fields travel like any other (Twilio's dotted
 * `MessagingBinding.*` parameters, say): the GraphQL nesting is only for the client's sake.
 */
export function nested<P extends ParamTable, R extends boolean = false>(
  input: NestedInput & { fields: P },
  options: { required?: R; description?: string } = {},
): Param<InputOf<P>, R> {
  return declare({ graphql: () => undefined, nested: input }, { in: "nested" }, options);
}

type ValueOf<P> = P extends Param<infer T, boolean> ? T : never;
type RequiredKeys<P extends ParamTable> = {
  [K in keyof P]: P[K] extends { required: true } ? K : never;
}[keyof P];
type OptionalKeys<P extends ParamTable> = Exclude<keyof P, RequiredKeys<P>>;

/**
 * The TypeScript shape of an input declared by a param table: required fields as they are,
 * optional ones possibly absent or an explicit null (GraphQL lets a client send either).
 */
export type InputOf<P extends ParamTable> = {
  -readonly [K in RequiredKeys<P>]: ValueOf<P[K]>;
} & {
  -readonly [K in OptionalKeys<P>]?: ValueOf<P[K]> | null;
};
