import type { IncomingHttpHeaders, IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { ExecutionResult } from "graphql";
import type { Context } from "graphql-ws";
import { WebSocketServer } from "ws";
import type { PresentedCredentials } from "../auth/authenticate.js";
import { UnauthenticatedError } from "../errors/gateway-errors.js";
import { type ErrorFormatter, formatErrors } from "../gateway/plugins/error-format.js";
import type { Logger } from "../logging/logger.js";
import { MAX_BODY_BYTES } from "./body.js";
import { originAllowed } from "./cors.js";
import { serveGraphQLOverWebSocket, type WebSocketExtra } from "./graphql-ws-socket.js";
import type { RequestContexts } from "./request-context.js";
import { requestIdOf } from "./request-id.js";
import type { Subscriber } from "./subscriber-auth.js";
import { subscribeSharingEvents } from "./subscription-execution.js";
import {
  executionArgs,
  formatResult,
  type SubscriptionOperations,
} from "./subscription-operation.js";

/** graphql-ws's close codes for a refused `connection_init`, and the WebSocket one for shutdown. */
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_TRY_AGAIN_LATER = 1013;
const CLOSE_GOING_AWAY = 1001;

export interface WebSocketSubscriptionsOptions {
  operations: SubscriptionOperations;
  contexts: RequestContexts;
  admit(presented: PresentedCredentials): Promise<Subscriber>;
  format: ErrorFormatter;
  keepAliveMs: number;
  corsOrigins: readonly string[];
  logger: Logger;
  /** True once shutdown has begun: new connections are refused with 503. */
  draining(): boolean;
}

/** A connection admitted at `connection_init`: what its subscriptions need of the upgrade. */
interface Admitted {
  subscriber: Subscriber;
  requestId: string;
  headers: IncomingHttpHeaders;
  subscriptions: number;
}

type ConnectionContext = Context<Record<string, unknown> | undefined, WebSocketExtra>;

/**
 * GraphQL over WebSocket (graphql-ws, subprotocol `graphql-transport-ws`) on the `/graphql`
 * path of the gateway's HTTP server. A connection is admitted at `connection_init` (upgrade
 * headers plus the init payload) or closed with 4401; it carries only subscriptions. Idle
 * connections are pinged (WebSocket ping frames; one that does not answer is dropped).
 */
export function webSocketSubscriptions(server: Server, options: WebSocketSubscriptionsOptions) {
  const { operations, contexts, format, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  const admitted = new Map<ConnectionContext, Admitted>();

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== "/graphql") return refuseUpgrade(socket, 404, "Not Found");
    if (options.draining()) return refuseUpgrade(socket, 503, "Service Unavailable");
    if (!originAllowed(options.corsOrigins, req)) return refuseUpgrade(socket, 403, "Forbidden");
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });

  const disposable = serveGraphQLOverWebSocket<Record<string, unknown> | undefined>(
    wss,
    {
      async onConnect(ctx) {
        const { socket, request } = ctx.extra;
        const { headers } = request!;
        try {
          const subscriber = await options.admit({
            headers,
            connectionParams: ctx.connectionParams,
          });
          const requestId = flatText(requestIdOf(request!));
          admitted.set(ctx, { subscriber, requestId, headers, subscriptions: 0 });
          // Its headers are all a connection's subscriptions read of it.
          ctx.extra.request = undefined;
          return true;
        } catch (error) {
          if (error instanceof UnauthenticatedError) {
            socket.close(CLOSE_UNAUTHORIZED, "Unauthorized");
          } else {
            logger.warn({ error: errorName(error) }, "could not admit a WebSocket connection");
            socket.close(CLOSE_TRY_AGAIN_LATER, "Try again later");
          }
          // graphql-ws then closes with 4403, which the close already under way wins over.
          return false;
        }
      },
      onClose(ctx) {
        admitted.delete(ctx);
      },
      onSubscribe(ctx, _id, payload) {
        // The payload as sent: a `documentId` next to graphql-ws's own fields is read too.
        const prepared = operations.prepare(payload);
        if ("errors" in prepared) return prepared.errors;
        // graphql-ws keeps the payload as long as the subscription lasts: let it keep the text
        // every subscriber of this document shares (the same characters) instead of its own.
        const sharedText = prepared.args.document.loc?.source.body;
        if (payload.query === sharedText) (payload as { query: string }).query = sharedText;
        const connection = admitted.get(ctx)!;
        connection.subscriptions += 1;
        const contextValue = contexts({
          requestId: `${connection.requestId}:${connection.subscriptions}`,
          principal: connection.subscriber.principal,
          credentials: connection.subscriber.credentials,
          connection: ctx,
          headers: connection.headers,
        });
        return executionArgs(prepared.args, contextValue);
      },
      subscribe: subscribeSharingEvents,
      onNext: (_ctx, _id, _payload, _args, result) =>
        formatResult(result as ExecutionResult, format) as ExecutionResult,
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors, format),
    },
    {
      keepAliveMs: options.keepAliveMs,
      onError: (error) => logger.warn({ error: errorName(error) }, "a WebSocket connection failed"),
    },
  );

  return {
    /**
     * For shutdown, once every subscription was asked to complete: waits until each connection
     * has sent its `complete`s, then closes every socket (1001, going away).
     */
    async end(): Promise<void> {
      const busy = () =>
        [...admitted.keys()].some((ctx) => Object.keys(ctx.subscriptions).length > 0);
      while (busy()) await new Promise((resolve) => setTimeout(resolve, 10));
      for (const socket of wss.clients) socket.close(CLOSE_GOING_AWAY, "Going away");
    },
    /** At the shutdown deadline: drops whatever is still open. */
    cut(): void {
      for (const socket of wss.clients) socket.terminate();
    },
    /** Releases the WebSocket server (its sockets are closed by then). */
    async close(): Promise<void> {
      await disposable.dispose();
    },
  };
}

/**
 * The same text as one string of its own: a generated request id is a chain of the pieces it
 * was joined from (some 450 bytes for a UUID), and a connection keeps it for its whole life.
 */
function flatText(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
