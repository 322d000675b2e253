import type { TwilioCredentials, TwilioMode } from "../config/config.js";
import { NotConfiguredError } from "../errors/gateway-errors.js";
import { createRequestLoaders, type RequestLoaders } from "../request-loaders.js";
import type { TwilioApi } from "../twilio/client.js";

/** What every resolver gets for one GraphQL request. */
export interface GatewayContext {
  twilio: TwilioApi;
  mode: TwilioMode;
  /** The request's own Basic credentials when it sent some, else the configured ones. */
  credentials: TwilioCredentials | undefined;
  /** Ties this request's log line to the caller's: echoed as the X-Request-Id response header. */
  requestId: string;
  /** This request's DataLoaders, made on first use (see `loadersFor`). */
  loaders?: RequestLoaders;
}

export function requireCredentials(context: GatewayContext): TwilioCredentials {
  if (!context.credentials) throw new NotConfiguredError();
  return context.credentials;
}

/** The request's loaders, created on first use so mutations-only requests pay nothing. */
export function loadersFor(context: GatewayContext): RequestLoaders {
  context.loaders ??= createRequestLoaders(context.twilio, requireCredentials(context));
  return context.loaders;
}
