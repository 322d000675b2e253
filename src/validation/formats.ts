import type { FieldRule } from "./rules.js";

/**
 * Value rules for the formats Twilio documents. Each factory returns a FieldRule, so the
 * rules read as data where the input fields are declared.
 */

const E164 = /^\+[1-9]\d{1,14}$/;
const SIP_URI = /^sip:[^@\s]+@[^@\s]+$/i;
const CLIENT = /^client:[^\s]+$/;
const APP = /^app:AP[0-9a-fA-F]{32}(\?.*)?$/;
/** A channel address such as `whatsapp:+15551234567` or `messenger:1234`. */
const CHANNEL_ADDRESS = /^[a-z][a-z0-9-]*:[^\s]+$/;

/** A surrogate half without its partner: no UTF-8 for it, so it cannot be sent to Twilio. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every text value: JSON lets a client send a lone surrogate, which no encoder can put on the wire. */
export const wellFormedText: FieldRule = (value) =>
  typeof value === "string" && LONE_SURROGATE.test(value)
    ? "must be well-formed Unicode text (it holds a lone surrogate)"
    : undefined;

export function sid(prefix: string): FieldRule {
  const pattern = new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
  return (value) =>
    typeof value === "string" && pattern.test(value)
      ? undefined
      : `must be a ${prefix} SID: ${prefix} followed by 32 hex digits`;
}

export interface SidOrNameOptions {
  /**
   * Whether a name may look exactly like a SID of another kind (two letters and 32 hex digits).
   * Refused by default: a friendly name, unique name or label of that shape is a pasted SID of
   * the wrong resource. Allowed for identities, which are often another system's ids.
   */
  otherKinds?: "refuse" | "allow";
}

/** The longest label, identity or unique name Twilio takes. */
const MAX_NAME_LENGTH = 256;
const ANY_SID = /^([A-Za-z]{2})[0-9a-fA-F]{32}$/;
const HEX_WITH_A_DIGIT = /^(?=.*\d)[0-9a-fA-F]+$/;

/**
 * A SID, or a name that Twilio accepts in its place (label, identity, unique name, friendly
 * name). A name is taken for a new or other resource (a conference friendly name dials into a
 * new, empty conference), so a value that looks like a SID must be a valid one of the expected
 * kind:
 * - the prefix (upper case, exactly) followed only by hex digits, one of them 0–9 (`CF123`), or
 *   by any 32 characters without spaces, is a mistyped SID;
 * - any two letters followed by 32 hex digits (`CA…`, `cf…`) is a SID of another kind, or with
 *   a lower-case prefix; `otherKinds: "allow"` lets other kinds through as names, never the
 *   expected prefix in lower case.
 * Anything else is a name (`AgentConf12`, `CAFE`, `cf-room-1`), except `.`, `..` and any
 * all-dot value: the name goes into the URL's path, where dots are not names but move the path.
 */
export function sidOrName(prefix: string, what: string, options: SidOrNameOptions = {}): FieldRule {
  const { otherKinds = "refuse" } = options;
  const valid = new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
  const expected = `${prefix} followed by 32 hex digits`;
  return (value) => {
    if (typeof value !== "string" || value.length === 0)
      return `must be a ${prefix} SID or ${what}`;
    if (valid.test(value)) return undefined;
    if (/^\.+$/.test(value)) {
      return `must not be made only of dots: in a URL "." and ".." name no ${what} but move the path to another resource`;
    }
    const letters = ANY_SID.exec(value)?.[1];
    if (letters !== undefined && letters.toUpperCase() === prefix) {
      return `looks like a ${prefix} SID with a lower-case prefix; SIDs start with ${prefix} (${expected})`;
    }
    if (letters !== undefined && otherKinds === "refuse") {
      return `looks like a ${letters} SID, not a ${prefix} SID (${expected}) or ${what}`;
    }
    if (value.startsWith(prefix)) {
      const rest = value.slice(prefix.length);
      if (HEX_WITH_A_DIGIT.test(rest) || (rest.length === 32 && !/\s/.test(rest))) {
        return `looks like a SID but is not a valid ${prefix} SID (${expected})`;
      }
    }
    return value.length <= MAX_NAME_LENGTH
      ? undefined
      : `must be at most ${MAX_NAME_LENGTH} characters`;
  };
}

/** The rule of `sidOrName` in a field description's words. */
export function sidOrNameNote(prefix: string, options: SidOrNameOptions = {}): string {
  const otherKinds =
    options.otherKinds === "allow"
      ? `or ${prefix.toLowerCase()} followed by 32 hex digits`
      : "or any two letters followed by 32 hex digits";
  return (
    `A value that looks like a SID (${prefix} followed only by hex digits, at least one of ` +
    `them 0–9, ${otherKinds}) must be a valid ${prefix} SID: a mistyped SID is refused, ` +
    "never taken for a name."
  );
}

export const e164: FieldRule = (value) =>
  typeof value === "string" && E164.test(value)
    ? undefined
    : "must be a phone number in E.164 format, e.g. +15558675310";

/** Where a call can go: a phone number, `client:`, `sip:` or `app:` endpoint. */
export const callEndpoint: FieldRule = (value) =>
  typeof value === "string" &&
  (E164.test(value) || SIP_URI.test(value) || CLIENT.test(value) || APP.test(value))
    ? undefined
    : "must be an E.164 phone number (+15558675310), client:name, sip:user@host or app:AP… endpoint";

/** Who a call comes from: a phone number or `client:` identifier. */
export const callerEndpoint: FieldRule = (value) =>
  typeof value === "string" && (E164.test(value) || CLIENT.test(value))
    ? undefined
    : "must be an E.164 phone number (+15558675310) or a client:name identifier";

/** A messaging address: a phone number or a channel address such as whatsapp:+1555…. */
export const messagingAddress: FieldRule = (value) =>
  typeof value === "string" && (E164.test(value) || CHANNEL_ADDRESS.test(value))
    ? undefined
    : "must be an E.164 phone number or a channel address such as whatsapp:+15558675310";

export const httpUrl: FieldRule = (value) => {
  if (typeof value !== "string") return "must be an absolute http(s) URL";
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:"
      ? undefined
      : "must be an absolute http(s) URL";
  } catch {
    return "must be an absolute http(s) URL";
  }
};

/**
 * A URL parameter for which Twilio documents the empty string as a value of its own (WaitUrl:
 * "" plays nothing; Twilio's error 13233 reads "must be either a well formed URL or the empty
 * string"). The empty string is sent as such (`WaitUrl=`).
 */
export const httpUrlOrEmpty: FieldRule = (value) =>
  value === "" ? undefined : httpUrl(value) && "must be an absolute http(s) URL or empty";

export function intRange(min: number, max: number): FieldRule {
  return (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `must be an integer from ${min} to ${max}`;
}

export function minInt(min: number): FieldRule {
  return (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min
      ? undefined
      : `must be an integer of at least ${min}`;
}

export function length(min: number, max: number): FieldRule {
  return (value) => {
    if (typeof value !== "string") return "must be a string";
    const count = [...value].length;
    if (count < min || count > max) {
      return min === 0
        ? `must be at most ${max} characters`
        : `must be from ${min} to ${max} characters`;
    }
    return undefined;
  };
}

export const notBlank: FieldRule = (value) =>
  typeof value === "string" && value.trim().length > 0 ? undefined : "must not be empty";

export const jsonObject: FieldRule = (value) =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? undefined
    : "must be a JSON object";
