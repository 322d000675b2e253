import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the fake received it: the exact bytes the gateway put on the wire. */
export interface CapturedRequest {
  method: string;
  /** Path plus query string, exactly as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as-is. */
  body?: unknown;
  /** Wait this long before answering (for timeout tests). */
  delayMs?: number;
}

export type Responder = (request: CapturedRequest) => FakeResponse;

/**
 * A capturing stand-in for Twilio on loopback. Tests queue answers with `reply` (used in order)
 * or set a `fallback`, then assert on `requests`.
 */
export class FakeTwilio {
  readonly requests: CapturedRequest[] = [];
  /** The most requests that were waiting for an answer at the same time. */
  maxInFlight = 0;
  private inFlight = 0;
  private readonly queue: Responder[] = [];
  private fallback: Responder = () => ({ status: 500, body: "no answer queued" });
  private server?: http.Server;
  url = "";

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      this.inFlight += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on("close", () => (this.inFlight -= 1));
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const captured: CapturedRequest = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        this.requests.push(captured);
        const answer = (this.queue.shift() ?? this.fallback)(captured);
        const send = () => {
          if (res.destroyed) return;
          const isText = typeof answer.body === "string";
          res.writeHead(answer.status, {
            "content-type": isText ? "text/html" : "application/json",
            ...answer.headers,
          });
          res.end(
            answer.body === undefined ? "" : isText ? answer.body : JSON.stringify(answer.body),
          );
        };
        if (answer.delayMs) setTimeout(send, answer.delayMs);
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  reply(...responders: Array<FakeResponse | Responder>): this {
    for (const r of responders) this.queue.push(typeof r === "function" ? r : () => r);
    return this;
  }

  setFallback(responder: FakeResponse | Responder): this {
    this.fallback = typeof responder === "function" ? responder : () => responder;
    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.maxInFlight = this.inFlight;
    this.queue.length = 0;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/** Twilio's error answer: its body as Twilio sends it. */
export function twilioError(status: number, code: number, message: string): FakeResponse {
  return {
    status,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  };
}

/** The same error as the gateway passes it on, under `extensions.twilio`. */
export function twilioErrorDetails(status: number, code: number, message: string) {
  return { code, status, message, moreInfo: `https://www.twilio.com/docs/errors/${code}` };
}
