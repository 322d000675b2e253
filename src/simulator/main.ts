import { banner, configFromEnv } from "./env.js";
import { startSimulator } from "./server.js";

async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  const simulator = await startSimulator(config.options);
  console.log(banner(simulator, config));
  const stop = (): void => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error("simulator failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
