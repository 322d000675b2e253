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

export function sid(prefix: string): FieldRule {
  const pattern = new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
  return (value) =>
    typeof value === "string" && pattern.test(value)
      ? undefined
      : `must be a ${prefix} SID: ${prefix} followed by 32 hex digits`;
}

/**
 * A SID, or a name that Twilio accepts in its place (label, identity, unique name). The name
 * goes into the URL's path, where `.` and `..` are not names but move the path: refused.
 */
export function sidOrName(prefix: string, what: string, maxLength = 256): FieldRule {
  const pattern = new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
  return (value) => {
    if (typeof value !== "string" || value.length === 0)
      return `must be a ${prefix} SID or ${what}`;
    if (pattern.test(value)) return undefined;
    if (/^\.+$/.test(value)) {
      return `must not be made only of dots: in a URL "." and ".." name no ${what} but move the path to another resource`;
    }
    if (value.startsWith(prefix) && value.length === 34 && !/\s/.test(value)) {
      return `looks like a SID but is not a valid ${prefix} SID (${prefix} followed by 32 hex digits)`;
    }
    return value.length <= maxLength ? undefined : `must be at most ${maxLength} characters`;
  };
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
