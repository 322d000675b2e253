import { hash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Principal } from "../../auth/principal.js";
import { ErrorCode } from "../../errors/gateway-errors.js";
import type { TwilioCredentials } from "../../twilio/credentials.js";
import type { KeyedRequest } from "./idempotency-keys.js";
import { canonicalJson } from "./canonical-json.js";
import { MutationDocuments } from "./mutation-documents.js";

/** The request header a client names a write with, and the response header of a replay. */
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const IDEMPOTENT_REPLAYED_HEADER = "idempotent-replayed";

/** 1 to 255 printable ASCII characters (a UUID, a ULID, an order number…), compared as sent. */
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;

/** Clients send the same few documents with every write: each is parsed and printed once. */
const mutationDocuments = new MutationDocuments();

/** Who a key belongs to: the caller, and the Twilio account and credentials it acts with. */
export interface KeyOwner {
  principal: Principal;
  credentials: TwilioCredentials | undefined;
}

export type KeyDecision =
  /** No key, or nothing a key could protect: a GET, a query, a document that will not run. */
  | { kind: "none" }
  /** A key the gateway cannot honour: answered with HTTP 400, nothing runs. */
  | { kind: "refused"; code: string; message: string }
  | { kind: "keyed"; request: KeyedRequest };

/**
 * What the request's `Idempotency-Key` asks for. Only a POST that runs a mutation is keyed: a
 * query is safe to repeat, so a key on one is ignored (clients may send one with every POST).
 * The gateway must see the document to know, so with a key the operation must come as a JSON
 * object with its document in `query`. A document that does not parse or names no operation
 * is left to Apollo, which refuses it before anything runs.
 */
export function readIdempotencyKey(
  req: IncomingMessage,
  body: unknown,
  owner: KeyOwner,
): KeyDecision {
  const sent = req.headersDistinct[IDEMPOTENCY_KEY_HEADER];
  if (sent === undefined || req.method !== "POST") return { kind: "none" };
  const key = sent[0] ?? "";
  if (sent.length !== 1 || !VALID_KEY.test(key)) {
    return {
      kind: "refused",
      code: ErrorCode.IdempotencyKeyInvalid,
      message: "Idempotency-Key must be sent once, as 1 to 255 printable ASCII characters",
    };
  }
  const operation = body as { query?: unknown; operationName?: unknown; variables?: unknown };
  if (
    typeof operation !== "object" ||
    operation === null ||
    Array.isArray(operation) ||
    typeof operation.query !== "string"
  ) {
    return {
      kind: "refused",
      code: "BAD_REQUEST",
      message:
        "With an Idempotency-Key, send one operation as a JSON object with its document in `query` " +
        "(a persisted query's hash alone does not show whether it is a mutation)",
    };
  }
  const operationName =
    typeof operation.operationName === "string" ? operation.operationName : null;
  const mutation = mutationDocuments.printed(operation.query, operationName);
  if (mutation === undefined) return { kind: "none" };
  return {
    kind: "keyed",
    request: {
      storeKey: `idempotency:${sha256(
        JSON.stringify([
          owner.principal.id,
          owner.credentials?.accountSid ?? null,
          owner.credentials?.username ?? null,
          owner.credentials?.password ?? null,
          key,
        ]),
      )}`,
      // The JSON array [document, operation name, variables]: the text replicas of every
      // version fingerprint a request by, so a retry matches whichever replica it reaches.
      fingerprint: sha256(
        `[${JSON.stringify(mutation)},${JSON.stringify(operationName)},${canonicalJson(operation.variables ?? {})}]`,
      ),
    },
  };
}

/**
 * A digest, so neither the client's key nor a credential is ever written to the store: the
 * scope holds the Twilio secret too, so another caller of the same account (on an open
 * gateway, everyone is `anonymous`) cannot replay an answer by guessing a key.
 */
function sha256(text: string): string {
  return hash("sha256", text, "hex");
}
