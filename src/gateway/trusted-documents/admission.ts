import { ErrorCode } from "../../errors/gateway-errors.js";
import type { TrustedDocuments } from "./trusted-documents.js";

/** The parts of a GraphQL request (an HTTP body or query string, a graphql-ws payload…) read here. */
export interface DocumentRequest {
  query?: unknown;
  /** A trusted document's id, as Hive's clients send it. */
  documentId?: unknown;
  operationName?: unknown;
  /** Apollo's `persistedQuery: { version: 1, sha256Hash }`, also used for a listed id. */
  extensions?: unknown;
}

export type Admission =
  /**
   * Run this text. `undefined`: the request has no text and names no listed id; on `/graphql`
   * Apollo's automatic persisted queries then look the hash up, or refuse.
   */
  { kind: "run"; query: string | undefined } | { kind: "refused"; code: string; message: string };

const refused = (code: string, message: string): Admission => ({ kind: "refused", code, message });

/**
 * Which document a request runs, before anything else reads it: a listed id (`documentId`, or
 * `extensions.persistedQuery.sha256Hash` without a query) stands for its operation's text; in
 * `require` mode a text that is not a listed operation is refused.
 */
export function admitDocument(documents: TrustedDocuments, request: DocumentRequest): Admission {
  // graphql-ws and graphql-sse insist on a `query` string: an empty one stands for none.
  const query =
    typeof request.query === "string" && request.query !== "" ? request.query : undefined;
  if (request.documentId != null) {
    if (typeof request.documentId !== "string") {
      return refused("BAD_REQUEST", "documentId must be a string");
    }
    if (query !== undefined) {
      return refused("BAD_REQUEST", "Send either documentId or query, not both");
    }
    const listed = documents.find(request.documentId);
    if (!listed) {
      return refused(
        ErrorCode.PersistedDocumentNotFound,
        "documentId is not the id of a trusted document of this gateway (schema/generated/persisted-operations.json)",
      );
    }
    return { kind: "run", query: listed.body };
  }
  if (query === undefined) {
    const hash = persistedQueryHash(request.extensions);
    return { kind: "run", query: hash === undefined ? undefined : documents.find(hash)?.body };
  }
  const operationName =
    typeof request.operationName === "string" ? request.operationName : undefined;
  if (documents.mode === "require" && !documents.isTrusted(query, operationName)) {
    return refused(
      ErrorCode.OperationNotInSafelist,
      "This gateway runs only its trusted documents (GRAPHQL_TRUSTED_DOCUMENTS=require), and this operation is not one of them",
    );
  }
  return { kind: "run", query };
}

function persistedQueryHash(extensions: unknown): string | undefined {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null)
    ?.persistedQuery;
  return typeof persisted?.sha256Hash === "string" ? persisted.sha256Hash : undefined;
}
