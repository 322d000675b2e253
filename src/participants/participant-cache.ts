import DataLoader from "dataloader";
import { isNotFound } from "../errors/gateway-errors.js";
import type { GatewayContext } from "../graphql/context.js";
import type { TwilioScope } from "../twilio/request-scope.js";
import type { ParticipantResource } from "./resource.js";

/**
 * How a product reads participants within one request: each distinct participant is read from
 * Twilio at most once (a router's `_entities` call with N representations, a removal that
 * first reads what it removes), and mutations keep what was read truthful.
 */
export interface ParticipantCache<Key, T> {
  /** The participant, or null when Twilio has none by that key. */
  load(context: GatewayContext, key: Key): Promise<T | null>;
  /** After an update: what was read before is stale; the answer is the new truth. */
  updated(context: GatewayContext, key: Key, participant: T): void;
  /** After a removal: nothing by that key is there any more. */
  removed(context: GatewayContext, key: Key, participant: T): void;
}

/**
 * For resources Twilio fetches one at a time: keys are deduplicated by `cacheKey`, each
 * distinct key is one upstream fetch (bounded by the request's Twilio scope), a 404 resolves to
 * null, and any other failure rejects only its own key.
 */
export function fetchCache<Key, T>(
  resource: Pick<ParticipantResource<unknown, Key, T>, "fetch">,
  cacheKey: (key: Key) => string,
): ParticipantCache<Key, T> & {
  loader(context: GatewayContext): DataLoader<Key, T | null, string>;
} {
  const create = (twilio: TwilioScope) =>
    new DataLoader<Key, T | null, string>(
      (keys) =>
        Promise.all(
          keys.map((key) =>
            resource.fetch(twilio, key).catch((error: unknown) => {
              if (isNotFound(error)) return null;
              return error instanceof Error ? error : new Error(String(error));
            }),
          ),
        ),
      { cacheKeyFn: cacheKey },
    );
  const loader = (context: GatewayContext) => context.loader(create);
  return {
    loader,
    load: (context, key) => loader(context).load(key),
    updated: (context, key, participant) => loader(context).clear(key).prime(key, participant),
    removed: (context, key) => void loader(context).clear(key),
  };
}
