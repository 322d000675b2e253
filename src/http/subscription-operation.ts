import {
  type DocumentNode,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  validate,
} from "graphql";
import { type ErrorFormatter, formatErrors } from "../gateway/plugins/error-format.js";
import { admitDocument, type DocumentRequest } from "../gateway/trusted-documents/admission.js";
import type { TrustedDocuments } from "../gateway/trusted-documents/trusted-documents.js";

/** A subscription request as a transport received it (graphql-ws payload, SSE body or query). */
export interface SubscriptionRequest extends DocumentRequest {
  variables?: unknown;
}

export interface SubscriptionArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | undefined;
  variableValues: Record<string, unknown> | undefined;
}

/**
 * Parses and validates a request for the subscription transports, refusing with the codes
 * `/graphql` uses (a trusted document's id stands for its text, and in `require` mode only
 * those run). Only subscriptions are served there: queries and mutations go to `/graphql`,
 * where Apollo's plugins (limits, logs, metrics) see them.
 */
export function prepareSubscription(
  schema: GraphQLSchema,
  documents: TrustedDocuments,
  request: SubscriptionRequest,
): { args: SubscriptionArgs } | { errors: GraphQLError[] } {
  const refuse = (message: string, code: string) => ({
    errors: [new GraphQLError(message, { extensions: { code } })],
  });
  const admitted = admitDocument(documents, request);
  if (admitted.kind === "refused") return refuse(admitted.message, admitted.code);
  const query = admitted.query;
  if (query === undefined || query.trim() === "") {
    return hasPersistedQuery(request)
      ? refuse(
          "No trusted document has this hash: subscriptions take only those ids; send the query",
          "PERSISTED_QUERY_NOT_FOUND",
        )
      : refuse("The request has no query", "BAD_REQUEST");
  }
  if (request.operationName != null && typeof request.operationName !== "string") {
    return refuse("operationName must be a string", "BAD_REQUEST");
  }
  if (request.variables != null && !isObject(request.variables)) {
    return refuse("variables must be an object", "BAD_REQUEST");
  }
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return refuse(error instanceof Error ? error.message : "Syntax error", "GRAPHQL_PARSE_FAILED");
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) {
    return {
      errors: invalid.map(
        (error) =>
          new GraphQLError(error.message, {
            nodes: error.nodes,
            extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
          }),
      ),
    };
  }
  const operationName = request.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return refuse(
      operationName ? `No operation named "${operationName}"` : "Name the operation to run",
      "OPERATION_RESOLUTION_FAILURE",
    );
  }
  if (operation.operation !== "subscription") {
    return refuse(
      `Only subscriptions are served here; send a ${operation.operation} to POST /graphql`,
      "BAD_REQUEST",
    );
  }
  return {
    args: {
      schema,
      document,
      operationName,
      variableValues: (request.variables ?? undefined) as Record<string, unknown> | undefined,
    },
  };
}

/** A result with its errors shaped as `/graphql` shapes them. */
export function formatResult(
  result: ExecutionResult,
  format: ErrorFormatter,
): ExecutionResult | (Omit<ExecutionResult, "errors"> & { errors: GraphQLFormattedError[] }) {
  if (!result.errors) return result;
  return { ...result, errors: formatErrors(result.errors, format) };
}

/** Apollo's automatic persisted queries are served on `/graphql` only: no hash is remembered here. */
function hasPersistedQuery(request: SubscriptionRequest): boolean {
  return isObject(request.extensions) && request.extensions.persistedQuery != null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
