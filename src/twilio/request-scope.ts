import type { Context } from "@opentelemetry/api";
import { mayActFor, type Principal } from "../auth/principal.js";
import type { Logger } from "../logging/logger.js";
import {
  ForbiddenError,
  isAuthenticationFailure,
  NotConfiguredError,
  outcomeOf,
  RateLimitedError,
  TooManyTwilioCallsError,
  TwilioCredentialsRefusedError,
} from "../errors/gateway-errors.js";
import type { TwilioClient, TwilioRequest } from "./client.js";
import type { TwilioCredentials } from "./credentials.js";
import { createLimiter } from "./limiter.js";
import type { BaseUrls } from "./products.js";
import type { WriteRateLimiter } from "./write-rate-limit.js";

export interface RequestScopeOptions {
  /** The request's own credentials, or the configured ones; none: every call fails. */
  credentials: TwilioCredentials | undefined;
  /** Who is calling: decides which accounts a path may name and whose write budget is spent. */
  principal: Principal;
  /**
   * Whose credentials they are: the caller's own (its `Authorization: Basic` header) or the
   * gateway's configured ones. Decides who is told to fix them when Twilio refuses them.
   */
  credentialsOwner: "caller" | "gateway";
  /** Twilio calls of one GraphQL request that may be in flight at once. */
  maxConcurrent: number;
  /** Twilio calls one GraphQL request may make in all. */
  maxCalls: number;
  /** Per-caller budget of Twilio writes (POST, DELETE); none: unlimited. */
  writeRateLimiter?: WriteRateLimiter;
  /** The request's logger: its lines carry the request id. */
  logger: Logger;
  /** The GraphQL operation's span context: each Twilio call's span is its child. */
  trace?: Context;
}

/**
 * Twilio as one GraphQL request sees it, with the request's credentials bound in so no product
 * code handles them. Every call of the request (fetches, list pages, mutations, entity
 * references) goes through here, so one query with many aliases or a router's large `_entities`
 * batch cannot flood Twilio or spend the account's rate limit, no caller acts for an account
 * it was not given, and every write spends from the caller's budget.
 */
export interface TwilioScope {
  readonly baseUrls: BaseUrls;
  /**
   * The account a path names: the one asked for, else the credentials' own. Another account
   * than the credentials' own needs the caller to be allowed it, or this throws FORBIDDEN.
   */
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
  const { credentials, credentialsOwner, principal, maxCalls, writeRateLimiter, logger, trace } =
    options;
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
    account(asked) {
      const own = required().accountSid;
      if (asked === undefined || asked === null) return own;
      if (!mayActFor(principal, asked, own)) {
        throw new ForbiddenError(
          `This caller may not act for account ${asked}: only for the credentials' own ` +
            "(GATEWAY_ACCOUNT_SIDS, or the token's twilio_account_sids claim, allow more)",
        );
      }
      return asked;
    },
    async request<T>(request: TwilioRequest) {
      const bound = required();
      calls += 1;
      if (calls > maxCalls) throw new TooManyTwilioCallsError(maxCalls);
      if (request.method !== "GET" && writeRateLimiter) {
        const retryAfterMs = await writeRateLimiter.take(principal.id);
        if (retryAfterMs > 0) throw new RateLimitedError(retryAfterMs);
      }
      try {
        return await limit(() => {
          if (request.method !== "GET") writesStarted += 1;
          return client.request<T>(bound, request, call);
        });
      } catch (error) {
        if (!isAuthenticationFailure(error)) throw error;
        if (credentialsOwner === "gateway") {
          logger.error(
            { operation: request.operation, code: error.twilio.code },
            "twilio refused the configured credentials",
          );
        }
        throw new TwilioCredentialsRefusedError(error.twilio, credentialsOwner, outcomeOf(error));
      }
    },
    get writesStarted() {
      return writesStarted;
    },
  };
}
