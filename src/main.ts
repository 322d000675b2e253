import "reflect-metadata";
import { startApp } from "./app.js";
import { ConfigError, loadConfig } from "./config/config.js";
import { createLogger } from "./logging/logger.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, logger);
  process.stdout.write(`${app.banner}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal is an operator insisting: stop now, whatever is in flight.
      logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(1);
    }
    stopping = true;
    logger.info(
      {
        signal,
        graceMs: config.shutdownGraceMs,
      },
      "shutting down: finishing requests in flight",
    );
    app.close().then(
      (finished) => {
        if (!finished) logger.warn("shutdown grace period over: requests in flight were cut");
        process.exit(finished ? 0 : 1);
      },
      () => process.exit(1),
    );
  };
  // `on`, not `once`: with a listener always installed a signal never falls back to Node's
  // default action (an immediate exit) while requests are still draining.
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : `Start-up failed: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
