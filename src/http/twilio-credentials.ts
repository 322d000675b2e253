import type { IncomingHttpHeaders } from "node:http";
import { type AuthorizationValue, parseAuthorization } from "../auth/authorization-header.js";
import type { TwilioCredentials } from "../twilio/credentials.js";
import { UnauthenticatedError } from "../errors/gateway-errors.js";

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * A client may act as its own Twilio account, when the operator allows it
 * (`TWILIO_REQUEST_CREDENTIALS`), by sending Basic credentials — an Account SID and Auth Token,
 * or an API Key SID and secret plus `X-Twilio-Account-Sid` — in `X-Twilio-Authorization`, or,
 * on a gateway without access control, in `Authorization`. Without them the configured
 * credentials apply. Credentials that are sent but cannot be used (turned off, empty,
 * malformed) are refused: never silently replaced by the configured ones.
 */
export function credentialsForRequest(
  headers: IncomingHttpHeaders,
  configured: TwilioCredentials | undefined,
  allowed: boolean,
): TwilioCredentials | undefined {
  const presented = presentedTwilioCredentials(headers);
  if (presented === undefined) return configured;
  if (!allowed) {
    throw new UnauthenticatedError(
      "This gateway does not take Twilio credentials from requests (TWILIO_REQUEST_CREDENTIALS)",
    );
  }

  const encoded = presented.credentials;
  const decoded = BASE64.test(encoded) ? Buffer.from(encoded, "base64").toString("utf8") : "";
  const colon = decoded.indexOf(":");
  const username = colon > 0 ? decoded.slice(0, colon) : "";
  const password = colon > 0 ? decoded.slice(colon + 1) : "";
  if (!password) {
    throw new UnauthenticatedError(
      "Basic credentials must carry an Account SID or API Key SID and its secret",
    );
  }
  if (ACCOUNT_SID.test(username)) return { accountSid: username, username, password };
  if (API_KEY_SID.test(username)) {
    const accountHeader = headers["x-twilio-account-sid"];
    const accountSid = typeof accountHeader === "string" ? accountHeader : configured?.accountSid;
    if (!accountSid || !ACCOUNT_SID.test(accountSid)) {
      throw new UnauthenticatedError(
        "An API Key needs the account it belongs to in X-Twilio-Account-Sid",
      );
    }
    return { accountSid, username, password };
  }
  throw new UnauthenticatedError(
    "The Basic username must be an Account SID (AC…) or API Key SID (SK…)",
  );
}

/** `X-Twilio-Authorization` (always Twilio's), else an `Authorization` with the Basic scheme. */
function presentedTwilioCredentials(headers: IncomingHttpHeaders): AuthorizationValue | undefined {
  const dedicated = headers["x-twilio-authorization"];
  if (typeof dedicated === "string") {
    const value = parseAuthorization(dedicated);
    if (value.scheme !== "basic") {
      throw new UnauthenticatedError("X-Twilio-Authorization must be Basic credentials");
    }
    return value;
  }
  const authorization = headers.authorization;
  if (authorization === undefined) return undefined;
  const value = parseAuthorization(authorization);
  return value.scheme === "basic" ? value : undefined;
}
