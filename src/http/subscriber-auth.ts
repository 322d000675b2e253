import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Authenticate, PresentedCredentials } from "../auth/authenticate.js";
import type { Principal } from "../auth/principal.js";
import { UnauthenticatedError } from "../errors/gateway-errors.js";
import type { Logger } from "../logging/logger.js";
import type { TwilioClient } from "../twilio/client.js";
import type { TwilioCredentials } from "../twilio/credentials.js";
import { twilioAcceptsCredentials } from "../twilio/credentials-check.js";
import { credentialsForRequest } from "./twilio-credentials.js";

/** Who holds a subscription connection: the caller, and the Twilio account whose events it sees. */
export interface Subscriber {
  principal: Principal;
  credentials: TwilioCredentials | undefined;
}

export interface SubscriberAuthOptions {
  authenticate: Authenticate;
  /** The configured credentials; a connection may bring its own when `requestCredentials`. */
  configured: TwilioCredentials | undefined;
  requestCredentials: boolean;
  twilio: TwilioClient;
  logger: Logger;
}

/** The Twilio credential headers a WebSocket client may send in its `connection_init` payload. */
const CREDENTIAL_HEADERS = [
  "authorization",
  "x-twilio-authorization",
  "x-twilio-account-sid",
] as const;

/**
 * Admits a subscription connection (a WebSocket at `connection_init`, an SSE request) or throws
 * an UnauthenticatedError. Access control decides who the caller is. Its events are those of its
 * Twilio credentials' account; a subscription makes no Twilio call that would prove a caller's
 * own credentials (anyone can name an Account SID), so Twilio is asked once here, unless they
 * are the configured ones.
 */
export function subscriberAuthenticator(options: SubscriberAuthOptions) {
  const { configured } = options;
  return async (presented: PresentedCredentials): Promise<Subscriber> => {
    const principal = await options.authenticate(presented);
    const credentials = credentialsForRequest(
      credentialHeaders(presented),
      configured,
      options.requestCredentials,
    );
    if (credentials !== undefined && !sameCredentials(credentials, configured)) {
      const accepted = await twilioAcceptsCredentials(options.twilio, credentials, options.logger);
      if (!accepted) {
        throw new UnauthenticatedError(
          "Twilio does not accept these credentials for the account they name",
        );
      }
    }
    return { principal, credentials };
  };
}

/**
 * The request's headers, where a WebSocket's `connection_init` payload may stand in for them
 * (browsers cannot set headers on a WebSocket; routers forward them there): a payload key
 * `Authorization`, `X-Twilio-Authorization` or `X-Twilio-Account-Sid` (any case) wins over the
 * upgrade request's header.
 */
function credentialHeaders(presented: PresentedCredentials): IncomingHttpHeaders {
  const params = presented.connectionParams;
  if (params === undefined) return presented.headers;
  const headers = { ...presented.headers };
  for (const [key, value] of Object.entries(params)) {
    const name = key.toLowerCase();
    if (typeof value === "string" && (CREDENTIAL_HEADERS as readonly string[]).includes(name)) {
      headers[name] = value;
    }
  }
  return headers;
}

function sameCredentials(a: TwilioCredentials, b: TwilioCredentials | undefined): boolean {
  if (b === undefined) return false;
  if (a === b) return true;
  return (
    a.accountSid === b.accountSid && a.username === b.username && sameSecret(a.password, b.password)
  );
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
