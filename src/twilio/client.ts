import http from "node:http";
import https from "node:https";
import got, { type Got, Options, RequestError, type Response, TimeoutError } from "got";
import type { TwilioCredentials } from "./credentials.js";
import {
  TwilioApiError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  WriteOutcome,
} from "../errors/gateway-errors.js";
import type { Context } from "@opentelemetry/api";
import type { Logger } from "../logging/logger.js";
import type { Tracing } from "../tracing/tracing.js";
import { GATEWAY_NAME, GATEWAY_VERSION } from "../version.js";
import { encodeTwilioForm, type FormParams } from "./form.js";
import type { BaseUrls, TwilioProduct } from "./products.js";

export type HttpMethod = "GET" | "POST" | "DELETE";

export interface TwilioRequest {
  product: TwilioProduct;
  /** A short name for logs, e.g. `conference.create`; never the URL. */
  operation: string;
  method: HttpMethod;
  /** Built with `twilioPath`, so every identifier in it is already percent-encoded. */
  path: string;
  /** The path with `{Name}` placeholders (`twilioPath`'s template): names the call's span. */
  pathTemplate?: string;
  form?: FormParams;
  query?: FormParams;
  headers?: Readonly<Record<string, string>>;
}

/** How one call ended: the HTTP status of Twilio's final answer, or why there was none. */
export type TwilioCallStatus = number | "timeout" | "network_error";

/**
 * Told about every call once it has an answer or has failed to get one. `seconds` covers the
 * whole call, including any 429 retries (which are not reported on their own).
 */
export type TwilioCallObserver = (
  operation: string,
  status: TwilioCallStatus,
  seconds: number,
) => void;

export interface TwilioClientOptions {
  baseUrls: BaseUrls;
  timeoutMs: number;
  /** How often a 429 is retried; other failures are never retried for a POST. */
  maxRetries: number;
  /** A 429 whose Retry-After asks for longer than this is returned, not waited for. */
  maxRetryAfterMs: number;
  logger: Logger;
  observe?: TwilioCallObserver;
  /** Starts a span per call; without it no call is traced. */
  tracing?: Pick<Tracing, "startTwilioCallSpan">;
}

/** Who a call is made for: the request's logger and the span it is part of. */
export interface TwilioCallContext {
  logger: Logger;
  /** The GraphQL operation's span context: each call's span is its child. */
  trace?: Context;
}

export const USER_AGENT = `${GATEWAY_NAME}/${GATEWAY_VERSION} (node/${process.versions.node})`;

/** Retries apply only to what Twilio cannot have processed: a 429 answer. */
const RETRY_STATUS_CODES = [429];

/**
 * The one upstream HTTP client. A single got instance (keep-alive agents) is shared by every
 * request; credentials are per call, so one process can serve several Twilio accounts.
 */
export class TwilioClient {
  readonly baseUrls: BaseUrls;
  private readonly http: Got;
  /** What every call's options start from: the instance's, normalised once. */
  private readonly defaults: Options;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private readonly observe: TwilioCallObserver | undefined;
  private readonly tracing: TwilioClientOptions["tracing"];
  private readonly authHeaders = new WeakMap<TwilioCredentials, string>();

  constructor(options: TwilioClientOptions) {
    this.baseUrls = options.baseUrls;
    this.timeoutMs = options.timeoutMs;
    this.logger = options.logger;
    this.observe = options.observe;
    this.tracing = options.tracing;
    this.http = got.extend({
      agent: {
        http: new http.Agent({ keepAlive: true }),
        https: new https.Agent({ keepAlive: true }),
      },
      headers: { "user-agent": USER_AGENT, accept: "application/json" },
      timeout: { request: options.timeoutMs },
      retry: {
        limit: options.maxRetries,
        methods: ["GET", "POST", "DELETE"],
        statusCodes: RETRY_STATUS_CODES,
        errorCodes: [],
        maxRetryAfter: options.maxRetryAfterMs,
        backoffLimit: options.maxRetryAfterMs,
      },
      throwHttpErrors: false,
      followRedirect: false,
      decompress: false,
      responseType: "text",
    });
    this.defaults = new Options(undefined, undefined, this.http.defaults.options);
    // got spreads `cacheOptions` into the object literal it makes for node:http on every call;
    // on Node 20's V8 a spread followed by some thirty more properties costs ≈ 60 µs (a slow
    // path later V8s fixed). The gateway uses no HTTP cache: with none, the spread is free.
    this.defaults.cacheOptions = {};
  }

