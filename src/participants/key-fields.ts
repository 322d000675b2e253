import { UpstreamUnavailableError } from "../errors/gateway-errors.js";
import type { TwilioProduct } from "../twilio/products.js";
import { sid } from "../validation/formats.js";

/**
 * A participant's entity key fields are non-null `ID!`s: they are what addresses it at Twilio,
 * and what another subgraph stores to reference it. Twilio's answer is their source; where an
 * odd answer omits one, the request still knows it, because the request's path named it.
 */

/** A parent's SID (conference, session, channel, conversation): the answer's, else the path's. */
export function pathKey(answered: string | null, requested: string): string {
  return answered ?? requested;
}

/**
 * The participant's own SID: the answer's, else the request's when the request named the
 * participant by its SID (not by a label or identity). An answer that names no participant at
 * all (a create's or a list's, which Twilio documents with a SID) cannot be reported as one.
 */
export function ownSid(
  product: TwilioProduct,
  prefix: string,
  answered: string | null,
  requested: string | null | undefined,
): string {
  if (answered !== null) return answered;
  if (requested && sid(prefix)(requested) === undefined) return requested;
  throw new UpstreamUnavailableError(
    product,
    `its answer names no participant (no ${prefix} SID); the request may have taken effect`,
  );
}
