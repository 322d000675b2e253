import type { EventBus } from "./bus.js";
import { type DedupStore, TWILIO_DEDUP_TTL_MS } from "./dedup.js";
import type { ParticipantEventRecord } from "./record.js";

export type PublishOutcome = "published" | "duplicate";

/**
 * Publishes an event a Twilio callback reported, unless this request or this event was seen
 * before (by any replica sharing the dedup store). The request's idempotency token is claimed
 * first, so a plain retry touches one key. A claim is not given back if publishing then fails:
 * Twilio does not retry a callback answered with an error unless told to (`#rp=5xx`), and
 * a live feed may lose an event during a Redis outage anyway.
 */
export async function publishTwilioEvent(
  services: { bus: EventBus; dedup: DedupStore },
  record: ParticipantEventRecord,
  idempotencyToken: string | null | undefined,
  ttlMs = TWILIO_DEDUP_TTL_MS,
): Promise<PublishOutcome> {
  if (idempotencyToken) {
    const request = `request:${record.accountSid}:${idempotencyToken}`;
    if (!(await services.dedup.claim(request, ttlMs))) return "duplicate";
  }
  if (!(await services.dedup.claim(`event:${record.id}`, ttlMs))) return "duplicate";
  await services.bus.publish(record);
  return "published";
}
