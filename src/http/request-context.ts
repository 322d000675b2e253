import type { Principal } from "../auth/principal.js";
import { createContext, type GatewayContext } from "../graphql/context.js";
import type { Logger } from "../logging/logger.js";
import type { GatewayEvents } from "../participants/events/gateway-events.js";
import type { TwilioClient } from "../twilio/client.js";
import type { TwilioCredentials, TwilioMode } from "../twilio/credentials.js";
import { scopeToRequest } from "../twilio/request-scope.js";

export interface RequestContextOptions {
  twilio: TwilioClient;
  logger: Logger;
  mode: TwilioMode;
  events: GatewayEvents;
  twilioConcurrencyPerRequest: number;
  twilioMaxCallsPerRequest: number;
}

/** One request's (or one subscription's) caller, as its transport established it. */
export interface RequestCaller {
  requestId: string;
  principal: Principal;
  /** The request's own Twilio credentials, or the configured ones. */
  credentials: TwilioCredentials | undefined;
  /** What the request's subscriptions are counted against: its WebSocket, or itself. */
  connection: object;
}

/** Makes the GraphQL context of a request, the same whichever transport it came by. */
export function requestContexts(options: RequestContextOptions) {
  return (caller: RequestCaller): GatewayContext => {
    const logger = options.logger.child({ requestId: caller.requestId });
    return createContext({
      requestId: caller.requestId,
      mode: options.mode,
      principal: caller.principal,
      hasCredentials: caller.credentials !== undefined,
      logger,
      twilio: scopeToRequest(options.twilio, {
        credentials: caller.credentials,
        maxConcurrent: options.twilioConcurrencyPerRequest,
        maxCalls: options.twilioMaxCallsPerRequest,
        logger,
      }),
      events: options.events.forRequest(caller.principal, caller.connection, logger),
    });
  };
}

export type RequestContexts = ReturnType<typeof requestContexts>;
