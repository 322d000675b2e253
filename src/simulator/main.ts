import { SIMULATOR_ACCOUNT_SID, SIMULATOR_AUTH_TOKEN } from "./defaults.js";
import { startSimulator } from "./server.js";

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a number, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const accountSid = process.env.SIMULATOR_ACCOUNT_SID || SIMULATOR_ACCOUNT_SID;
  const overriddenToken = process.env.SIMULATOR_AUTH_TOKEN || undefined;
  const simulator = await startSimulator({
    port: numberFromEnv("SIMULATOR_PORT") ?? 4010,
    host: process.env.SIMULATOR_HOST || "127.0.0.1",
    latencyMs: numberFromEnv("SIMULATOR_LATENCY_MS"),
    failureRate: numberFromEnv("SIMULATOR_FAILURE_RATE"),
    credentials: [
      { username: accountSid, password: overriddenToken ?? SIMULATOR_AUTH_TOKEN, accountSid },
    ],
  });
  // The default token is a published fake and safe to print; a token from the environment is not.
  const token =
    overriddenToken === undefined ? SIMULATOR_AUTH_TOKEN : "(from SIMULATOR_AUTH_TOKEN)";
  const { proxy, flex, conversations, api } = simulator.baseUrls;
  console.log(
    `Twilio simulator on ${simulator.url} | proxy ${proxy} | flex ${flex} | conversations ${conversations} | api ${api} | account SID ${accountSid} | auth token ${token}`,
  );

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
