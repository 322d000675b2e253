/**
 * Readers for Twilio's JSON answers. Twilio marks almost every field nullable, and an answer
 * from a proxy or an old API version may lack some, so each reader falls back to null.
 */
export type TwilioJson = Record<string, unknown>;

/** A JSON value as GraphQL's JSON scalar carries it (Twilio's JSON-text fields, parsed). */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

export function text(json: TwilioJson, key: string): string | null {
  const value = json[key];
  return typeof value === "string" ? value : null;
}

export function integer(json: TwilioJson, key: string): number | null {
  const value = json[key];
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

export function flag(json: TwilioJson, key: string): boolean | null {
  const value = json[key];
  return typeof value === "boolean" ? value : null;
}

/** ISO 8601 (v1 APIs) or RFC 2822 (the 2010 API): both parse with Date. */
export function date(json: TwilioJson, key: string): Date | null {
  const value = json[key];
  if (typeof value !== "string") return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

export function json(source: TwilioJson, key: string): JsonValue | null {
  const value = source[key];
  return value === undefined ? null : (value as JsonValue);
}

/** Twilio returns some JSON-valued fields as JSON text: parse it, keep the text if it is not JSON. */
export function jsonText(source: TwilioJson, key: string): JsonValue | null {
  const value = source[key];
  if (typeof value !== "string") return value === undefined ? null : (value as JsonValue);
  try {
    return JSON.parse(value) as JsonValue;
  } catch {
    return value;
  }
}
