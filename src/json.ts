/** A JSON value as GraphQL's JSON scalar carries it (Twilio's JSON-text fields, parsed). */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };
