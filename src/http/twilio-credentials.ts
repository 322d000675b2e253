import type { IncomingHttpHeaders } from "node:http";
import type { TwilioCredentials } from "../twilio/credentials.js";
import { UnauthenticatedError } from "../errors/gateway-errors.js";

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;

/**
 * A client may act as its own Twilio account by sending `Authorization: Basic` with an
 * Account SID and Auth Token, or an API Key SID and secret plus `X-Twilio-Account-Sid`.
 * Without that header the gateway's configured credentials apply. Other schemes (a router's
 * bearer token, say) are not Twilio credentials and are ignored.
 */
export function credentialsForRequest(
  headers: IncomingHttpHeaders,
  configured: TwilioCredentials | undefined,
): TwilioCredentials | undefined {
  const header = headers.authorization;
  if (!header || !/^basic\s/i.test(header)) return configured;

  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const username = colon > 0 ? decoded.slice(0, colon) : "";
  const password = colon > 0 ? decoded.slice(colon + 1) : "";
  if (!password) {
    throw new UnauthenticatedError(
      "Authorization: Basic must carry an Account SID or API Key SID and its secret",
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
