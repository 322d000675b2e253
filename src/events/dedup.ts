import type { ExpiringStore } from "./expiring-store.js";

/**
 * How long a claim lasts. Twilio gives up on one callback within seconds (15 s for anything
 * call-related, retries included; 5 s for Conversations), so an hour is ample for retries and
 * for late, out-of-order arrivals, and keeps a busy account's claims to a few MB.
 */
export const TWILIO_DEDUP_TTL_MS = 60 * 60 * 1000;

/**
 * First claimer wins: the guard that keeps one Twilio event from being published twice, by
 * one replica or by several.
 *
 * Two kinds of key are claimed (see `publishTwilioEvent`):
 * - the request's `I-Twilio-Idempotency-Token`, which Twilio documents as telling retries
 *   apart; it is not documented to stay the same across retries, so it cannot be the only key;
 * - the event's own identity (the record's `id`), made by each product's parser from what
 *   names the event and stays the same in a retry: for a call-progress callback the account,
 *   CallSid, CallStatus and SequenceNumber (a call passes each status once, so the key holds
 *   even without a SequenceNumber); for a conference event the account, ConferenceSid,
 *   SequenceNumber, event name and CallSid (SequenceNumber's scope is not documented, the
 *   other fields keep two different events apart whatever it is; without one, the Timestamp
 *   stands in); for Conversations, which send no event id or sequence, the account,
 *   ParticipantSid, EventType, the event's date field and a digest of the reported state, so
 *   two updates within the same second are still two events while a retry is one.
 * A key that carries more than needed only risks a duplicate; one that carries less would
 * drop a real event, which is worse.
 */
export class DedupStore {
  constructor(private readonly store: ExpiringStore) {}

  /** True for the first claim of `key` within `ttlMs`, false for every later one. */
  claim(key: string, ttlMs: number): Promise<boolean> {
    return this.store.putIfAbsent(`dedup:${key}`, "1", ttlMs);
  }
}
