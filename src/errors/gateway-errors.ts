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
  IdempotencyKeyInvalid: "IDEMPOTENCY_KEY_INVALID",
  IdempotencyKeyReused: "IDEMPOTENCY_KEY_REUSED",
  IdempotencyKeyInUse: "IDEMPOTENCY_KEY_IN_USE",
  IdempotencyKeyInterrupted: "IDEMPOTENCY_KEY_INTERRUPTED",
  IdempotencyStoreUnavailable: "IDEMPOTENCY_STORE_UNAVAILABLE",
  OperationNotInSafelist: "OPERATION_NOT_IN_SAFELIST",
  PersistedDocumentNotFound: "PERSISTED_DOCUMENT_NOT_FOUND",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * What a failed write did at Twilio, as `extensions.outcome` on every error of a mutation (and
 * every refusal of a request that carries an Idempotency-Key). Reads have none: a read changes
 * nothing and may always be repeated.
 */
export const WriteOutcome = {
  /** Provably never reached Twilio: nothing was applied; sending it again is safe. */
  NotSent: "NOT_SENT",
  /** Twilio answered with a refusal (a 4xx): nothing was applied. */
  Rejected: "REJECTED",
  /**
   * May have been applied: the request reached Twilio and no readable answer came back (a
   * timeout, a connection lost after the request was written, a 5xx, a truncated answer).
   * Reconcile before sending it again, or resend it with the same Idempotency-Key.
   */
  Unknown: "UNKNOWN",
} as const;
export type WriteOutcome = (typeof WriteOutcome)[keyof typeof WriteOutcome];

const OUTCOMES = new Set<unknown>(Object.values(WriteOutcome));

/** The outcome an error states, if it states one. */
export function outcomeOf(error: unknown): WriteOutcome | undefined {
  const outcome = error instanceof GraphQLError ? error.extensions.outcome : undefined;
  return OUTCOMES.has(outcome) ? (outcome as WriteOutcome) : undefined;
}

/**
 * The error, stating `outcome` unless it states one already. A GraphQL error gains the
 * extension (one is made per failure, so no other answer changes); anything else (a bug) is
 * wrapped in a GraphQL error that states it and keeps the bug as its original error, which
 * the error formatter still answers as a bare INTERNAL_SERVER_ERROR.
 */
export function withOutcome(error: unknown, outcome: WriteOutcome): GraphQLError {
  if (error instanceof GraphQLError) {
    if (outcomeOf(error) === undefined) error.extensions.outcome = outcome;
    return error;
  }
  const cause = error instanceof Error ? error : new Error(String(error));
  return new GraphQLError(cause.message, { originalError: cause, extensions: { outcome } });
}

/** `{ outcome }` for an error's extensions, or nothing when there is none to state (a read). */
function outcomeExtension(outcome: WriteOutcome | undefined): { outcome?: WriteOutcome } {
  return outcome ? { outcome } : {};
}

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

/** Twilio's own error answer; `outcome` for a write (a 4xx is REJECTED, a 5xx UNKNOWN). */
export class TwilioApiError extends GraphQLError {
  readonly twilio: TwilioErrorDetails;

  constructor(twilio: TwilioErrorDetails, outcome?: WriteOutcome) {
    super(twilio.message, {
      extensions: { code: ErrorCode.TwilioApiError, twilio, ...outcomeExtension(outcome) },
    });
    this.twilio = twilio;
  }
}

export class UpstreamTimeoutError extends GraphQLError {
  constructor(product: string, timeoutMs: number, outcome?: WriteOutcome) {
    super(`Twilio ${product} did not answer within ${timeoutMs} ms`, {
      extensions: { code: ErrorCode.UpstreamTimeout, ...outcomeExtension(outcome) },
    });
  }
}

export class UpstreamUnavailableError extends GraphQLError {
  constructor(product: string, reason: string, outcome?: WriteOutcome) {
    super(`Twilio ${product} is unavailable: ${reason}`, {
      extensions: { code: ErrorCode.UpstreamUnavailable, ...outcomeExtension(outcome) },
    });
  }
}

/**
 * An identifier that cannot be a path segment: `.` and `..` (and any value made only of dots)
 * are removed or climb a level when the URL is normalised, so they would address another
 * resource than the one named. Raised while building a path, before any request.
 */
export class PathSegmentError extends GraphQLError {
  constructor(placeholder: string, reason: "dots" | "not-unicode") {
    super(
      reason === "dots"
        ? `${placeholder} must not be empty or made only of dots ("." and ".." would change which Twilio resource the path names)`
        : `${placeholder} must be well-formed Unicode text (it holds a lone surrogate)`,
      { extensions: { code: ErrorCode.BadUserInput } },
    );
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

  constructor(twilio: TwilioErrorDetails, owner: "caller" | "gateway", outcome?: WriteOutcome) {
    super(
      owner === "caller"
        ? "Twilio refused the credentials in this request's Authorization header"
        : "Twilio refused the gateway's configured credentials; the gateway's operator must fix them",
      {
        extensions: {
          code: owner === "caller" ? ErrorCode.Unauthenticated : ErrorCode.NotConfigured,
          twilio,
          ...outcomeExtension(outcome),
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
  constructor(what: string, twilio?: TwilioErrorDetails, outcome?: WriteOutcome) {
    super(`${what} was not found`, {
      extensions: {
        code: ErrorCode.NotFound,
        ...(twilio && { twilio }),
        ...outcomeExtension(outcome),
      },
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
