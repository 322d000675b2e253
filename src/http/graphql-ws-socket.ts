import type { IncomingMessage } from "node:http";
import {
  CloseCode,
  handleProtocols,
  makeServer,
  parseMessage,
  type ServerOptions,
} from "graphql-ws";
import type { WebSocket, WebSocketServer } from "ws";

/** What a connection's hooks get as `ctx.extra`. */
export interface WebSocketExtra {
  readonly socket: WebSocket;
  /** The upgrade request, until `onConnect` has read what it needs and let go of it. */
  request: IncomingMessage | undefined;
}

/**
 * graphql-ws's server (`makeServer`) on the sockets of a `ws` server, as graphql-ws's own
 * `useServer` binds it, but built for many idle connections:
 *
 * - a message is parsed here and handed on parsed: graphql-ws keeps what it is given for as long
 *   as the subscription it starts lasts, and the message's bytes and text would be kept along
 *   (its `parseMessage` takes a parsed message as it is, and validates it all the same);
 * - one timer pings every connection every `keepAliveMs`, and one that has not answered the
 *   previous ping by then is dropped, instead of a timer per connection;
 * - `ctx.extra.request` can be let go of once the connection is admitted.
 *
 * An internal error is told to `onError` and closes the connection with 1011, as `useServer`
 * closes it.
 */
export function serveGraphQLOverWebSocket<P extends Record<string, unknown> | undefined>(
  wss: WebSocketServer,
  options: ServerOptions<P, WebSocketExtra>,
  { keepAliveMs, onError }: { keepAliveMs: number; onError: (error: unknown) => void },
): { dispose(): Promise<void> } {
  const server = makeServer(options);
  wss.options.handleProtocols = handleProtocols;
  const unanswered = new Set<WebSocket>();
  const answered = function (this: WebSocket) {
    unanswered.delete(this);
  };
  const failed = function (this: WebSocket, error: unknown) {
    onError(error);
    this.close(CloseCode.InternalServerError, "Internal server error");
  };
  const keepAlive = setInterval(() => {
    for (const socket of wss.clients) {
      if (unanswered.has(socket)) {
        socket.terminate();
      } else if (socket.readyState === socket.OPEN) {
        unanswered.add(socket);
        socket.ping();
      }
    }
  }, keepAliveMs);
  keepAlive.unref();

  wss.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    socket.once("error", failed);
    socket.on("pong", answered);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) => {
          socket.on("message", (data) => {
            let message;
            try {
              message = parseMessage(String(data));
            } catch {
              return socket.close(CloseCode.BadRequest, "Invalid message received");
            }
            // Parsed already (see above); graphql-ws's type says text.
            handle(message as unknown as string).catch((error: unknown) =>
              failed.call(socket, error),
            );
          });
        },
      },
      { socket, request },
    );
    socket.once("close", (code, reason) => {
      unanswered.delete(socket);
      void closed(code, String(reason));
    });
  });

  return {
    async dispose() {
      clearInterval(keepAlive);
      for (const socket of wss.clients) socket.close(1001, "Going away");
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) =>
        wss.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
