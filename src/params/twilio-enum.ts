import { registerEnumType } from "type-graphql";

/** `in-progress` → `IN_PROGRESS`, `onEnter` → `ON_ENTER`, `DetectMessageEnd` → `DETECT_MESSAGE_END`. */
type KebabToSnake<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}_${KebabToSnake<Tail>}`
  : S;
type CamelToSnake<
  S extends string,
  First extends boolean = true,
> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : First extends true ? C : `_${C}`}${CamelToSnake<Rest, false>}`
  : S;
export type EnumKey<V extends string> = Uppercase<KebabToSnake<CamelToSnake<V>>>;

/** An enum as type-graphql and TypeScript see it: GraphQL names as keys, Twilio's values. */
export type TwilioEnum<V extends string> = { readonly [K in V as EnumKey<K>]: K };

/** `"a b c"` → `"a" | "b" | "c"`. */
type Words<S extends string> = S extends `${infer Word} ${infer Rest}` ? Word | Words<Rest> : S;

/** The union of an enum object's values, for use as a type: `EnumValue<typeof Beep>`. */
export type EnumValue<E> = E[keyof E];

export function enumKey(value: string): string {
  return value
    .replace(/(?<=[a-z0-9])([A-Z])/g, "_$1")
    .replace(/-/g, "_")
    .toUpperCase();
}

/**
 * Declares a GraphQL enum from Twilio's own wire values, written as Twilio's docs list them
 * (`"initiated ringing answered completed"`): each GraphQL name is the value in
 * SCREAMING_SNAKE_CASE, and what goes on the wire is Twilio's exact string.
 */
export function twilioEnum<const S extends string>(
  name: string,
  values: S,
  description?: string,
): TwilioEnum<Words<S>> {
  const enumObject = Object.fromEntries(
    values.split(" ").map((value) => [enumKey(value), value] as const),
  );
  registerEnumType(enumObject, { name, description });
  return enumObject as TwilioEnum<Words<S>>;
}
