import type { Principal } from "../auth/principal.js";
import type { ParticipantEventFilter } from "../events/filter.js";
import type { ParticipantEventRecord } from "../events/record.js";
import type { EventStreamItem } from "../events/stream.js";
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
  /** Live participant events: the gateway's own to publish, a subscriber's to receive. */
  events: RequestEvents;
  /**
   * This request's instance of a per-request helper, made on first use: DataLoaders, so their
   * caches never outlive the request or cross credentials, and mutations-only requests pay
   * nothing for them.
   */
  loader<T>(create: (twilio: TwilioScope) => T): T;
}

/** Live participant events as one request (or one subscription) sees them. */
export interface RequestEvents {
  /**
   * `<PUBLIC_URL>/twilio/callbacks/<path>`, where Twilio can call the gateway back about a
   * product; undefined when there is no such URL (no PUBLIC_URL in live mode).
   */
  callbackUrl(path: string): string | undefined;
  /**
   * Publishes an event of the account, of the gateway's own doing (an add, update or remove it
   * made). `record` builds it, and is called only when the event could do anything: reach a
   * subscriber, or (with a public URL) remember what Twilio's callbacks will be matched by;
   * most writes have neither. Never rejects: the change is made at Twilio whatever happens to
   * the event, so a failure is logged.
   */
  publish(accountSid: string, record: () => ParticipantEventRecord): Promise<void>;
  /**
   * The account's events that pass `filter`, for a subscription field; throws when a bound
   * (per connection, per caller) is reached.
   */
  subscribe(
    accountSid: string,
    filter: ParticipantEventFilter,
  ): Promise<AsyncIterableIterator<EventStreamItem>>;
}

export type RequestContextInput = Omit<GatewayContext, "loader">;

export function createContext(input: RequestContextInput): GatewayContext {
  const loaders = new Map<(twilio: TwilioScope) => unknown, unknown>();
  const loader = <T>(create: (twilio: TwilioScope) => T): T => {
    let made = loaders.get(create) as T | undefined;
    if (made === undefined) {
      made = create(input.twilio);
      loaders.set(create, made);
    }
    return made;
  };
  // Not `{ ...input, loader }`: a leading spread followed by a new property takes a slow path in
  // Node 20's V8 (≈ 1 µs, on every request).
  return Object.assign({ loader }, input);
}
