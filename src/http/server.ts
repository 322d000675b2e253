import type { IncomingMessage, ServerResponse } from "node:http";
import type { GraphQLSchema } from "graphql";
import type { Config } from "../config/config.js";
import { createConsoleRoutes } from "../console/routes.js";
import type { ExpiringStore } from "../events/expiring-store.js";
import { openLiveEvents } from "../events/live-events.js";
import { startApollo } from "../gateway/apollo.js";
import { createErrorFormatter } from "../gateway/plugins/error-format.js";
import { loadTrustedDocuments } from "../gateway/trusted-documents/trusted-documents.js";
import { createGraphiQLRoutes } from "../graphiql/routes.js";
import type { Logger } from "../logging/logger.js";
import type { GatewayMetrics } from "../metrics/gateway-metrics.js";
import { GatewayEvents } from "../participants/events/gateway-events.js";
import type { Tracing } from "../tracing/tracing.js";
import type { TwilioClient } from "../twilio/client.js";
import { redisWriteRateLimiter } from "../twilio/redis-write-rate-limit.js";
import { memoryWriteRateLimiter, type WriteRateLimiter } from "../twilio/write-rate-limit.js";
import { accessControl } from "./access-control.js";
import { sendJson } from "./body.js";
import { applyCors } from "./cors.js";
import { drainOnClose } from "./drain.js";
import { graphqlRoute } from "./graphql-route.js";
import { healthRoute } from "./health.js";
import { IdempotencyKeys } from "./idempotency/idempotency-keys.js";
import { type GatewayListener, listen } from "./listener.js";
import { metricsRoute } from "./metrics-route.js";
import { requestContexts } from "./request-context.js";
import { subscriberAuthenticator } from "./subscriber-auth.js";
import { SubscriptionOperations } from "./subscription-operation.js";
import { sseSubscriptionsRoute } from "./subscriptions-sse.js";
import { webSocketSubscriptions } from "./subscriptions-ws.js";
import { twilioCallbackRoutes } from "./twilio-callbacks-route.js";

export interface GatewayServerOptions {
  schema: GraphQLSchema;
  twilio: TwilioClient;
  /** What the server reads of the configuration: its routes, limits, access control, shutdown. */
  config: Config;
  /** The socket bound already (see `listen`); without one the server binds its own. */
  listener?: GatewayListener;
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
   * Drains: readiness turns false, the listener stops accepting, every subscription completes
   * and its connection closes, and requests in flight get up to `graceMs` (default: the
   * configured `shutdownGraceMs`) to finish. Resolves `true` when every request finished,
   * `false` when some had to be cut at the deadline.
   */
  close(graceMs?: number): Promise<boolean>;
}

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

/**
 * Apollo Server on a plain node:http server: `/graphql` for API clients (and, upgraded to a
 * WebSocket, their subscriptions), `/graphql/stream` for subscriptions over Server-Sent Events,
 * `/twilio/callbacks/*` for Twilio (with a public URL), `/health*` for orchestrators, `/metrics`
 * for Prometheus, `/graphiql` (and `/graphql` opened in a browser) and `/console` for people.
 * Plain node:http, not a framework: it keeps the hot path short (a framework halved throughput
 * in measurements).
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<RunningGateway> {
  const { schema, twilio, config, logger, metrics } = options;
  // First: a gateway that must not start refuses before it opens anything.
  const authenticate = accessControl(config, logger);
  const trustedDocuments = loadTrustedDocuments(config.trustedDocuments, config.graphqlMaxTokens);
  const listener = options.listener ?? (await listen(config));
  const { server } = listener;
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
    tracing: options.tracing.exporting,
  });
  const writeRateLimiter = writeRateLimiterFor(config, logger);
  const events = new GatewayEvents({
    live: openLiveEvents({
      redisUrl: config.redisUrl,
      onRedisError: (error) => logger.warn({ error: error.message }, "redis"),
    }),
    publicUrl: config.publicUrl,
    bounds: {
      perConnection: config.subscriptionsPerConnection,
      perPrincipal: config.subscriptionsPerPrincipal,
      maxQueue: config.subscriptionQueueSize,
    },
  });
  metrics?.countSubscriptionsWith(() => events.subscriptions.count());
  const contexts = requestContexts({
    twilio,
    logger,
    mode: config.mode,
    events,
    tracing: options.tracing,
    configuredCredentials: config.credentials,
    writeRateLimiter,
    twilioConcurrencyPerRequest: config.twilioConcurrencyPerRequest,
    twilioMaxCallsPerRequest: config.twilioMaxCallsPerRequest,
  });
  const admit = subscriberAuthenticator({
    authenticate,
    configured: config.credentials,
    requestCredentials: config.twilioRequestCredentials,
    twilio,
    logger,
  });
  const format = createErrorFormatter(logger);
  const draining = () => drain.draining;
  const keepAliveMs = config.subscriptionKeepAliveMs;
  const subscriptions = {
    operations: new SubscriptionOperations(schema, trustedDocuments),
    contexts,
    admit,
    format,
    keepAliveMs,
    logger,
    draining,
  };
  const webSockets = webSocketSubscriptions(server, {
    ...subscriptions,
    corsOrigins: config.corsOrigins,
  });

  const graphiql = config.graphiql ? createGraphiQLRoutes(logger) : undefined;
  const participantConsole = config.consoleEnabled
    ? createConsoleRoutes(trustedDocuments)
    : undefined;
  const routes = new Map<string, Route>([
    [
      "/graphql",
      graphqlRoute({
        apollo,
        contexts,
        logger,
        authenticate,
        credentials: config.credentials,
        requestCredentials: config.twilioRequestCredentials,
        idempotencyKeys: new IdempotencyKeys({
          store: options.idempotencyStore,
          ttlMs: config.idempotencyTtlMs,
          leaseMs: config.idempotencyLeaseMs,
          logger,
        }),
        trustedDocuments,
      }),
    ],
    ["/graphql/stream", sseSubscriptionsRoute(subscriptions)],
    ...(config.publicUrl === undefined
      ? []
      : twilioCallbackRoutes({
          publicUrl: config.publicUrl,
          authTokens: config.callbackAuthTokens,
          events,
          metrics,
          logger,
        })),
    ...(metrics ? [["/metrics", metricsRoute(metrics)] as const] : []),
    // Browsers ask every origin for one; an empty answer spares their consoles a 404.
    ["/favicon.ico", noFavicon],
  ]);

  const drain = drainOnClose(server, config, {
    async end() {
      events.subscriptions.endAll();
      await webSockets.end();
    },
    cut: () => webSockets.cut(),
  });
  const health = healthRoute(config.mode, drain);
  listener.serve((req: IncomingMessage, res: ServerResponse) => {
    if (applyCors(config.corsOrigins, req, res)) return;
    if (drain.draining) res.setHeader("connection", "close");
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = async (): Promise<void> => {
      if (graphiql?.handles(req, url)) return graphiql.serve(req, res, url);
      if (participantConsole?.handles(url)) return participantConsole.serve(req, res, url);
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

  const { url } = listener;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    async close(graceMs = config.shutdownGraceMs) {
      const finished = await drain.close(graceMs);
      await webSockets.close();
      // Only now: requests that finished while draining could still publish their events.
      await events.close();
      await apollo.stop();
      await writeRateLimiter?.close();
      metrics?.close();
      return finished;
    },
  };
}

function noFavicon(_req: IncomingMessage, res: ServerResponse): void {
  res.statusCode = 204;
  res.setHeader("cache-control", "public, max-age=86400");
  res.end();
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
