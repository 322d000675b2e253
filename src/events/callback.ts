import type { ParticipantEventRecord } from "./record.js";

/** A callback's form fields as received: in order, a repeated name once per value. */
export type CallbackParams = ReadonlyArray<readonly [name: string, value: string]>;

/**
 * What a product's parser made of a (signature-checked) callback:
 * - `event`: publish it;
 * - `ignored`: a valid callback that is no participant event (conference-start, a message…):
 *   answer 2xx so Twilio does not retry, and publish nothing;
 * - `rejected`: a required field is missing or malformed: answer 400 with the reason.
 */
export type CallbackOutcome =
  | { readonly outcome: "event"; readonly record: ParticipantEventRecord }
  | { readonly outcome: "ignored"; readonly reason: string }
  | { readonly outcome: "rejected"; readonly reason: string };

export function ignored(reason: string): CallbackOutcome {
  return { outcome: "ignored", reason };
}

export function rejected(reason: string): CallbackOutcome {
  return { outcome: "rejected", reason };
}

const SID_BODY = /^[0-9a-fA-F]{32}$/;
const MAX_INT = 2 ** 31 - 1;

/**
 * Reads Twilio's callback fields, all of which arrive as text: booleans are `true`/`false`,
 * numbers digits, dates RFC 2822 (voice) or ISO 8601 (Conversations). A field that is
 * absent, empty or not of its kind reads as null.
 */
export class CallbackFields {
  private readonly values = new Map<string, string[]>();

  constructor(params: CallbackParams) {
    for (const [name, value] of params) {
      const list = this.values.get(name);
      if (list === undefined) this.values.set(name, [value]);
      else list.push(value);
    }
  }

  /** The first non-empty value. */
  text(name: string): string | null {
    return this.values.get(name)?.find((value) => value !== "") ?? null;
  }

  /** Every non-empty value, in order (a repeated field such as a group-MMS address). */
  texts(name: string): string[] {
    return (this.values.get(name) ?? []).filter((value) => value !== "");
  }

  flag(name: string): boolean | null {
    const value = this.text(name);
    return value === "true" ? true : value === "false" ? false : null;
  }

  /** A whole number that fits GraphQL's Int (Twilio's counters and indexes all do). */
  integer(name: string): number | null {
    const value = this.text(name);
    if (value === null || !/^\d{1,10}$/.test(value)) return null;
    const number = Number(value);
    return number <= MAX_INT ? number : null;
  }

  /** As ISO 8601 text. */
  date(name: string): string | null {
    const value = this.text(name);
    if (value === null) return null;
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
  }

  /** A SID with the given prefix (two letters and 32 hex digits), else null. */
  sid(name: string, prefix: string): string | null {
    const value = this.text(name);
    return value !== null && value.startsWith(prefix) && SID_BODY.test(value.slice(prefix.length))
      ? value
      : null;
  }

  /** Why a required SID is unusable, or null when it is fine. */
  sidProblem(name: string, prefix: string): string | null {
    if (this.text(name) === null) return `${name} is missing`;
    if (this.sid(name, prefix) === null) {
      return `${name} is not a ${prefix} SID (${prefix} followed by 32 hex digits)`;
    }
    return null;
  }
}
