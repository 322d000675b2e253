import net, { type AddressInfo } from "node:net";

/**
 * How a stand-in for Twilio fails, at each stage of one HTTP exchange:
 * - `reset-unread`: takes the connection but never reads; resets it once the client has had
 *   ample time to write its request;
 * - `reset-after-body`: reads the whole request, then resets the connection;
 * - `html-503`: reads the whole request, answers a load balancer's HTML 503 page;
 * - `truncated-201`: reads the whole request, starts a 201 whose body is shorter than its
 *   Content-Length, then closes;
 * - `silent`: reads the whole request and never answers (the client times out);
 * - `unread`: takes the connection and never reads or answers: a client with more to write
 *   than the socket buffers hold can never finish writing.
 */
export type Misbehaviour =
  "reset-unread" | "reset-after-body" | "html-503" | "truncated-201" | "silent" | "unread";

/** How long `reset-unread` waits before resetting: a loopback client writes within a tick. */
const UNREAD_RESET_MS = 300;

export interface MisbehavingTwilio {
  url: string;
  /** Fails the next connections another way. */
  misbehave(misbehaviour: Misbehaviour): void;
  /** Requests read whole (headers and the Content-Length body). */
  requestsRead(): number;
  connections(): number;
  stop(): Promise<void>;
}

/**
 * A raw TCP server on loopback that speaks just enough HTTP/1.1 to fail as told. Connections
 * start paused (nothing is read from the socket) and are read only when the misbehaviour says.
 */
export async function startMisbehavingTwilio(initial: Misbehaviour): Promise<MisbehavingTwilio> {
  let misbehaviour = initial;
  let requestsRead = 0;
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    const now = misbehaviour;
    connections += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    if (now === "unread") return;
    if (now === "reset-unread") {
      setTimeout(() => socket.resetAndDestroy(), UNREAD_RESET_MS);
      return;
    }
    onRequest(socket, () => {
      requestsRead += 1;
      respond(socket, now);
    });
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    misbehave: (next) => (misbehaviour = next),
    requestsRead: () => requestsRead,
    connections: () => connections,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A URL where nothing listens: connections are refused. */
export async function refusingUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function respond(socket: net.Socket, misbehaviour: Misbehaviour): void {
  switch (misbehaviour) {
    case "reset-after-body":
      socket.resetAndDestroy();
      return;
    case "html-503": {
      const page = "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>";
      socket.end(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html\r\n" +
          `Content-Length: ${page.length}\r\nConnection: close\r\n\r\n${page}`,
      );
      return;
    }
    case "truncated-201":
      socket.write(
        "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n" +
          '{"call_sid": "CA',
      );
      setTimeout(() => socket.destroy(), 20);
      return;
    default:
      return;
  }
}

/** Calls `done` once a whole request (headers and Content-Length body) has been read. */
function onRequest(socket: net.Socket, done: () => void): void {
  let received = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    const end = received.indexOf("\r\n\r\n");
    if (end < 0) return;
    const head = received.subarray(0, end).toString("latin1");
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (received.length - end - 4 < length) return;
    socket.off("data", onData);
    done();
  };
  socket.on("data", onData);
}
