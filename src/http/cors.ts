import type { IncomingMessage, ServerResponse } from "node:http";
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from "./idempotency/keyed-request.js";

/**
 * Request headers a browser app may send: GraphQL, Apollo's CSRF preflight, the gateway's
 * bearer token, Twilio credentials of its own, a write's idempotency key.
 */
const ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "x-twilio-authorization",
  "x-twilio-account-sid",
  "x-request-id",
  IDEMPOTENCY_KEY_HEADER,
].join(", ");

/**
 * Response headers the app may read: the id to quote in a bug report, whether an answer is a
 * replay, and how long to wait before retrying a refused request.
 */
const EXPOSED_HEADERS = ["x-request-id", IDEMPOTENT_REPLAYED_HEADER, "retry-after"].join(", ");

/**
 * Cross-origin access for browser apps served from other origins. Off unless origins are
 * configured (`CORS_ORIGINS`); `*` allows any origin. Never with credentials
 * (`Access-Control-Allow-Credentials`): the gateway uses no cookies, so a page on another origin
 * gets in only with a key it holds itself — which is why `*` is refused on an open gateway with
 * live Twilio (see access-control.ts). Answers preflights itself and returns true when it did,
 * so the request goes no further.
 */
export function applyCors(
  allowedOrigins: readonly string[],
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const origin = req.headers.origin;
  if (!origin || allowedOrigins.length === 0) return false;
  const anyOrigin = allowedOrigins.includes("*");
  if (!anyOrigin && !allowedOrigins.includes(origin)) return false;

  res.setHeader("access-control-allow-origin", anyOrigin ? "*" : origin);
  if (!anyOrigin) res.setHeader("vary", "origin");
  res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
  if (req.method !== "OPTIONS" || !req.headers["access-control-request-method"]) return false;

  res.statusCode = 204;
  res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  res.setHeader("access-control-allow-headers", ALLOWED_HEADERS);
  res.setHeader("access-control-max-age", "600");
  res.end();
  return true;
}

/**
 * Whether a browser page may open a connection that CORS does not guard (a WebSocket): a
 * request without an Origin (not a browser), one from the gateway's own origin, or from an
 * allowed one. Otherwise any site a user visits could subscribe with the gateway's credentials.
 */
export function originAllowed(allowedOrigins: readonly string[], req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin || allowedOrigins.includes("*") || allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
