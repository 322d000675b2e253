import DataLoader from "dataloader";
import { TwilioApiError } from "../errors/gateway-errors.js";

/**
 * A loader for a resource Twilio can only fetch one at a time: keys are deduplicated by
 * `cacheKey`, each distinct key is one upstream call (bounded by the request's Twilio scope), a 404
 * resolves to null, and any other failure rejects only its own key.
 */
export function createFetchLoader<K, V>(options: {
  cacheKey: (key: K) => string;
  fetch: (key: K) => Promise<V>;
}): DataLoader<K, V | null, string> {
  const { cacheKey, fetch } = options;
  return new DataLoader<K, V | null, string>(
    (keys) =>
      Promise.all(
        keys.map((key) =>
          fetch(key).catch((error: unknown) => {
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