  /**
   * Sends one request and returns the parsed JSON body (`undefined` for an empty 2xx).
   * Throws TwilioApiError for a Twilio error answer, UpstreamTimeoutError or
   * UpstreamUnavailableError when Twilio could not be reached or answered garbage. For a write
   * (POST, DELETE) the error states its `outcome` (see `writeOutcome` and `answerOutcome`).
   */
  async request<T>(
    credentials: TwilioCredentials,
    request: TwilioRequest,
    call: TwilioCallContext = { logger: this.logger },
  ): Promise<T | undefined> {
    const { logger } = call;
    const url = this.baseUrls[request.product] + request.path + queryString(request.query);
    const headers: Record<string, string> = {
      authorization: this.authorization(credentials),
      ...request.headers,
    };
    let body: string | undefined;
    if (request.form) {
      body = encodeTwilioForm(request.form);
      headers["content-type"] = "application/x-www-form-urlencoded";
    }

    const span =
      call.trace &&
      this.tracing?.startTwilioCallSpan(call.trace, {
        product: request.product,
        operation: request.operation,
        method: request.method,
        url,
        urlTemplate: request.pathTemplate ?? request.path,
      });
    const started = performance.now();
    let status: number;
    let text: string;
    let contentType: string | undefined;
    let twilioRequestId: string | undefined;
    try {
      const options = new Options(url, { method: request.method, headers, body }, this.defaults);
      const response = (await this.http(undefined, undefined, options)) as Response<string>;
      status = response.statusCode;
      text = response.body;
      contentType = response.headers["content-type"];
      twilioRequestId = singleHeader(response.headers["twilio-request-id"]);
    } catch (error) {
      const failure = error instanceof TimeoutError ? "timeout" : "network_error";
      this.observe?.(request.operation, failure, (performance.now() - started) / 1000);
      span?.end({ failure });
      throw this.networkError(
        request,
        error,
        logger,
        isWrite(request) ? sentOutcome(error) : undefined,
      );
    }
    const ms = performance.now() - started;
    this.observe?.(request.operation, status, ms / 1000);
    logger.debug(
      {
        operation: request.operation,
        status,
        ms: Math.round(ms),
      },
      "twilio request",
    );
    const answer = { status, text, contentType, twilioRequestId };
    if (!span) return this.interpret<T>(request, answer, logger);
    try {
      const result = this.interpret<T>(request, answer, logger);
      span.end({ status, twilioRequestId });
      return result;
    } catch (error) {
      const code = error instanceof TwilioApiError ? error.twilio.code : null;
      span.end({ status, twilioErrorCode: code, twilioRequestId });
      throw error;
    }
  }

  private interpret<T>(
    request: TwilioRequest,
    answer: TwilioAnswer,
    logger: Logger,
  ): T | undefined {
    const { status, text, contentType, twilioRequestId } = answer;
    const json = parseJson(text, contentType);
    const outcome = isWrite(request) ? answerOutcome(status) : undefined;
    if (status >= 200 && status < 300) {
      if (text.length === 0) return undefined;
      if (json === undefined) {
        throw new UpstreamUnavailableError(
          request.product,
          `unreadable answer (HTTP ${status})`,
          outcome,
        );
      }
      return json as T;
    }
    if (isTwilioErrorBody(json)) {
      logger.info(
        {
          operation: request.operation,
          status,
          code: json.code,
          twilioRequestId,
        },
        "twilio error",
      );
      throw new TwilioApiError(
        {
          code: typeof json.code === "number" ? json.code : null,
          status,
          message: json.message,
          moreInfo: typeof json.more_info === "string" ? json.more_info : null,
          ...(twilioRequestId ? { requestId: twilioRequestId } : {}),
        },
        outcome,
      );
    }
    logger.warn(
      {
        operation: request.operation,
        status,
      },
      "twilio answered without an error body",
    );
    if (status >= 500) {
      throw new UpstreamUnavailableError(request.product, `HTTP ${status}`, outcome);
    }
    throw new TwilioApiError(
      {
        code: null,
        status,
        message: `Twilio answered HTTP ${status} without an error body`,
        moreInfo: null,
      },
      outcome,
    );
  }

