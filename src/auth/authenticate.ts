import type { IncomingHttpHeaders } from "node:http";
import { UnauthenticatedError } from "../errors/gateway-errors.js";
import { apiKeyPrincipals } from "./api-keys.js";
import { parseAuthorization } from "./authorization-header.js";
import { jwtPrincipals, type JwtOptions } from "./jwt.js";
import { ANONYMOUS, type Principal } from "./principal.js";

/**
 * What a caller presents: the request's headers (HTTP, Server-Sent Events, or a WebSocket's
 * upgrade request) and, on a WebSocket, the `connection_init` payload.
 */
export interface PresentedCredentials {
  headers: IncomingHttpHeaders;
  connectionParams?: Readonly<Record<string, unknown>>;
}

/**
 * Establishes who the caller is, or throws an UnauthenticatedError (answered with HTTP 401, or
 * a refused WebSocket connection). The same function guards every transport.
 */
export type Authenticate = (presented: PresentedCredentials) => Promise<Principal>;

/**
 * No access control: everyone is the anonymous caller, who may act for `accountSids` besides
 * the credentials' own.
 */
export function openAccessFor(accountSids: readonly string[]): Authenticate {
  const principal: Principal = accountSids.length ? { ...ANONYMOUS, accountSids } : ANONYMOUS;
  return async () => principal;
}

export interface BearerAccessOptions {
  /** Keys any of which lets a caller in (`GATEWAY_API_KEYS`); empty: none. */
  apiKeys: readonly string[];
  /** Accounts an API-key caller may act for besides the credentials' own. */
  apiKeyAccountSids: readonly string[];
  /** Signed tokens, whose `sub` is the caller and whose claim lists its accounts. */
  jwt?: JwtOptions;
}

const NEEDS_BEARER = "This gateway needs Authorization: Bearer <API key or token>";
/** Three base64url parts: only then is a presented secret worth verifying as a JWT. */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** Access control: every caller presents an API key or a JWT as a bearer token. */
export function bearerAccess(options: BearerAccessOptions): Authenticate {
  const byKey = options.apiKeys.length
    ? apiKeyPrincipals(options.apiKeys, options.apiKeyAccountSids)
    : undefined;
  const byToken = options.jwt ? jwtPrincipals(options.jwt) : undefined;
  const unknown = byToken
    ? "The bearer token is neither a known API key nor a valid token"
    : "The bearer token is not a known API key";
  return async (presented) => {
    const token = bearerToken(presented);
    const principal = byKey?.(token);
    if (principal) return principal;
    if (byToken && JWT_SHAPE.test(token)) return byToken(token);
    throw new UnauthenticatedError(unknown);
  };
}

function bearerToken(presented: PresentedCredentials): string {
  const value = presentedAuthorization(presented);
  const { scheme, credentials } = parseAuthorization(value ?? "");
  if (scheme === "bearer" && credentials) return credentials;
  if (scheme === "basic") {
    throw new UnauthenticatedError(
      `${NEEDS_BEARER}; Twilio credentials of your own go in X-Twilio-Authorization`,
    );
  }
  throw new UnauthenticatedError(NEEDS_BEARER);
}

/**
 * On a WebSocket, what `connection_init` carries wins over the upgrade request's header:
 * `authorization` (Hive Gateway, browsers, which cannot set WebSocket headers) or `token`
 * (Apollo Router; a bare token there is a bearer token).
 */
function presentedAuthorization(presented: PresentedCredentials): string | undefined {
  const params = presented.connectionParams ?? {};
  const authorization = params.authorization ?? params.Authorization;
  if (typeof authorization === "string" && authorization.trim()) return authorization;
  const token = params.token;
  if (typeof token === "string" && token.trim()) {
    return /\s/.test(token.trim()) ? token : `Bearer ${token}`;
  }
  return presented.headers.authorization;
}
