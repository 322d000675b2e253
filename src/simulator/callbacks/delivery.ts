import { randomUUID } from "node:crypto";
import { Agent as HttpAgent, request as httpRequest, type ClientRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Scheduler } from "../clock.js";
import { httpUrl } from "./http-url.js";
import { twilioSignature, type FormPair } from "./signature.js";

export type CallbackMethod = "GET" | "POST";

/** Where a callback goes: a URL and the method its owner asked for. */
export interface CallbackTarget {
  url: string;
  method: CallbackMethod;
}

export interface Callback extends CallbackTarget {
  /** The account whose auth token signs the request. */
  accountSid: string;
  params: readonly FormPair[];
  /** How long Twilio waits for this product's receivers, unless `callbackTimeoutMs` says otherwise. */
  timeoutMs: number;
}

export interface CallbackOptions {
  /** Retries after a failed attempt (non-2xx, connection error, timeout). Default 2. */
  callbackRetries?: number;
  /** Wait before the first retry; each further retry waits twice as long. Default 500. */
  callbackRetryDelayMs?: number;
  /** Per-attempt limit; default 15000 for Voice, 5000 for Conversations, as at Twilio. */
  callbackTimeoutMs?: number;
}

const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
/** What Twilio's webhook requests say they are. */
const USER_AGENT = "TwilioProxy/1.1";

interface PreparedRequest {
  url: URL;
  method: CallbackMethod;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
  /** Safe to log: no user info, no query. */
  label: string;
}

/**
 * Sends callbacks as Twilio does: form-encoded, signed with the account's auth token, each with an
 * `I-Twilio-Idempotency-Token` that its retries repeat. Delivery runs in the background; nothing
 * waits for it, and `close()` abandons whatever is still in flight or waiting to be retried.
 */
export class CallbackDelivery {
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number | undefined;
  private readonly inFlight = new Set<ClientRequest>();
  private readonly unsignable = new Set<string>();
  // Own agents without keep-alive: no idle connection to a receiver outlives a delivery.
  private readonly httpAgent = new HttpAgent({ keepAlive: false });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: false });

  constructor(
    private readonly scheduler: Scheduler,
    private readonly authTokens: ReadonlyMap<string, string>,
    options: CallbackOptions,
  ) {
    this.retries = options.callbackRetries ?? 2;
    this.retryDelayMs = options.callbackRetryDelayMs ?? 500;
    this.timeoutMs = options.callbackTimeoutMs;
    if (!Number.isInteger(this.retries) || this.retries < 0 || this.retries > 10) {
      throw new RangeError("callbackRetries must be a whole number from 0 to 10");
    }
    if (!Number.isFinite(this.retryDelayMs) || this.retryDelayMs < 0) {
      throw new RangeError(
        "callbackRetryDelayMs must be a finite number of milliseconds, 0 or more",
      );
    }
    if (this.timeoutMs !== undefined && !(Number.isFinite(this.timeoutMs) && this.timeoutMs > 0)) {
      throw new RangeError("callbackTimeoutMs must be a finite number of milliseconds above 0");
    }
  }

  send(callback: Callback): void {
    if (this.scheduler.isClosed) return;
    const prepared = this.prepare(callback);
    if (prepared !== undefined) void this.deliver(prepared, 1);
  }

  close(): void {
    for (const request of this.inFlight) request.destroy();
    this.inFlight.clear();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private prepare(callback: Callback): PreparedRequest | undefined {
    const authToken = this.authTokens.get(callback.accountSid);
    if (authToken === undefined) {
      if (!this.unsignable.has(callback.accountSid)) {
        this.unsignable.add(callback.accountSid);
        console.warn(
          `simulator: no auth token for ${callback.accountSid} to sign its callbacks with (its credentials are API keys); ` +
            "pass it in the authTokens option. Its callbacks are not sent.",
        );
      }
      return undefined;
    }
    // A fragment holds Twilio's connection overrides: never sent, never signed.
    const configured = callback.url.split("#", 1)[0]!;
    const url = httpUrl(configured);
    if (url === undefined) {
      console.warn("simulator: a callback URL is not an absolute http(s) URL; callback not sent");
      return undefined;
    }
    const form = encodeForm(callback.params);
    const isGet = callback.method === "GET";
    // Twilio signs the URL it requests: for GET that includes the parameters it appended.
    const requested = isGet
      ? `${configured}${configured.includes("?") ? "&" : "?"}${form}`
      : configured;
    const headers: Record<string, string> = {
      Accept: "*/*",
      "User-Agent": USER_AGENT,
      "I-Twilio-Idempotency-Token": randomUUID(),
      "X-Twilio-Signature": twilioSignature(authToken, requested, isGet ? [] : callback.params),
    };
    if (!isGet) {
      headers["Content-Type"] = FORM_CONTENT_TYPE;
      headers["Content-Length"] = String(Buffer.byteLength(form));
    }
    return {
      url: new URL(requested),
      method: callback.method,
      headers,
      body: isGet ? undefined : form,
      timeoutMs: this.timeoutMs ?? callback.timeoutMs,
      label: `${callback.method} ${url.origin}${url.pathname}`,
    };
  }

  private async deliver(prepared: PreparedRequest, attempt: number): Promise<void> {
    const failure = await this.attempt(prepared);
    if (failure === undefined || this.scheduler.isClosed) return;
    if (attempt > this.retries) {
      console.warn(
        `simulator: callback ${prepared.label} failed ${attempt} times (${failure}); giving up`,
      );
      return;
    }
    this.scheduler.after(this.retryDelayMs * 2 ** (attempt - 1), () => {
      void this.deliver(prepared, attempt + 1);
    });
  }

  /** Undefined when the receiver answered 2xx, otherwise what went wrong. */
  private attempt(prepared: PreparedRequest): Promise<string | undefined> {
    return new Promise((resolve) => {
      const isHttps = prepared.url.protocol === "https:";
      const request = (isHttps ? httpsRequest : httpRequest)(prepared.url, {
        method: prepared.method,
        headers: prepared.headers,
        agent: isHttps ? this.httpsAgent : this.httpAgent,
      });
      this.inFlight.add(request);
      const cancelTimeout = this.scheduler.after(prepared.timeoutMs, () =>
        request.destroy(new Error(`no answer within ${prepared.timeoutMs} ms`)),
      );
      const settle = (failure: string | undefined): void => {
        cancelTimeout();
        this.inFlight.delete(request);
        resolve(failure);
      };
      request.on("response", (response) => {
        // Twilio reads nothing of a callback's answer but its status.
        response.resume();
        const status = response.statusCode ?? 0;
        settle(status >= 200 && status < 300 ? undefined : `HTTP ${status}`);
      });
      request.on("error", (error) => settle(error.message));
      request.end(prepared.body);
    });
  }
}

/**
 * Twilio's webhook bodies are HTML-form encoded: a space is `+`, and `+` in a phone number is
 * `%2B`. URLSearchParams serialises exactly that way.
 */
function encodeForm(params: readonly FormPair[]): string {
  return new URLSearchParams(
    params.map(([name, value]): [string, string] => [name, value]),
  ).toString();
}
