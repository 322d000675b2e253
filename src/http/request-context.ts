import type { IncomingHttpHeaders } from "node:http";
import type { Principal } from "../auth/principal.js";
import { createContext, type GatewayContext } from "../graphql/context.js";
import type { Logger } from "../logging/logger.js";
import type { GatewayEvents } from "../participants/events/gateway-events.js";
import type { Tracing } from "../tracing/tracing.js";
import type { TwilioClient } from "../twilio/client.js";
import type { TwilioCredentials, TwilioMode } from "../twilio/credentials.js";
import { scopeToRequest } from "../twilio/request-scope.js";
import type { WriteRateLimiter } from "../twilio/write-rate-limit.js";

export interface RequestContextOptions {
  twilio: TwilioClient;
  logger: Logger;
  mode: TwilioMode;
  events: GatewayEvents;
  tracing: Tracing;
  /** The configured credentials: Twilio refusing them is the operator's problem, not the caller's. */
  configuredCredentials: TwilioCredentials | undefined;
  /** Per-caller budget of Twilio writes; none: unlimited. */
  writeRateLimiter: WriteRateLimiter | undefined;
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
  /** The caller's headers: a router's `traceparent` continues its trace. */
  headers: IncomingHttpHeaders;
}

/** Makes the GraphQL context of a request, the same whichever transport it came by. */
export function requestContexts(options: RequestContextOptions) {
  const { tracing } = options;
  return (caller: RequestCaller): GatewayContext => {
    const { requestId, principal, credentials } = caller;
    const logger = options.logger.child({ requestId, principal: principal.id });
    const operationSpan = tracing.startOperationSpan(tracing.extractTraceContext(caller.headers));
    return createContext({
      requestId,
      mode: options.mode,
      principal,
      hasCredentials: credentials !== undefined,
      logger,
      operationSpan,
      twilio: scopeToRequest(options.twilio, {
        credentials,
        principal,
        credentialsOwner: credentials === options.configuredCredentials ? "gateway" : "caller",
        maxConcurrent: options.twilioConcurrencyPerRequest,
        maxCalls: options.twilioMaxCallsPerRequest,
        writeRateLimiter: options.writeRateLimiter,
        logger,
        trace: operationSpan.context,
      }),
      events: options.events.forRequest(principal, caller.connection, logger),
    });
  };
}

export type RequestContexts = ReturnType<typeof requestContexts>;
