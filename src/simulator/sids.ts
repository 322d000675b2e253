import { randomBytes, randomInt } from "node:crypto";

export type SidPrefix =
  | "AC"
  | "CA"
  | "CF"
  | "CH"
  | "IS"
  | "KC"
  | "KD"
  | "KP"
  | "KS"
  | "MB"
  | "PN"
  | "RL"
  | "RQ"
  | "UO"
  | "UT";

export function newSid(prefix: SidPrefix): string {
  return prefix + randomBytes(16).toString("hex");
}

/** Twilio SIDs are matched case-insensitively in their hex part, as the spec patterns say. */
export function isSid(prefix: SidPrefix, value: string): boolean {
  return (
    value.length === 34 && value.startsWith(prefix) && /^[0-9a-fA-F]{32}$/.test(value.slice(2))
  );
}

/** A North American number of the kind Proxy hands out from a number pool. */
export function newPoolNumber(): string {
  return `+1${randomInt(200, 1000)}${randomInt(2_000_000, 10_000_000)}`;
}
