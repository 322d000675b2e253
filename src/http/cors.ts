import type { IncomingMessage, ServerResponse } from "node:http";

/** Request headers a browser app may send: GraphQL, Apollo's CSRF preflight, Twilio credentials. */
const ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "x-twilio-account-sid",
  "x-request-id",
].join(", ");

/**
 * Cross-origin access for browser apps served from other origins. Off unless origins are
 * configured (`CORS_ORIGINS`); `*` allows any origin. Answers preflights itself and returns
 * true when it did, so the request goes no further.
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
