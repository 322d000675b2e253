/** A token bucket per caller: `burst` writes at once, refilled at `perSecond`. */
export interface WriteRateLimit {
  perSecond: number;
  burst: number;
}

/**
 * Spends one Twilio write from a caller's bucket. Resolves 0 when the write may go, else the
 * milliseconds until one may (nothing was spent then).
 */
export interface WriteRateLimiter {
  take(principalId: string): Promise<number>;
  close(): Promise<void>;
}

interface Bucket {
  tokens: number;
  /** performance.now() when `tokens` was right. */
  at: number;
}

/**
 * Beyond this many buckets, full ones (a full bucket is the same as none) are dropped, at most
 * once a second so many active callers do not make every write pay for a sweep.
 */
const SWEEP_ABOVE = 10_000;
const SWEEP_EVERY_MS = 1_000;

/** This process's buckets: the limit holds per replica (see the Redis limiter for several). */
export function memoryWriteRateLimiter(
  limit: WriteRateLimit,
): WriteRateLimiter & { /** Callers it holds a bucket for. */ readonly size: number } {
  const perMs = limit.perSecond / 1000;
  const buckets = new Map<string, Bucket>();
  let swept = 0;
  const current = (bucket: Bucket | undefined, now: number): number =>
    bucket ? Math.min(limit.burst, bucket.tokens + (now - bucket.at) * perMs) : limit.burst;
  return {
    get size() {
      return buckets.size;
    },
    async take(principalId) {
      const now = performance.now();
      if (buckets.size > SWEEP_ABOVE && now - swept > SWEEP_EVERY_MS) {
        swept = now;
        for (const [id, bucket] of buckets) {
          if (current(bucket, now) >= limit.burst) buckets.delete(id);
        }
      }
      const tokens = current(buckets.get(principalId), now);
      if (tokens < 1) return Math.ceil((1 - tokens) / perMs);
      buckets.set(principalId, { tokens: tokens - 1, at: now });
      return 0;
    },
    async close() {
      buckets.clear();
    },
  };
}
