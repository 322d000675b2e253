import { createLimiter } from "./limiter.js";
import { TooManyTwilioCallsError } from "../errors/gateway-errors.js";
import type { TwilioApi } from "./client.js";

export interface RequestScopeLimits {
  /** Twilio calls of one GraphQL request that may be in flight at once. */
  maxConcurrent: number;
  /** Twilio calls one GraphQL request may make in all. */
  maxCalls: number;
}

/**
 * The Twilio client as one GraphQL request sees it. Every call of the request (fetches, list
 * pages, mutations, entity references) goes through here, so one query with many aliases or a
 * router's large `_entities` batch cannot flood Twilio or spend the account's rate limit.
 */
export function scopeToRequest(client: TwilioApi, limits: RequestScopeLimits): TwilioApi {
  const limit = createLimiter(limits.maxConcurrent);
  let calls = 0;
  return {
    baseUrls: client.baseUrls,
    request(credentials, request) {
      calls += 1;
      if (calls > limits.maxCalls) {
        return Promise.reject(new TooManyTwilioCallsError(limits.maxCalls));
      }
      return limit(() => client.request(credentials, request));
    },
  };
}
