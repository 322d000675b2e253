import { TwilioApiError } from "../errors/gateway-errors.js";
import type { Logger } from "../logging/logger.js";
import type { TwilioClient } from "./client.js";
import type { TwilioCredentials } from "./credentials.js";
import { twilioPath } from "./path.js";

/** Twilio's answers that mean "not these credentials, not for this account". */
const REFUSED = new Set([401, 403, 404]);

/**
 * Whether Twilio accepts `credentials` for their account: one GET of the account resource,
 * which an auth token and an API key of the account may both read. Where nothing else calls
 * Twilio with a caller's credentials (a subscription), this is what proves them. Throws when
 * Twilio could not be asked (timeout, unavailable).
 */
export async function twilioAcceptsCredentials(
  client: TwilioClient,
  credentials: TwilioCredentials,
  logger: Logger,
): Promise<boolean> {
  const path = twilioPath`/2010-04-01/Accounts/${credentials.accountSid}.json`;
  try {
    await client.request(
      credentials,
      {
        product: "api",
        operation: "account.fetch",
        method: "GET",
        path: path.path,
        pathTemplate: path.template,
      },
      { logger },
    );
    return true;
  } catch (error) {
    if (error instanceof TwilioApiError && REFUSED.has(error.twilio.status)) return false;
    throw error;
  }
}
