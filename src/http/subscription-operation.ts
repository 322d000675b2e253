import {
  type DocumentNode,
  type ExecutionArgs,
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
 * What a transport hands graphql-js for one subscription: the prepared request and its context,
 * every field present from the start. The transports keep this object for the subscription's
 * life and `subscribeSharingEvents` clears its context: an object of one shape throughout stays
 * small, where one spread together and changed later gets a hidden class of its own.
 */
export function executionArgs(args: SubscriptionArgs, contextValue: unknown): ExecutionArgs {
  return {
    schema: args.schema,
    document: args.document,
    operationName: args.operationName,
    variableValues: args.variableValues,
    rootValue: undefined,
    contextValue,
  };
}

/**
 * The query text (in characters) of the prepared documents kept for reuse, across all of them.
 * A document's AST is some thirty times its text: this keeps them to a few megabytes.
 */
export const PREPARED_DOCUMENTS_TEXT_BUDGET = 256 * 1024;

interface PreparedDocument {
  document: DocumentNode;
  operationName: string | undefined;
}

/**
 * Prepares the subscription transports' requests (see `prepare`). What parsing, validation and
 * trusted-document admission make of a document depends on nothing but its text (or trusted
 * id) and operation name, so each prepared document is kept, least recently used first out,
 * and every subscription to the same text shares it: thousands of subscribers of one
 * conference hold one AST between them, not one each.
 */
export class SubscriptionOperations {
  private readonly prepared: LeastRecentlyUsed<PreparedDocument>;

  constructor(
    readonly schema: GraphQLSchema,
    private readonly documents: TrustedDocuments,
    textBudget = PREPARED_DOCUMENTS_TEXT_BUDGET,
  ) {
    this.prepared = new LeastRecentlyUsed(textBudget);
  }

  /**
   * Parses and validates a request, refusing with the codes `/graphql` uses (a trusted
   * document's id stands for its text, and in `require` mode only those run). Only
   * subscriptions are served there: queries and mutations go to `/graphql`, where Apollo's
   * plugins (limits, logs, metrics) see them.
   */
  prepare(request: SubscriptionRequest): { args: SubscriptionArgs } | { errors: GraphQLError[] } {
    const key = documentKey(request);
    const known = key === undefined ? undefined : this.prepared.get(key);
    // What was admitted, parsed and validated once is again: only the variables are new.
    if (known !== undefined) {
      if (!variablesValid(request)) return variablesRefused();
      return { args: { schema: this.schema, ...known, variableValues: variablesOf(request) } };
    }
    const prepared = prepareSubscription(this.schema, this.documents, request);
    if (key !== undefined && "args" in prepared) {
      const { document, operationName } = prepared.args;
      this.prepared.set(key, { document, operationName });
    }
    return prepared;
  }
}

/**
 * What admission, parsing and validation read of a request, as one text: the trusted id or the
 * query, and the operation name. None when the request is malformed (it is refused anyway) or
 * runs a persisted query by hash.
 */
function documentKey(request: SubscriptionRequest): string | undefined {
  const { documentId, operationName } = request;
  if (operationName != null && typeof operationName !== "string") return undefined;
  const name = operationName ?? "";
  // As admission reads it: an empty query is none.
  const query =
    typeof request.query === "string" && request.query !== "" ? request.query : undefined;
  if (documentId != null) {
    return typeof documentId === "string" && query === undefined
      ? `id\0${name}\0${documentId}`
      : undefined;
  }
  return query === undefined ? undefined : `query\0${name}\0${query}`;
}

/** A least-recently-used map whose keys' lengths add up to at most `budget`. */
class LeastRecentlyUsed<V> {
  private readonly entries = new Map<string, V>();
  private used = 0;

  constructor(private readonly budget: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserting makes this the most recent.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (key.length > this.budget || this.entries.has(key)) return;
    this.entries.set(key, value);
    this.used += key.length;
    for (const oldest of this.entries.keys()) {
      if (this.used <= this.budget) break;
      this.entries.delete(oldest);
      this.used -= oldest.length;
    }
  }
}

/** Parses and validates a request (see `SubscriptionOperations.prepare`), nothing kept. */
function prepareSubscription(
  schema: GraphQLSchema,
  documents: TrustedDocuments,
  request: SubscriptionRequest,
): { args: SubscriptionArgs } | { errors: GraphQLError[] } {
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
  if (!variablesValid(request)) return variablesRefused();
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
    args: { schema, document, operationName, variableValues: variablesOf(request) },
  };
}

function refuse(message: string, code: string): { errors: GraphQLError[] } {
  return { errors: [new GraphQLError(message, { extensions: { code } })] };
}

function variablesValid(request: SubscriptionRequest): boolean {
  return request.variables == null || isObject(request.variables);
}

function variablesRefused(): { errors: GraphQLError[] } {
  return refuse("variables must be an object", "BAD_REQUEST");
}

function variablesOf(request: SubscriptionRequest): Record<string, unknown> | undefined {
  return (request.variables ?? undefined) as Record<string, unknown> | undefined;
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
