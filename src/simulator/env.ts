import { SIMULATOR_ACCOUNT_SID, SIMULATOR_AUTH_TOKEN } from "./defaults.js";
import type { RunningSimulator, SimulatorOptions } from "./server.js";

export interface StandaloneConfig {
  options: SimulatorOptions;
  accountSid: string;
  /** The token to print: the published default, or a note that it came from the environment. */
  tokenForDisplay: string;
}

/** Settings of `npm run simulator`, from SIMULATOR_* variables; empty ones count as unset. */
export function configFromEnv(env: NodeJS.ProcessEnv): StandaloneConfig {
  const accountSid = env.SIMULATOR_ACCOUNT_SID || SIMULATOR_ACCOUNT_SID;
  const token = env.SIMULATOR_AUTH_TOKEN || undefined;
  return {
    options: {
      port: numberFrom(env, "SIMULATOR_PORT") ?? 4010,
      host: env.SIMULATOR_HOST || "127.0.0.1",
      latencyMs: numberFrom(env, "SIMULATOR_LATENCY_MS"),
      failureRate: numberFrom(env, "SIMULATOR_FAILURE_RATE"),
      callProgressStepMs: numberFrom(env, "SIMULATOR_CALL_PROGRESS_STEP_MS"),
      conversationsWebhookUrl: env.SIMULATOR_CONVERSATIONS_WEBHOOK_URL || undefined,
      callbackRetries: numberFrom(env, "SIMULATOR_CALLBACK_RETRIES"),
      callbackRetryDelayMs: numberFrom(env, "SIMULATOR_CALLBACK_RETRY_DELAY_MS"),
      credentials: [{ username: accountSid, password: token ?? SIMULATOR_AUTH_TOKEN, accountSid }],
    },
    accountSid,
    // The default token is a published fake and safe to print; a token from the environment is not.
    tokenForDisplay: token === undefined ? SIMULATOR_AUTH_TOKEN : "(from SIMULATOR_AUTH_TOKEN)",
  };
}

export function banner(simulator: RunningSimulator, config: StandaloneConfig): string {
  const { proxy, flex, conversations, api } = simulator.baseUrls;
  return [
    `Twilio simulator on ${simulator.url}`,
    `proxy ${proxy}`,
    `flex ${flex}`,
    `conversations ${conversations}`,
    `api ${api}`,
    `account SID ${config.accountSid}`,
    `auth token ${config.tokenForDisplay}`,
  ].join(" | ");
}

function numberFrom(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a number, got "${raw}"`);
  return value;
}
