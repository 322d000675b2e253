import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallbackParams } from "../events/callback.js";
import type { Logger } from "../logging/logger.js";
import type { GatewayMetrics, TwilioCallbackOutcome } from "../metrics/gateway-metrics.js";
import { CALLBACK_ROUTE_PREFIX, type ProductCallbacks } from "../participants/callbacks.js";
import type { GatewayEvents } from "../participants/events/gateway-events.js";
import { PRODUCTS } from "../participants/registry.js";
import { verifyTwilioSignature } from "../twilio/signature.js";
import { readBody, sendJson } from "./body.js";

export interface TwilioCallbackRoutesOptions {
  /** The gateway's public base URL: what Twilio requested is this plus the request target. */
  publicUrl: string;
  /** The tokens each account's callbacks may be signed with. */
  authTokens: Readonly<Record<string, readonly string[]>>;
  events: GatewayEvents;
  metrics: GatewayMetrics | undefined;
  logger: Logger;
}

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

const FORM = "application/x-www-form-urlencoded";
const UNVERIFIED = "The callback's X-Twilio-Signature could not be verified";

/**
 * `POST /twilio/callbacks/<path>`, one route per product that declares callbacks. The
 * signature is the only authentication (Twilio cannot send the gateway's credentials): it is
 * checked against `PUBLIC_URL` plus the request target, never a URL rebuilt from `Host` or
 * `X-Forwarded-*`, with the tokens of the account the callback names. Anything unsigned,
 * signed wrongly or for an account without a token is 403 and publishes nothing; a signed
 * callback that is no participant event is 200 and ignored; a malformed one 400.
 */
export function twilioCallbackRoutes(options: TwilioCallbackRoutesOptions): Array<[string, Route]> {
  return PRODUCTS.flatMap(({ name, callbacks }) =>
    callbacks
      ? [[CALLBACK_ROUTE_PREFIX + callbacks.path, callbackRoute(name, callbacks, options)]]
      : [],
  );
}

function callbackRoute(
  product: string,
  callbacks: ProductCallbacks,
  options: TwilioCallbackRoutesOptions,
): Route {
  const { events, logger } = options;
  return async (req, res, url) => {
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return sendJson(res, 405, { error: "Twilio callbacks are POST requests" });
    }
    const answer = (status: number, outcome: TwilioCallbackOutcome, reason?: string) => {
      options.metrics?.countTwilioCallback(product, outcome);
      const log = status >= 400 ? logger.warn.bind(logger) : logger.debug.bind(logger);
      log({ product, outcome, status, reason }, "twilio callback");
      if (status === 200) {
        res.statusCode = 200;
        res.end();
      } else {
        // Why a signature failed is for the log: a forger learns nothing from the answer.
        sendJson(res, status, { error: status === 403 ? UNVERIFIED : reason });
      }
    };
    const receivedAt = new Date();
    const raw = await readBody(req);
    if (raw === undefined) return answer(413, "malformed", "The body is larger than 1 MiB");
    const params = isForm(req.headers["content-type"]) ? formParams(raw) : [];
    const accountSid = params.find(([name]) => name === "AccountSid")?.[1];
    const tokens = accountSid === undefined ? undefined : options.authTokens[accountSid];
    if (tokens === undefined || tokens.length === 0) {
      return answer(403, "unknown_account", "No auth token is configured for this account");
    }
    const signature = req.headers["x-twilio-signature"];
    if (typeof signature !== "string" || signature === "") {
      return answer(403, "unsigned", "X-Twilio-Signature is missing");
    }
    const signed = verifyTwilioSignature(
      { url: options.publicUrl + requestTarget(req), signature, formParams: params, rawBody: raw },
      tokens,
    );
    if (!signed) return answer(403, "bad_signature", "X-Twilio-Signature does not match");

    const parsed = callbacks.parse(params, { receivedAt, query: url.searchParams });
    if (parsed.outcome === "ignored") return answer(200, "ignored", parsed.reason);
    if (parsed.outcome === "rejected") return answer(400, "malformed", parsed.reason);
    const token = req.headers["i-twilio-idempotency-token"];
    try {
      const published = await events.publishTwilioEvent(
        parsed.record,
        typeof token === "string" ? token : undefined,
      );
      return answer(200, published);
    } catch (error) {
      logger.error(
        { product, error: error instanceof Error ? error.message : String(error) },
        "could not publish a Twilio callback's event",
      );
      return answer(503, "failed", "The event could not be published");
    }
  };
}

/** The target as received (path and query), which is what Twilio signed after the base URL. */
function requestTarget(req: IncomingMessage): string {
  const target = req.url ?? "/";
  if (target.startsWith("/")) return target;
  // Absolute form (`POST http://host/path`): only its path and query are ours.
  try {
    const url = new URL(target);
    return url.pathname + url.search;
  } catch {
    return target;
  }
}

function isForm(contentType: string | undefined): boolean {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase() === FORM;
}

/** Twilio's form encoding (`+` is a space), every pair in order, repeated names kept. */
function formParams(body: string): CallbackParams {
  return [...new URLSearchParams(body)];
}
