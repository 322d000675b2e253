import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { Config } from "./config.js";
import type { GatewayContext } from "./context.js";
import { applyCors } from "./cors.js";
import { createErrorFormatter, expandInputIssuesPlugin } from "./error-format.js";
import { createGraphiQLRoutes } from "./graphiql/routes.js";
import type { Logger } from "./logger.js";
import type { GatewayMetrics } from "./metrics/gateway-metrics.js";
import { metricsPlugin } from "./metrics/plugin.js";
import { requestLogPlugin } from "./request-log.js";
import { credentialsForRequest } from "./request-credentials.js";
import type { TwilioClient } from "./twilio/client.js";
import { scopeToRequest } from "./twilio/request-scope.js";

const MAX_BODY_BYTES = 1024 * 1024;
/** A caller's X-Request-Id is kept only if it is short and plain: it goes into log lines. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;
/** How long `close` waits for requests in flight before cutting their connections. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface GatewayServerOptions {
  schema: GraphQLSchema;
  twilio: TwilioClient;
  config: Pick<
    Config,
    | "mode"
    | "credentials"
    | "port"
    | "host"
    | "corsOrigins"
    | "twilioConcurrencyPerRequest"
    | "twilioMaxCallsPerRequest"
    | "introspection"
    | "graphiql"
  >;
  logger: Logger;
  /**
   * Counted by a plugin and served on `/metrics`; without it `/metrics` is a 404. The gateway
   * closes it when it closes.
   */
  metrics?: GatewayMetrics;
}

export interface RunningGateway {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  graphqlUrl: string;
  /** Drains: requests in flight get up to `graceMs` (default 10 s) to finish. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Apollo Server on a plain node:http server: `/graphql` for API clients, `/health` for
 * orchestrators, `/metrics` for Prometheus, `/graphiql` (and `/graphql` opened in a browser)
 * for people. Plain node:http keeps the hot path short (see STACK.md's measurements).
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<RunningGateway> {
  const { schema, twilio, config, logger, metrics } = options;
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    // Compact JSON: Apollo's default pretty-prints every response, which costs CPU and bytes
    // on each request for the benefit of nobody reading it raw.
    stringifyResult: (result) => JSON.stringify(result),
    logger: {
      debug: (message) => logger.debug(String(message)),
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
    plugins: [
      requestLogPlugin(logger),
      expandInputIssuesPlugin,
      // After expandInputIssuesPlugin, so errors are counted as the client receives them.
      ...(metrics ? [metricsPlugin(metrics)] : []),
      ApolloServerPluginInlineTraceDisabled(),
      // Twilio data is never HTTP-cacheable, and the plugin wraps every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  const graphiql = config.graphiql ? createGraphiQLRoutes(logger) : undefined;

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown;
    if (req.method === "POST") {
      const raw = await readBody(req);
      if (raw === undefined)
        return sendJson(res, 413, { errors: [{ message: "Request body is larger than 1 MiB" }] });
      if ((req.headers["content-type"] ?? "").includes("json")) {
        try {
          body = raw.length ? JSON.parse(raw) : {};
        } catch {
          return sendJson(res, 400, {
            errors: [
              {
                message: "The request body is not valid JSON",
                extensions: { code: "BAD_REQUEST" },
              },
            ],
          });
        }
      } else {
        body = raw;
      }
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method ?? "GET",
      headers,
      search: url.search,
      body,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => ({
        twilio: scopeToRequest(twilio, {
          maxConcurrent: config.twilioConcurrencyPerRequest,
          maxCalls: config.twilioMaxCallsPerRequest,
        }),
        mode: config.mode,
        credentials: credentialsForRequest(req.headers, config.credentials),
        requestId,
      }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const server = http.createServer((req, res) => {
    if (applyCors(config.corsOrigins, req, res)) return;
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = async (): Promise<void> => {
      if (graphiql?.handles(req, url)) return graphiql.serve(req, res, url);
      if (url.pathname === "/graphql") return handleGraphQL(req, res, url);
      if (url.pathname === "/health")
        return sendJson(res, 200, { status: "ok", mode: config.mode });
      if (url.pathname === "/metrics" && metrics) return sendMetrics(req, res, metrics);
      return sendJson(res, 404, { error: "Not found" });
    };
    route().catch((error: unknown) => {
      logger.error("request failed", {
        error: error instanceof Error ? error.name : String(error),
      });
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error" }] });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    async close(graceMs = SHUTDOWN_GRACE_MS) {
      // Stop accepting, let requests in flight finish (a create may already be at Twilio),
      // and only cut connections still busy after the grace period.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearInterval(idleSweep);
      clearTimeout(deadline);
      await apollo.stop();
      metrics?.close();
    },
  };
}

/**
 * The request body as text, or `undefined` once it passes MAX_BODY_BYTES. The rest of an
 * oversized body is read and dropped rather than the socket destroyed: a client still sending
 * would otherwise see a reset instead of the 413 answer.
 */
/** The caller's X-Request-Id (a router's or load balancer's) when usable, else a fresh one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}

async function sendMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  metrics: GatewayMetrics,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return sendJson(res, 405, { error: "Method not allowed" });
  }
  const text = await metrics.metrics();
  res.statusCode = 200;
  res.setHeader("content-type", metrics.contentType);
  res.end(text);
}
