import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { GraphQLSchema } from "graphql";
import type { Config } from "../config/config.js";
import type { ExpiringStore } from "../events/expiring-store.js";
import { startApollo } from "../gateway/apollo.js";
import { createGraphiQLRoutes } from "../graphiql/routes.js";
import type { Logger } from "../logging/logger.js";
import type { GatewayMetrics } from "../metrics/gateway-metrics.js";
import type { Tracing } from "../tracing/tracing.js";
import type { TwilioClient } from "../twilio/client.js";
import { redisWriteRateLimiter } from "../twilio/redis-write-rate-limit.js";
import { memoryWriteRateLimiter, type WriteRateLimiter } from "../twilio/write-rate-limit.js";
import { accessControl, type AccessControlConfig } from "./access-control.js";
import { sendJson } from "./body.js";
import { applyCors } from "./cors.js";
import { drainOnClose } from "./drain.js";
import { graphqlRoute } from "./graphql-route.js";
import { healthRoute } from "./health.js";
import { IdempotencyKeys } from "./idempotency/idempotency-keys.js";
import { metricsRoute } from "./metrics-route.js";

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
    | "shutdownGraceMs"
    | "shutdownDelayMs"
    | "twilioRequestCredentials"
    | "graphqlMaxMutations"
    | "graphqlMaxTokens"
    | "graphqlMaxAliases"
    | "graphqlMaxDepth"
    | "twilioWriteRateLimit"
    | "redisUrl"
    | "idempotencyTtlMs"
    | "idempotencyLeaseMs"
  > &
    AccessControlConfig;
  logger: Logger;
  tracing: Tracing;
  /** Where `Idempotency-Key`s are kept: Redis shared by the replicas, or this one's memory. */
  idempotencyStore: ExpiringStore;
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
  /**
   * Drains: readiness turns false, the listener stops accepting, and requests in flight get up
   * to `graceMs` (default: the configured `shutdownGraceMs`) to finish. Resolves `true` when
   * every request finished, `false` when some had to be cut at the deadline.
   */
  close(graceMs?: number): Promise<boolean>;
}

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

/**
 * Apollo Server on a plain node:http server: `/graphql` for API clients, `/health*` for
 * orchestrators, `/metrics` for Prometheus, `/graphiql` (and `/graphql` opened in a browser)
 * for people. Plain node:http keeps the hot path short (see STACK.md's measurements).
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<RunningGateway> {
  const { schema, twilio, config, logger, metrics } = options;
  // First: a gateway that must not start refuses before it opens anything.
  const authenticate = accessControl(config, logger);
  const apollo = await startApollo({
    schema,
    logger,
    introspection: config.introspection,
    limits: {
      maxTokens: config.graphqlMaxTokens,
      maxMutations: config.graphqlMaxMutations,
      maxAliases: config.graphqlMaxAliases,
      maxDepth: config.graphqlMaxDepth,
    },
    metrics,
  });
  const writeRateLimiter = writeRateLimiterFor(config, logger);
  const graphiql = config.graphiql ? createGraphiQLRoutes(logger) : undefined;
  const routes = new Map<string, Route>([
    [
      "/graphql",
      graphqlRoute({
        apollo,
        twilio,
        logger,
        mode: config.mode,
        authenticate,
        credentials: config.credentials,
        requestCredentials: config.twilioRequestCredentials,
        writeRateLimiter,
        twilioConcurrencyPerRequest: config.twilioConcurrencyPerRequest,
        twilioMaxCallsPerRequest: config.twilioMaxCallsPerRequest,
        tracing: options.tracing,
        idempotencyKeys: new IdempotencyKeys({
          store: options.idempotencyStore,
          ttlMs: config.idempotencyTtlMs,
          leaseMs: config.idempotencyLeaseMs,
          logger,
        }),
      }),
    ],
    ...(metrics ? [["/metrics", metricsRoute(metrics)] as const] : []),
  ]);

  const server = http.createServer();
  const drain = drainOnClose(server, config);
  const health = healthRoute(config.mode, drain);
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (applyCors(config.corsOrigins, req, res)) return;
    if (drain.draining) res.setHeader("connection", "close");
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = async (): Promise<void> => {
      if (graphiql?.handles(req, url)) return graphiql.serve(req, res, url);
      const handler = routes.get(url.pathname) ?? (health.handles(url) ? health.serve : undefined);
      if (handler) return handler(req, res, url);
      return sendJson(res, 404, { error: "Not found" });
    };
    route().catch((error: unknown) => {
      logger.error(
        { error: error instanceof Error ? error.name : String(error) },
        "request failed",
      );
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
    async close(graceMs = config.shutdownGraceMs) {
      const finished = await drain.close(graceMs);
      await apollo.stop();
      await writeRateLimiter?.close();
      metrics?.close();
      return finished;
    },
  };
}

/** Per-caller buckets of Twilio writes: in Redis when replicas share one, else in this process. */
function writeRateLimiterFor(
  config: Pick<Config, "twilioWriteRateLimit" | "redisUrl">,
  logger: Logger,
): WriteRateLimiter | undefined {
  const limit = config.twilioWriteRateLimit;
  if (!limit) return undefined;
  return config.redisUrl
    ? redisWriteRateLimiter(limit, config.redisUrl, logger)
    : memoryWriteRateLimiter(limit);
}
