import type { IncomingMessage, ServerResponse } from "node:http";
import type { ExecutionArgs, ExecutionResult } from "graphql";
import { createHandler, type OperationResult } from "graphql-sse";
import type { PresentedCredentials } from "../auth/authenticate.js";
import { ErrorCode, UnauthenticatedError } from "../errors/gateway-errors.js";
import { type ErrorFormatter, formatErrors } from "../gateway/plugins/error-format.js";
import type { GatewayContext } from "../graphql/context.js";
import type { Logger } from "../logging/logger.js";
import { readBody, sendGraphQLError, sendJson } from "./body.js";
import type { RequestContexts } from "./request-context.js";
import { requestIdOf } from "./request-id.js";
import type { Subscriber } from "./subscriber-auth.js";
import { subscribeSharingEvents } from "./subscription-execution.js";
import {
  executionArgs,
  formatResult,
  type SubscriptionOperations,
} from "./subscription-operation.js";

export interface SseSubscriptionsOptions {
  operations: SubscriptionOperations;
  contexts: RequestContexts;
  admit(presented: PresentedCredentials): Promise<Subscriber>;
  format: ErrorFormatter;
  keepAliveMs: number;
  logger: Logger;
  /** True once shutdown has begun: new streams are refused with 503. */
  draining(): boolean;
}

interface StreamRequest {
  context: GatewayContext;
  res: ServerResponse;
  /** A trusted document's id, which graphql-sse does not read from the request itself. */
  documentId: unknown;
}

/** graphql-sse's name for the context type; ours is GatewayContext, which it only passes along. */
type OperationContext = Record<PropertyKey, unknown>;

const EVENT_STREAM = "text/event-stream";
/** An SSE comment: ignored by clients, enough to keep proxies from timing the stream out. */
const KEEP_ALIVE = ":\n\n";

/**
 * `/graphql/stream`: GraphQL over Server-Sent Events (graphql-sse, "distinct connections
 * mode": one subscription per request, GET or POST with `Accept: text/event-stream`). The
 * request is admitted before anything runs (HTTP 401 if not). Events are written no faster
 * than the client reads them, so a slow client's own bounded queue fills and its subscription
 * ends with SUBSCRIBER_TOO_SLOW, instead of the events piling up in the server.
 */
export function sseSubscriptionsRoute(options: SseSubscriptionsOptions) {
  const { operations, format, logger } = options;
  const handler = createHandler<IncomingMessage, StreamRequest, OperationContext>({
    // No stream tokens: the "single connection mode" (PUT, DELETE) is not served.
    authenticate: () => null,
    onSubscribe(req, params) {
      const prepared = operations.prepare({
        ...params,
        documentId: req.context.documentId,
      });
      if ("errors" in prepared) {
        return [
          JSON.stringify({ errors: formatErrors(prepared.errors, format) }),
          {
            status: 400,
            statusText: "Bad Request",
            headers: { "content-type": "application/json; charset=utf-8" },
          },
        ];
      }
      return executionArgs(prepared.args, req.context.context) as ExecutionArgs & {
        contextValue: OperationContext;
      };
    },
    subscribe: subscribeSharingEvents,
    onOperation: (_ctx, req, _args, result) => paced(result, req.context.res),
    onNext: (_ctx, _req, result) =>
      formatResult(result as ExecutionResult, format) as ExecutionResult,
  });

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "GET" && req.method !== "POST") {
      res.setHeader("allow", "GET, POST");
      return sendGraphQLError(res, 405, "Use GET or POST", "BAD_REQUEST");
    }
    if (!(req.headers.accept ?? "").includes(EVENT_STREAM)) {
      return sendGraphQLError(
        res,
        406,
        `Subscriptions here are Server-Sent Events: send Accept: ${EVENT_STREAM}`,
        "BAD_REQUEST",
      );
    }
    if (options.draining()) {
      return sendJson(res, 503, { errors: [{ message: "The gateway is shutting down" }] });
    }
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    let subscriber: Subscriber;
    try {
      subscriber = await options.admit({ headers: req.headers });
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        return sendGraphQLError(res, 401, error.message, ErrorCode.Unauthenticated);
      }
      logger.warn({ requestId, error: errorName(error) }, "could not admit an SSE subscriber");
      return sendJson(res, 503, { errors: [{ message: "Try again later" }] });
    }
    const context = options.contexts({
      requestId,
      principal: subscriber.principal,
      credentials: subscriber.credentials,
      connection: req,
      headers: req.headers,
    });
    const url = new URL(req.url ?? "/", "http://localhost");
    const streamRequest: StreamRequest = {
      context,
      res,
      documentId: url.searchParams.get("documentId") ?? undefined,
    };
    const [body, init] = await handler({
      method: req.method,
      url: req.url ?? "/",
      headers: { get: (name) => headerText(req.headers[name]) },
      body: async () => {
        const text = await readBody(req);
        if (text === undefined) throw new Error("The request body is larger than 1 MiB");
        streamRequest.documentId = documentIdIn(text);
        return text;
      },
      raw: req,
      context: streamRequest,
    });
    res.writeHead(init.status, init.statusText, init.headers);
    if (body === null || typeof body === "string") {
      res.end(body ?? undefined);
      return;
    }
    await stream(body, res, options.keepAliveMs);
  };
}

/** Writes the event stream, pinging while idle, until it ends or the client leaves. */
async function stream(
  body: AsyncGenerator<string, void, undefined>,
  res: ServerResponse,
  keepAliveMs: number,
): Promise<void> {
  const leave = () => void body.return(undefined);
  res.once("close", leave);
  const ping = setInterval(() => {
    if (res.writable) res.write(KEEP_ALIVE);
  }, keepAliveMs);
  try {
    for await (const chunk of body) {
      if (!res.writable) break;
      res.write(chunk);
    }
  } finally {
    clearInterval(ping);
    res.off("close", leave);
    res.end();
  }
}

/**
 * graphql-sse pulls results as fast as they come and buffers them without bound; this asks the
 * subscription for its next event only once the response has room again.
 */
function paced(result: OperationResult, res: ServerResponse): OperationResult | void {
  if (!isAsyncIterator(result)) return;
  const iterator: AsyncGenerator<ExecutionResult> = {
    async next() {
      if (res.writableNeedDrain) await roomIn(res);
      return result.next();
    },
    return: (value) => result.return?.(value) ?? Promise.resolve({ value, done: true }),
    throw: (error) => result.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]: () => iterator,
  } as AsyncGenerator<ExecutionResult>;
  return iterator;
}

function roomIn(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}

function isAsyncIterator(value: unknown): value is AsyncIterator<ExecutionResult> {
  return typeof (value as { next?: unknown } | null)?.next === "function";
}

/** A POST body's `documentId`; graphql-sse reads the body itself and refuses what does not parse. */
function documentIdIn(text: string): unknown {
  try {
    return (JSON.parse(text) as { documentId?: unknown } | null)?.documentId;
  } catch {
    return undefined;
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
