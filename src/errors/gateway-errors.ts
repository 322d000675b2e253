import { GraphQLError } from "graphql";

/** Every `extensions.code` this gateway puts on an error it raises itself. */
export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  TwilioApiError: "TWILIO_API_ERROR",
  UpstreamTimeout: "UPSTREAM_TIMEOUT",
  UpstreamUnavailable: "UPSTREAM_UNAVAILABLE",
  NotConfigured: "TWILIO_NOT_CONFIGURED",
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  RateLimited: "RATE_LIMITED",
  NotFound: "NOT_FOUND",
  TooManyTwilioCalls: "TOO_MANY_TWILIO_CALLS",
  InternalServerError: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One rejected input field: `field` is the path from the argument, e.g. `input.conference.to`. */
export interface InputIssue {
  field: string;
  message: string;
}

/**
 * Raised before any upstream call when input fails validation. It carries every issue found;
 * the server expands it into one GraphQL error per issue (see `expandInputIssues`).
 */
export class InputValidationError extends GraphQLError {
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[]) {
    const first = issues[0];
    super(first ? `${first.field}: ${first.message}` : "Invalid input", {
      extensions: { code: ErrorCode.BadUserInput, field: first?.field },
    });
    this.issues = issues;
  }
}

/** The fields of a Twilio error body that we pass on to clients. */
export interface TwilioErrorDetails {
  code: number | null;
  status: number;
  message: string;
  moreInfo: string | null;
  /** Twilio's request id (RQ…) when Twilio sent one: quote it to Twilio support. */
  requestId?: string;
}

export class TwilioApiError extends GraphQLError {
  readonly twilio: TwilioErrorDetails;

  constructor(twilio: TwilioErrorDetails) {
    super(twilio.message, { extensions: { code: ErrorCode.TwilioApiError, twilio } });
    this.twilio = twilio;
  }
}

export class UpstreamTimeoutError extends GraphQLError {
  constructor(product: string, timeoutMs: number) {
    super(`Twilio ${product} did not answer within ${timeoutMs} ms`, {
      extensions: { code: ErrorCode.UpstreamTimeout },
    });
  }
}

export class UpstreamUnavailableError extends GraphQLError {
  constructor(product: string, reason: string) {
    super(`Twilio ${product} is unavailable: ${reason}`, {
      extensions: { code: ErrorCode.UpstreamUnavailable },
    });
  }
}

export class NotConfiguredError extends GraphQLError {
  constructor() {
    super(
      "No Twilio credentials are configured. Set TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN " +
        "(or TWILIO_API_KEY with TWILIO_API_SECRET), or send X-Twilio-Authorization: Basic " +
        "credentials where the gateway takes them (TWILIO_REQUEST_CREDENTIALS).",
      { extensions: { code: ErrorCode.NotConfigured } },
    );
  }
}

/** Raised while reading a request's credentials, before any resolver: answered with HTTP 401. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } } });
  }
}

/** The caller is known but may not do this (act for that Twilio account): nothing was sent. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.Forbidden } });
  }
}

/** The caller's Twilio writes are over `TWILIO_WRITE_RATE_LIMIT`: nothing was sent. */
export class RateLimitedError extends GraphQLError {
  constructor(retryAfterMs: number) {
    super(
      `Too many Twilio writes (TWILIO_WRITE_RATE_LIMIT): nothing was sent; retry in ${retryAfterMs} ms`,
      { extensions: { code: ErrorCode.RateLimited, retryAfterMs } },
    );
  }
}

/**
 * Twilio refused the credentials a call was made with (HTTP 401: 20003 "Authenticate"). Whose
 * they were decides whose problem it is: the caller's own `Authorization: Basic` credentials are
 * UNAUTHENTICATED, for the caller to fix; the gateway's configured ones are
 * TWILIO_NOT_CONFIGURED, for its operator: the caller can do nothing about them. Twilio's details
 * stay under `extensions.twilio` either way. No HTTP status is set: execution had begun and
 * other fields of the request may have answered.
 */
export class TwilioCredentialsRefusedError extends GraphQLError {
  readonly twilio: TwilioErrorDetails;

  constructor(twilio: TwilioErrorDetails, owner: "caller" | "gateway") {
    super(
      owner === "caller"
        ? "Twilio refused the credentials in this request's Authorization header"
        : "Twilio refused the gateway's configured credentials; the gateway's operator must fix them",
      {
        extensions: {
          code: owner === "caller" ? ErrorCode.Unauthenticated : ErrorCode.NotConfigured,
          twilio,
        },
      },
    );
    this.twilio = twilio;
  }
}

/** Twilio's answer to credentials it does not accept. */
export function isAuthenticationFailure(error: unknown): error is TwilioApiError {
  return error instanceof TwilioApiError && error.twilio.status === 401;
}

/** What the caller addressed does not exist; `twilio` is Twilio's 404 when it said so itself. */
export class NotFoundError extends GraphQLError {
  constructor(what: string, twilio?: TwilioErrorDetails) {
    super(`${what} was not found`, {
      extensions: { code: ErrorCode.NotFound, ...(twilio && { twilio }) },
    });
  }
}

export class TooManyTwilioCallsError extends GraphQLError {
  constructor(maxCalls: number) {
    super(
      `This request needs more than ${maxCalls} Twilio calls (TWILIO_MAX_CALLS_PER_REQUEST); ` +
        "split it into smaller requests",
      { extensions: { code: ErrorCode.TooManyTwilioCalls } },
    );
  }
}

/** Twilio's answer for a resource that does not exist (or no longer does). */
export function isNotFound(error: unknown): error is TwilioApiError {
  return error instanceof TwilioApiError && error.twilio.status === 404;
}
