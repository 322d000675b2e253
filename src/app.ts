import { randomBytes } from "node:crypto";
import type { GraphQLSchema } from "graphql";
import type { Config } from "./config/config.js";
import { type ExpiringStore, MemoryExpiringStore } from "./events/expiring-store.js";
import { RedisExpiringStore } from "./events/redis-expiring-store.js";
import type { Logger } from "./logging/logger.js";
import { GatewayMetrics } from "./metrics/gateway-metrics.js";
import { buildGatewaySchema } from "./gateway/schema.js";
import { listen } from "./http/listener.js";
import { type RunningGateway, startGatewayServer } from "./http/server.js";
import { callbackUrl } from "./participants/callbacks.js";
import { conversationCallbacks } from "./participants/conversation/callbacks.js";
import { SIMULATOR_ACCOUNT_SID, SIMULATOR_AUTH_TOKEN } from "./simulator/defaults.js";
import { type RunningSimulator, startSimulator } from "./simulator/server.js";
import { startTracing } from "./tracing/tracing.js";
import { TwilioClient } from "./twilio/client.js";
import type { TwilioCredentials } from "./twilio/credentials.js";
import { GATEWAY_NAME, GATEWAY_VERSION } from "./version.js";

export interface RunningApp {
  gateway: RunningGateway;
  /** Set in simulator mode: where the embedded fake Twilio listens. */
  simulatorUrl: string | undefined;
  /** The one line that tells a person what is running where. */
  banner: string;
  /** Drains the gateway (see RunningGateway.close), then stops the simulator. */
  close(graceMs?: number): Promise<boolean>;
}

export interface AppOptions {
  /**
   * The schema, when the caller has it already: building it is the slow part of start-up, and
   * a test file that starts several gateways builds it once.
   */
  schema?: Promise<GraphQLSchema>;
}

/**
 * Starts the gateway against live Twilio, or, in simulator mode, first starts the embedded
 * Twilio simulator on its own loopback port and points every product at it. The gateway's port
 * is bound before anything else, so the simulator knows where to send its callbacks. Tests start
 * the gateway through here too, so they run the wiring production runs.
 */
export async function startApp(
  config: Config,
  logger: Logger,
  options: AppOptions = {},
): Promise<RunningApp> {
  const listener = await listen(config);
  let simulator: RunningSimulator | undefined;
  try {
    let effective = config;
    if (config.mode === "simulator") {
      // The in-process simulator calls the gateway back directly, at its own address: that
      // always reaches it (a configured PUBLIC_URL is for Twilio, which is not in play here).
      const publicUrl = listener.url;
      const credentials = config.credentials ?? {
        accountSid: SIMULATOR_ACCOUNT_SID,
        username: SIMULATOR_ACCOUNT_SID,
        password: SIMULATOR_AUTH_TOKEN,
      };
      const signing = simulatorSigning(credentials, config.callbackAuthTokens);
      simulator = await startSimulator({
        port: config.simulatorPort,
        host: "127.0.0.1",
        latencyMs: config.simulatorLatencyMs,
        failureRate: config.simulatorFailureRate,
        // Configured credentials (TWILIO_MODE=simulator) are the ones the simulator accepts.
        credentials: config.credentials ? [config.credentials] : undefined,
        authTokens: signing.authTokens,
        callProgressStepMs: config.simulatorCallProgressStepMs,
        conversationsWebhookUrl: callbackUrl(publicUrl, conversationCallbacks.path),
      });
      effective = {
        ...config,
        baseUrls: simulator.baseUrls,
        // The simulator's own account, unless the operator configured credentials to use with it.
        credentials,
        publicUrl,
        callbackAuthTokens: signing.callbackAuthTokens,
      };
    }
    const metrics = config.metricsEnabled ? new GatewayMetrics() : undefined;
    const tracing = await startTracing({
      serviceName: GATEWAY_NAME,
      serviceVersion: GATEWAY_VERSION,
    });
    const twilio = new TwilioClient({
      baseUrls: effective.baseUrls,
      timeoutMs: effective.upstreamTimeoutMs,
      maxRetries: effective.maxRetries,
      maxRetryAfterMs: effective.maxRetryAfterMs,
      logger,
      observe: metrics?.observeTwilioCall,
      // Calls start no span at all when none would be exported.
      tracing: tracing.exporting ? tracing : undefined,
    });
    const idempotencyStore = openIdempotencyStore(config, logger);
    const gateway = await startGatewayServer({
      schema: await (options.schema ?? buildGatewaySchema()),
      twilio,
      config: effective,
      listener,
      logger,
      tracing,
      metrics,
      idempotencyStore,
    }).catch(async (error: unknown) => {
      await idempotencyStore.close();
      throw error;
    });
    const upstream = simulator
      ? `Twilio simulator at ${simulator.url} (no Twilio credentials configured; set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN for live Twilio)`
      : "live Twilio";
    const running = simulator;
    return {
      gateway,
      simulatorUrl: running?.url,
      banner: [
        `participant-gateway ready: GraphQL ${gateway.graphqlUrl}`,
        ...(config.graphiql ? [`GraphiQL ${gateway.url}/graphiql`] : []),
        ...(config.consoleEnabled ? [`Console ${gateway.url}/console`] : []),
        `upstream: ${upstream}`,
      ].join(" | "),
      async close(graceMs) {
        const finished = await gateway.close(graceMs);
        await idempotencyStore.close();
        await running?.close();
        // After draining, so the spans of the last requests are exported too.
        await tracing.shutdown().catch((error: unknown) => {
          logger.warn(
            { error: error instanceof Error ? error.message : String(error) },
            "trace export failed",
          );
        });
        return finished;
      },
    };
  } catch (error) {
    await simulator?.close();
    await new Promise((resolve) => listener.server.close(resolve));
    throw error;
  }
}

/**
 * The token the simulator signs the account's callbacks with, and the gateway's tokens with it.
 * An account credential carries its token; for an API key the configured token of the account
 * is used, or else one made up for this run (both ends are this process).
 */
function simulatorSigning(
  credentials: TwilioCredentials,
  configured: Config["callbackAuthTokens"],
): {
  authTokens: Record<string, string> | undefined;
  callbackAuthTokens: Config["callbackAuthTokens"];
} {
  const { accountSid, username, password } = credentials;
  const known = configured[accountSid] ?? [];
  const token = username === accountSid ? password : (known[0] ?? randomBytes(16).toString("hex"));
  return {
    authTokens: username === accountSid ? undefined : { [accountSid]: token },
    callbackAuthTokens: {
      ...configured,
      [accountSid]: known.includes(token) ? known : [...known, token],
    },
  };
}

/** The most keys one replica keeps in memory; beyond it the oldest answers are forgotten. */
const MEMORY_IDEMPOTENCY_KEYS = 10_000;

/**
 * Idempotency keys in the Redis every replica shares (`REDIS_URL`), else in this process: then
 * a retry that reaches another replica is not recognised.
 */
function openIdempotencyStore(config: Config, logger: Logger): ExpiringStore {
  if (!config.redisUrl) return new MemoryExpiringStore({ maxEntries: MEMORY_IDEMPOTENCY_KEYS });
  return new RedisExpiringStore(
    config.redisUrl,
    (error) => logger.warn({ error: error.message }, "idempotency store: redis error"),
    "idempotency",
  );
}
