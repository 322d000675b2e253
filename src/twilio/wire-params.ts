import type { FormParams, FormValue } from "./form.js";

/**
 * A product's wire parameters as data: each Twilio wire name with the input field it comes
 * from, in the order Twilio's SDKs send them.
 */
export type WireTable<T> = ReadonlyArray<readonly [wireName: string, field: keyof T & string]>;

export function toWireParams<T extends object>(table: WireTable<T>, input: T): FormParams {
  return table.map(([wireName, field]) => [wireName, input[field] as FormValue] as const);
}
