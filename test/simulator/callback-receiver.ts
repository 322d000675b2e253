import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export interface ReceivedCallback {
  method: string;
  /** The full URL as the receiver saw it, as a validator reconstructs it. */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Form parameters: the body's for POST, the query's for GET (order kept). */
  pairs: [string, string][];
  params: Record<string, string>;
  receivedAt: number;
}

/** How the receiver answers one request: a status, or `drop` (close the connection unanswered). */
export type Answer = number | "drop" | "hang";

/** A real HTTP server on loopback that records every callback, as a gateway would receive it. */
export class CallbackReceiver {
  readonly received: ReceivedCallback[] = [];
  private readonly answers: Answer[] = [];
  private readonly hanging = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<CallbackReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const receiver = new CallbackReceiver(server, `http://127.0.0.1:${port}`);
    server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        receiver.record(request.method!, request.url!, request.headers, body, response);
      });
    });
    return receiver;
  }

  url(path: string): string {
    return this.origin + path;
  }

  /** The next requests get these answers, in order; after them every request gets 204. */
  answerNext(...answers: Answer[]): void {
    this.answers.push(...answers);
  }

  at(path: string): ReceivedCallback[] {
    return this.received.filter((callback) => callback.path === path);
  }

  /** Waits until `count` callbacks have arrived at `path`, then returns them. */
  async waitFor(path: string, count: number, timeoutMs = 5000): Promise<ReceivedCallback[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.at(path).length < count) {
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} callbacks at ${path}, got ${this.at(path).length}`);
      }
      await sleep(5);
    }
    return this.at(path);
  }

  close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private record(
    method: string,
    target: string,
    headers: IncomingHttpHeaders,
    body: string,
    response: ServerResponse,
  ): void {
    const url = this.origin + target;
    const parsed = new URL(url);
    const form = method === "POST" ? body : parsed.search.slice(1);
    const pairs = [...new URLSearchParams(form)];
    this.received.push({
      method,
      url,
      path: parsed.pathname,
      headers,
      body,
      pairs,
      params: Object.fromEntries(pairs),
      receivedAt: Date.now(),
    });
    const answer = this.answers.shift() ?? 204;
    if (answer === "drop") response.socket?.destroy();
    else if (answer === "hang") this.hanging.add(response);
    else response.writeHead(answer).end();
  }
}
