import type { CallbackOutcome, CallbackParams } from "../events/callback.js";
import type { LiveEvents } from "../events/live-events.js";
import type { ParticipantEventRecord } from "../events/record.js";

/** Where Twilio's callbacks reach the gateway: this, then the product's `path`. */
export const CALLBACK_ROUTE_PREFIX = "/twilio/callbacks/";

/** `<PUBLIC_URL>/twilio/callbacks/<path>`: what the gateway gives Twilio, and signatures are checked against. */
export function callbackUrl(publicUrl: string, path: string): string {
  return `${publicUrl}${CALLBACK_ROUTE_PREFIX}${path}`;
}

/** A signature-checked callback request, besides its form fields. */
export interface CallbackRequest {
  readonly receivedAt: Date;
  /** The callback URL's query (signed with the rest): values the operator put in the URL. */
  readonly query: URLSearchParams;
}

/**
 * How Twilio calls back about a product's participants (Voice and Conversations do; Proxy and
 * Flex do not): the route `POST /twilio/callbacks/<path>` is served for each product that
 * declares one.
 */
export interface ProductCallbacks {
  /** The participant kind its events are of (`CONFERENCE`). */
  readonly kind: string;
  /** The route's last segment (`conference`). */
  readonly path: string;
  /** Twilio's form fields as an event, or why they are none. */
  parse(params: CallbackParams, request: CallbackRequest): CallbackOutcome;
  /**
   * Runs on every event of this kind before it is published, the gateway's own included: fills
   * in what an event alone does not carry, and remembers what later events will need.
   */
  correlate?(record: ParticipantEventRecord, live: LiveEvents): Promise<ParticipantEventRecord>;
}
