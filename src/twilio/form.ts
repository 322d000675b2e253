/**
 * Twilio's form encoding, as its official SDKs produce it: arrays become repeated keys in
 * order, booleans `true`/`false`, dates `YYYY-MM-DDTHH:mm:ssZ` in UTC, absent values omitted,
 * null as an empty value, and RFC 3986 percent-encoding (`%20`, never `+`). JSON-valued
 * parameters arrive here already as JSON text (see `WireTable`'s "json" marker).
 */

/**
 * A value as it is handed to the encoder. `undefined` is not sent; `null` is sent as an empty
 * value, as twilio-node does for an option explicitly set to null (Twilio reads it as "clear").
 */
export type FormValue =
  string | number | boolean | Date | readonly (string | number | boolean)[] | null | undefined;

/** Ordered wire parameters: order matters because Twilio's SDKs send them in a fixed order. */
export type FormParams = ReadonlyArray<readonly [wireName: string, value: FormValue]>;

const RFC3986_EXTRA = /[!'()*]/g;
/** Text made of RFC 3986's unreserved characters only: it encodes to itself. */
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/** Percent-encodes everything but RFC 3986's unreserved characters. */
export function percentEncode(text: string): string {
  // Most names and many values (SIDs, booleans, numbers, labels) need no encoding.
  if (UNRESERVED.test(text)) return text;
  return encodeURIComponent(text).replace(
    RFC3986_EXTRA,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function formatTwilioDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function scalarText(value: string | number | boolean | Date): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  return formatTwilioDate(value);
}

export function encodeTwilioForm(params: FormParams): string {
  const parts: string[] = [];
  for (const [name, value] of params) {
    if (value === undefined) continue;
    const key = percentEncode(name);
    if (value === null) {
      parts.push(`${key}=`);
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number | boolean)[]) {
        parts.push(`${key}=${percentEncode(scalarText(item))}`);
      }
    } else {
      parts.push(`${key}=${percentEncode(scalarText(value as string))}`);
    }
  }
  return parts.join("&");
}
