import type { Principal } from "../auth/principal.js";
import type { Logger } from "../logging/logger.js";
import type { OperationSpan } from "../tracing/operation-span.js";
import type { TwilioMode } from "../twilio/credentials.js";
import type { TwilioScope } from "../twilio/request-scope.js";

/** What every resolver gets for one GraphQL request. */
export interface GatewayContext {
  /** Ties this request's log lines to the caller's: echoed as the X-Request-Id response header. */
  requestId: string;
  mode: TwilioMode;
  /** Who is calling, as access control established it. */
  principal: Principal;
  /** Twilio for this request: its credentials bound in, its calls bounded. */
  twilio: TwilioScope;
  /** Whether the request has Twilio credentials at all (the configured or its own). */
  hasCredentials: boolean;
  /** This request's logger: every line carries the request id. */
  logger: Logger;
  /** The request's span: named and ended by the tracing plugin, parent of its Twilio calls. */
  operationSpan: OperationSpan;
  /**
   * This request's instance of a per-request helper, made on first use: DataLoaders, so their
   * caches never outlive the request or cross credentials, and mutations-only requests pay
   * nothing for them.
   */
  loader<T>(create: (twilio: TwilioScope) => T): T;
}

export type RequestContextInput = Omit<GatewayContext, "loader">;

export function createContext(input: RequestContextInput): GatewayContext {
  const loaders = new Map<(twilio: TwilioScope) => unknown, unknown>();
  return {
    ...input,
    loader<T>(create: (twilio: TwilioScope) => T): T {
      let loader = loaders.get(create) as T | undefined;
      if (loader === undefined) {
        loader = create(input.twilio);
        loaders.set(create, loader);
      }
      return loader;
    },
  };
}