  private networkError(
    request: TwilioRequest,
    error: unknown,
    logger: Logger,
    outcome: WriteOutcome | undefined,
  ): Error {
    if (error instanceof TimeoutError) {
      logger.warn(
        {
          operation: request.operation,
          timeoutMs: this.timeoutMs,
          outcome,
        },
        "twilio timeout",
      );
      return new UpstreamTimeoutError(request.product, this.timeoutMs, outcome);
    }
    const code = error instanceof RequestError ? error.code : "unknown error";
    logger.warn({ operation: request.operation, code, outcome }, "twilio unreachable");
    return new UpstreamUnavailableError(request.product, code, outcome);
  }

  private authorization(credentials: TwilioCredentials): string {
    let header = this.authHeaders.get(credentials);
    if (header === undefined) {
      const pair = `${credentials.username}:${credentials.password}`;
      header = `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
      this.authHeaders.set(credentials, header);
    }
    return header;
  }
}

function isWrite(request: TwilioRequest): boolean {
  return request.method !== "GET";
}

/**
 * Whether a write that got no answer may have reached Twilio. got's timings say how far the
 * request got: `upload` is set once the whole request (headers and body) was handed to the
 * socket. Before that — connection refused, DNS failure, a reset or a timeout while connecting
 * or writing — Twilio cannot hold the complete request, and no HTTP server acts on an
 * incomplete one: NOT_SENT. After it, Twilio may have read and applied it however the
 * exchange ended (a timeout, a reset, a truncated answer): UNKNOWN. A reset that arrives after
 * the request was written but before the server read it is UNKNOWN too: nothing on this side
 * tells it from a reset after processing.
 */
function sentOutcome(error: unknown): WriteOutcome {
  const upload = error instanceof RequestError ? error.timings?.upload : undefined;
  return upload === undefined ? WriteOutcome.NotSent : WriteOutcome.Unknown;
}

/**
 * What an answer that is not a readable success says about a write: a 4xx (with Twilio's
 * error body or without) refuses the request, so nothing was applied (REJECTED; 429s the
 * client retried included); anything else — a 5xx, even with Twilio's error body, a 3xx, an
 * unreadable 2xx — may follow a write that was applied (UNKNOWN).
 */
function answerOutcome(status: number): WriteOutcome {
  return status >= 400 && status < 500 ? WriteOutcome.Rejected : WriteOutcome.Unknown;
}

/** What came back from Twilio, before it is read as a result or an error. */
interface TwilioAnswer {
  status: number;
  text: string;
  contentType: string | undefined;
  /** Twilio's `Twilio-Request-Id` (RQ…): what Twilio support asks for about a failed call. */
  twilioRequestId: string | undefined;
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function queryString(query: FormParams | undefined): string {
  if (!query) return "";
  const encoded = encodeTwilioForm(query);
  return encoded ? `?${encoded}` : "";
}

function parseJson(text: string, contentType: string | undefined): unknown {
  if (text.length === 0) return undefined;
  if (contentType !== undefined && !contentType.includes("json")) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

interface TwilioErrorBody {
  code?: unknown;
  message: string;
  more_info?: unknown;
}

function isTwilioErrorBody(value: unknown): value is TwilioErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { message?: unknown }).message === "string"
  );
}
