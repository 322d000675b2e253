import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { type GraphQLFormattedError, GraphQLError } from "graphql";
import { ErrorCode, InputValidationError, outcomeOf } from "../../errors/gateway-errors.js";
import { SubscriberTooSlowError } from "../../events/stream.js";
import { TooManySubscriptionsError } from "../../events/subscriptions.js";
import type { Logger } from "../../logging/logger.js";

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));
// Apollo's own codes for requests it rejects before any resolver runs.
const APOLLO_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
]);

const VARIABLE_NAME = /^Variable "\$([^"]+)"/;
const VALUE_PATH = / at "([^"]+)"$/;
const MISSING_FIELD = /^Field "([^"]+)" of required type "[^"]+" was not provided\.$/;
/** graphql-js's syntax errors end by quoting the offending token: a string may be a secret. */
const QUOTED_STRING_TOKEN = /((?:found|Unexpected) (?:String|BlockString)) "[\s\S]*"\.$/;

export type ErrorFormatter = (
  formatted: GraphQLFormattedError,
  error: unknown,
) => GraphQLFormattedError;

/**
 * Shapes every error sent to a client: known gateway errors keep their code and details,
 * anything unexpected becomes a bare INTERNAL_SERVER_ERROR, and no stack trace, secret or
 * echoed input value (a SIP password, say) is ever included.
 */
export function createErrorFormatter(logger: Logger): ErrorFormatter {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    // The live-event core's own errors carry a code but know nothing of GraphQL.
    if (
      original instanceof SubscriberTooSlowError ||
      original instanceof TooManySubscriptionsError
    ) {
      return { ...pick(formatted), extensions: { code: original.code } };
    }
    if (original instanceof InputValidationError) {
      return {
        ...pick(formatted),
        extensions: { ...original.extensions, issues: original.issues },
      };
    }
    const code = formatted.extensions?.code;
    if (formatted.message.startsWith('Variable "$')) return variableCoercionError(formatted);
    if (typeof code === "string" && KNOWN_CODES.has(code) && original instanceof GraphQLError) {
      // `http` only tells Apollo which status to answer with; clients need not see it.
      const { http: _status, ...extensions } = original.extensions;
      return { ...pick(formatted), extensions };
    }
    if (typeof code === "string" && APOLLO_CODES.has(code)) {
      const message = formatted.message.replace(QUOTED_STRING_TOKEN, "$1.");
      return { ...pick(formatted), message, extensions: { code } };
    }
    // A bug in a mutation arrives wrapped by `withOutcome`: name the bug, keep the outcome.
    const cause =
      original instanceof GraphQLError ? (original.originalError ?? original) : original;
    const outcome = outcomeOf(original);
    logger.error({ error: cause instanceof Error ? cause.name : typeof cause }, "unexpected error");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.InternalServerError, ...(outcome ? { outcome } : {}) },
    };
  };
}

function pick(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { message: formatted.message, locations: formatted.locations, path: formatted.path };
}

/** graphql-js echoes the offending value in the message: drop it and name the field instead. */
function variableCoercionError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  // `Variable "$input" got invalid value <value> at "input.to"; <reason>`: the value may itself
  // contain "; ", the reason does not, so split at the last one.
  const message = formatted.message;
  const separator = message.lastIndexOf("; ");
  const head = separator < 0 ? message : message.slice(0, separator);
  const reason = separator < 0 ? "Invalid value" : withoutEchoedValue(message.slice(separator + 2));
  let field = VALUE_PATH.exec(head)?.[1] ?? VARIABLE_NAME.exec(head)?.[1] ?? "";
  const missing = MISSING_FIELD.exec(reason);
  if (missing) field = `${field}.${missing[1]}`;
  return {
    message: `${field}: ${reason}`,
    locations: formatted.locations,
    extensions: { code: ErrorCode.BadUserInput, field },
  };
}

/** Scalar errors such as `Int cannot represent non-integer value: "x"` repeat the value. */
function withoutEchoedValue(reason: string): string {
  return reason.replace(/(cannot represent[^:]*): [\s\S]*$/, "$1");
}

/**
 * Turns one InputValidationError (which lists every rejected field) into one GraphQL error per
 * field, each with `extensions.field`, so a client sees all its mistakes at once.
 */
export const expandInputIssuesPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
        const result = response.body.singleResult;
        result.errors = expandInputIssues(result.errors!);
      },
    };
  },
};

function expandInputIssues(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  return errors.flatMap((error) => {
    const issues = error.extensions?.issues as
      ReadonlyArray<{ field: string; message: string }> | undefined;
    if (!issues) return [error];
    const outcome = error.extensions?.outcome;
    return issues.map((issue) => ({
      message: `${issue.field}: ${issue.message}`,
      locations: error.locations,
      path: error.path,
      extensions: {
        code: ErrorCode.BadUserInput,
        field: issue.field,
        ...(outcome ? { outcome } : {}),
      },
    }));
  });
}

/**
 * A result's errors shaped exactly as `/graphql` shapes them (formatter, then one error per
 * input issue), for the transports Apollo does not serve: subscriptions over WebSocket and SSE.
 */
export function formatErrors(
  errors: readonly GraphQLError[],
  format: ErrorFormatter,
): GraphQLFormattedError[] {
  return expandInputIssues(errors.map((error) => format(error.toJSON(), error)));
}
