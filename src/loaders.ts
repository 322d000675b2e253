import DataLoader from "dataloader";
import { type Limiter } from "./concurrency.js";
import { TwilioApiError } from "./errors.js";

/** At most this many Twilio calls run at once for one GraphQL request. */
export const UPSTREAM_CONCURRENCY_PER_REQUEST = 8;

/**
 * A loader for a resource Twilio can only fetch one at a time: keys are deduplicated by
 * `cacheKey`, each distinct key is one upstream call through the request's limiter, a 404
 * resolves to null, and any other failure rejects only its own key.
 */
export function createFetchLoader<K, V>(options: {
  cacheKey: (key: K) => string;
  fetch: (key: K) => Promise<V>;
  limit: Limiter;
}): DataLoader<K, V | null, string> {
  const { cacheKey, fetch, limit } = options;
  return new DataLoader<K, V | null, string>(
    (keys) =>
      Promise.all(
        keys.map((key) =>
          limit(() => fetch(key)).catch((error: unknown) => {
            if (isNotFound(error)) return null;
            return error instanceof Error ? error : new Error(String(error));
          }),
        ),
      ),
    { cacheKeyFn: cacheKey },
  );
}

export function isNotFound(error: unknown): boolean {
  return error instanceof TwilioApiError && error.twilio.status === 404;
}
