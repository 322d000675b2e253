import type { FormParams, FormValue } from "./form.js";

/**
 * A product's wire parameters as data: each Twilio wire name with the input field it comes
 * from, in the order Twilio's SDKs send them. `"json"` marks a parameter Twilio reads as JSON
 * text: its value is always sent as JSON (an array stays one JSON array, a string gets quotes,
 * null becomes `null`), as twilio-node's `serialize.object` does.
 */
export type WireTable<T> = ReadonlyArray<
  readonly [wireName: string, field: keyof T & string, encoding?: "json"]
>;

export function toWireParams<T extends object>(table: WireTable<T>, input: T): FormParams {
  return table.map(([wireName, field, encoding]) => {
    const value = input[field] as FormValue;
    return [wireName, encoding === "json" && value !== undefined ? JSON.stringify(value) : value];
  });
}
