import type { Context } from "@opentelemetry/api";
import type { Logger } from "../logging/logger.js";
import { NotConfiguredError, TooManyTwilioCallsError } from "../errors/gateway-errors.js";
import type { TwilioClient, TwilioRequest } from "./client.js";
import type { TwilioCredentials } from "./credentials.js";
import { createLimiter } from "./limiter.js";
import type { BaseUrls } from "./products.js";

export interface RequestScopeOptions {
  /** The request's own credentials, or the configured ones; none: every call fails. */
  credentials: TwilioCredentials | undefined;
  /** Twilio calls of one GraphQL request that may be in flight at once. */
  maxConcurrent: number;
  /** Twilio calls one GraphQL request may make in all. */
  maxCalls: number;
  /** The request's logger: its lines carry the request id. */
  logger: Logger;
  /** The GraphQL operation's span context: each Twilio call's span is its child. */
  trace?: Context;
}

/**
 * Twilio as one GraphQL request sees it, with the request's credentials bound in so no product
 * code handles them. Every call of the request (fetches, list pages, mutations, entity
 * references) goes through here, so one query with many aliases or a router's large `_entities`
 * batch cannot flood Twilio or spend the account's rate limit.
 */
export interface TwilioScope {
  readonly baseUrls: BaseUrls;
  /** The account a path names: the one asked for, else the credentials' own. */
  account(asked?: string | null): string;
  request<T>(request: TwilioRequest): Promise<T | undefined>;
  /**
   * How many writes (POST, DELETE) this request has handed to the client so far: a mutation
   * that fails without stating an outcome failed before its write (NOT_SENT) when this did
   * not move while it ran.
   */
  readonly writesStarted: number;
}

export function scopeToRequest(client: TwilioClient, options: RequestScopeOptions): TwilioScope {
  const { credentials, maxCalls, logger, trace } = options;
  const call = { logger, trace };
  const limit = createLimiter(options.maxConcurrent);
  let calls = 0;
  let writesStarted = 0;
  const required = (): TwilioCredentials => {
    if (!credentials) throw new NotConfiguredError();
    return credentials;
  };
  return {
    baseUrls: client.baseUrls,
    account: (asked) => asked ?? required().accountSid,
    async request<T>(request: TwilioRequest) {
      const bound = required();
      calls += 1;
      if (calls > maxCalls) throw new TooManyTwilioCallsError(maxCalls);
      return limit(() => {
        if (request.method !== "GET") writesStarted += 1;
        return client.request<T>(bound, request, call);
      });
    },
    get writesStarted() {
      return writesStarted;
    },
  };
}
