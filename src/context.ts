import type { TwilioCredentials, TwilioMode } from "./config.js";
import { NotConfiguredError } from "./errors.js";
import type { TwilioClient } from "./twilio/client.js";

/** What every resolver gets for one GraphQL request. */
export interface GatewayContext {
  twilio: TwilioClient;
  mode: TwilioMode;
  /** The request's own Basic credentials when it sent some, else the configured ones. */
  credentials: TwilioCredentials | undefined;
}

export function requireCredentials(context: GatewayContext): TwilioCredentials {
  if (!context.credentials) throw new NotConfiguredError();
  return context.credentials;
}
