import { silentLogger } from "../../src/logging/logger.js";
import { TwilioClient, type TwilioClientOptions } from "../../src/twilio/client.js";
import type { TwilioCredentials } from "../../src/twilio/credentials.js";

/** Credentials for tests of the client itself: obviously fake, an account's own. */
export const TEST_CREDENTIALS: TwilioCredentials = {
  accountSid: "AC" + "1".repeat(32),
  username: "AC" + "1".repeat(32),
  password: "test-token-not-real",
};

/** The Twilio client with every product at `url`; options as a test needs them. */
export function twilioClientAt(
  url: string,
  options: Partial<Omit<TwilioClientOptions, "baseUrls">> = {},
): TwilioClient {
  return new TwilioClient({
    baseUrls: { proxy: url, flex: url, conversations: url, api: url },
    timeoutMs: 500,
    maxRetries: 2,
    maxRetryAfterMs: 1500,
    logger: silentLogger,
    ...options,
  });
}
