import http from "node:http";
import net, { type AddressInfo } from "node:net";

/**
 * Why this exists: a federation router takes one URL per subgraph and does not balance between
 * several (neither Hive Gateway nor Apollo Router does), so replicas sit behind one address that
 * spreads the traffic. In production that is a load balancer, an ingress or a Kubernetes Service
 * (Docker's DNS in deploy/compose.yaml); in the topology test it is this: an HTTP proxy on
 * loopback that sends each request, and each WebSocket upgrade, to the next replica in turn.
 *
 * It balances per request (as an L7 load balancer does) rather than per connection, so that two
 * requests a router sends over one kept-alive connection still reach different replicas: a test
 * can tell where each went. Each request goes to the replica in rotation after the one the last
 * request went to, so a moment with one replica out of rotation does not shift the turns.
 *
 * Like a load balancer, it probes each replica's `/health/ready` and sends traffic only to those
 * that answer 200, which is what the gateway's `SHUTDOWN_DELAY_MS` is for: a replica told to stop
 * answers 503 and is taken out of rotation at once, before it stops accepting. A probe that gets
 * no answer (a busy machine, a slow event loop) counts as a failure only the third time in a row,
 * as a load balancer's unhealthy threshold does.
 */
export interface RoundRobinProxy {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** Where each request and WebSocket upgrade went, in the order they arrived. */
  readonly routed: readonly Routed[];
  /** The replicas to balance between (base URLs); each enters rotation once it is ready. */
  setBackends(urls: string[]): void;
  /** The backends whose last readiness probe answered 200. */
  inRotation(): string[];
  /** Resolves once exactly these backends are in rotation; rejects after `timeoutMs`. */
  untilInRotation(urls: string[], timeoutMs?: number): Promise<void>;
  /** Stops probing, closes the listener and every connection through it; safe to call twice. */
  stop(): Promise<void>;
}

export interface Routed {
  backend: string;
  kind: "http" | "websocket";
  method: string;
  path: string;
  /** The X-Request-Id the request carried, if any: it names the request in the replicas' logs. */
  requestId?: string;
}

/** Headers of one hop, not of the request: a proxy must not pass them on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
]);

export async function startRoundRobinProxy(
  options: { probeIntervalMs?: number } = {},
): Promise<RoundRobinProxy> {
  const probeIntervalMs = options.probeIntervalMs ?? 100;
  let backends: string[] = [];
  const ready = new Set<string>();
  const routed: Routed[] = [];
  const sockets = new Set<net.Socket>();
  /** Probes in a row that got no answer, per backend. */
  const unanswered = new Map<string, number>();
  let last: string | undefined;
  let stopped = false;

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  const next = (): string | undefined => {
    const from = last === undefined ? -1 : backends.indexOf(last);
    for (let step = 1; step <= backends.length; step++) {
      const candidate = backends[(from + step) % backends.length]!;
      if (ready.has(candidate)) return (last = candidate);
    }
    return undefined;
  };
  const record = (backend: string, kind: Routed["kind"], req: http.IncomingMessage) => {
    const requestId = req.headers["x-request-id"];
    routed.push({
      backend,
      kind,
      method: req.method ?? "",
      path: req.url ?? "",
      ...(typeof requestId === "string" ? { requestId } : {}),
    });
  };

  const server = http.createServer((req, res) => {
    const backend = next();
    if (backend === undefined) {
      res.writeHead(503, { "content-type": "text/plain" }).end("no replica in rotation");
      return;
    }
    record(backend, "http", req);
    const target = new URL(backend);
    // A connection of its own per request (agent: false): nothing stale to trip over when a
    // replica closes its side while shutting down.
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: endToEnd(req.headers),
        agent: false,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
        answer.pipe(res);
      },
    );
    upstream.on("socket", track);
    upstream.on("error", (error) => {
      if (!res.headersSent) {
        res.writeHead(502, { "content-type": "text/plain" }).end(`upstream: ${error.message}`);
      } else res.destroy();
    });
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });

  // A WebSocket upgrade is passed on as bytes: the request as received, then both directions
  // piped for the connection's life. The replica it reached keeps it (and its subscriptions).
  server.on("upgrade", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    track(client);
    const backend = next();
    if (backend === undefined) {
      client.end("HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\r\n");
      return;
    }
    record(backend, "websocket", req);
    const target = new URL(backend);
    const upstream = net.connect(Number(target.port), target.hostname);
    track(upstream);
    upstream.once("connect", () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      }
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.once("error", () => client.destroy());
    client.once("error", () => upstream.destroy());
    upstream.once("close", () => client.destroy());
    client.once("close", () => upstream.destroy());
  });
  server.on("connection", track);

  let probing: NodeJS.Timeout | undefined;
  const probe = async () => {
    await Promise.all(
      backends.map(async (backend) => {
        const status = await fetch(`${backend}/health/ready`, {
          signal: AbortSignal.timeout(1_000),
        }).then(
          (response) => response.status,
          () => undefined,
        );
        const misses = status === undefined ? (unanswered.get(backend) ?? 0) + 1 : 0;
        unanswered.set(backend, misses);
        if (status === 200 && backends.includes(backend)) ready.add(backend);
        else if (status !== undefined || misses >= 3) ready.delete(backend);
      }),
    );
    if (!stopped) probing = setTimeout(() => void probe(), probeIntervalMs);
  };

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  void probe();

  return {
    url,
    routed,
    setBackends(urls) {
      backends = [...urls];
      for (const backend of ready) if (!backends.includes(backend)) ready.delete(backend);
    },
    inRotation: () => backends.filter((backend) => ready.has(backend)),
    async untilInRotation(urls, timeoutMs = 10_000) {
      const wanted = [...urls].sort().join(" ");
      const deadline = Date.now() + timeoutMs;
      while ([...ready].sort().join(" ") !== wanted) {
        if (Date.now() > deadline) {
          throw new Error(`in rotation: [${[...ready].join(", ")}], not [${urls.join(", ")}]`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(probing);
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const kept: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) kept[name] = value;
  }
  return kept;
}
