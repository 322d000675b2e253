import "reflect-metadata";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { buildGatewaySchema } from "./schema.js";
import { startGatewayServer } from "./server.js";
import { TwilioClient } from "./twilio/client.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const twilio = new TwilioClient({
    baseUrls: config.baseUrls,
    timeoutMs: config.upstreamTimeoutMs,
    maxRetries: config.maxRetries,
    maxRetryAfterMs: config.maxRetryAfterMs,
    logger,
  });
  const gateway = await startGatewayServer({
    schema: await buildGatewaySchema(),
    twilio,
    config,
    logger,
  });
  logger.info(`participant-gateway ready at ${gateway.graphqlUrl}`, { mode: config.mode });

  const stop = () => {
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? error.message : `Start-up failed: ${String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
