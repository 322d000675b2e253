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

// One call to the CSPRNG per 256 SIDs rather than per SID: it showed up in profiles.
const POOL_SIDS = 256;
let pool = randomBytes(16 * POOL_SIDS);
let poolOffset = 0;

export function newSid(prefix: SidPrefix): string {
  if (poolOffset === pool.length) {
    pool = randomBytes(16 * POOL_SIDS);
    poolOffset = 0;
  }
  poolOffset += 16;
  return prefix + pool.toString("hex", poolOffset - 16, poolOffset);
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
