import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Request headers a browser app may send: GraphQL, Apollo's CSRF preflight, the gateway's
 * bearer token, Twilio credentials of its own.
 */
const ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "x-twilio-authorization",
  "x-twilio-account-sid",
  "x-request-id",
].join(", ");

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
  // Lets the app read the id to quote in a bug report.
  res.setHeader("access-control-expose-headers", "x-request-id");
  if (req.method !== "OPTIONS" || !req.headers["access-control-request-method"]) return false;

  res.statusCode = 204;
  res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  res.setHeader("access-control-allow-headers", ALLOWED_HEADERS);
  res.setHeader("access-control-max-age", "600");
  res.end();
  return true;
}
