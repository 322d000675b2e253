import { type Admission, admitDocument, type DocumentRequest } from "./admission.js";
import type { TrustedDocuments } from "./trusted-documents.js";

export type HttpAdmission =
  { kind: "run"; body: unknown; search: string } | Extract<Admission, { kind: "refused" }>;

/**
 * `admitDocument` for `/graphql`: the operation is read from a POST's JSON body (each one of a
 * batch) or a GET's query string, and a listed id is replaced by its text there, so that
 * everything after (idempotency keys, Apollo) sees an ordinary request.
 */
export function admitHttpRequest(
  documents: TrustedDocuments,
  method: string,
  body: unknown,
  search: string,
): HttpAdmission {
  if (method === "GET") return admitQueryString(documents, body, search);
  if (Array.isArray(body)) {
    const admitted: unknown[] = [];
    for (const operation of body) {
      const admission = admitBody(documents, operation);
      if (admission.kind === "refused") return admission;
      admitted.push(admission.body);
    }
    return { kind: "run", body: admitted, search };
  }
  const admission = admitBody(documents, body);
  return admission.kind === "refused" ? admission : { ...admission, search };
}

function admitBody(
  documents: TrustedDocuments,
  body: unknown,
): { kind: "run"; body: unknown } | Extract<Admission, { kind: "refused" }> {
  // Not a JSON object: Apollo refuses it before anything runs.
  if (typeof body !== "object" || body === null) return { kind: "run", body };
  const request = body as DocumentRequest;
  const admission = admitDocument(documents, request);
  if (admission.kind === "refused") return admission;
  if (admission.query === undefined || admission.query === request.query) {
    return { kind: "run", body };
  }
  const { documentId: _id, ...rest } = request;
  return { kind: "run", body: { ...rest, query: admission.query } };
}

function admitQueryString(
  documents: TrustedDocuments,
  body: unknown,
  search: string,
): HttpAdmission {
  const params = new URLSearchParams(search);
  let extensions: unknown;
  try {
    extensions = JSON.parse(params.get("extensions") ?? "null");
  } catch {
    // Apollo answers unreadable extensions itself.
  }
  const query = params.get("query") ?? undefined;
  const admission = admitDocument(documents, {
    query,
    documentId: params.get("documentId") ?? undefined,
    operationName: params.get("operationName") ?? undefined,
    extensions,
  });
  if (admission.kind === "refused") return admission;
  if (admission.query === undefined || admission.query === query) {
    return { kind: "run", body, search };
  }
  params.delete("documentId");
  params.set("query", admission.query);
  return { kind: "run", body, search: `?${params.toString()}` };
}
