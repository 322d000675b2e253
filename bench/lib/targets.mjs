// The processes under test, each started on its own against the same fake Twilio, configured
// only by environment variables.
import { join } from "node:path";
import { ACCOUNT_SID, AUTH_TOKEN } from "./fixtures.mjs";
import { startNodeProcess } from "./processes.mjs";

const GATEWAY_SCRIPT = new URL("../../dist/src/main.js", import.meta.url).pathname;
const FORWARDER_SCRIPT = new URL("../targets/forwarder.mjs", import.meta.url).pathname;
const PLAIN_SCRIPT = new URL("../targets/plain-apollo.mjs", import.meta.url).pathname;

/** Obviously fake: the key the `all` profile's gateway accepts and its clients send. */
const BENCH_API_KEY = "bench-fake-gateway-key-0000000000000000";

function twilioEnv(fakeTwilioUrl) {
  return {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_BASE_URL: fakeTwilioUrl,
    HOST: "127.0.0.1",
    PORT: "0",
  };
}

function gatewayEnv(fakeTwilioUrl) {
  return {
    ...twilioEnv(fakeTwilioUrl),
    TWILIO_PROXY_BASE_URL: fakeTwilioUrl,
    TWILIO_FLEX_BASE_URL: fakeTwilioUrl,
    TWILIO_CONVERSATIONS_BASE_URL: fakeTwilioUrl,
  };
}

const GATEWAY_READY = /participant-gateway ready: GraphQL (\S+)/;

/**
 * Each target: how to start it, how its clients call it (`api`, extra headers) and how many
 * Twilio reads its `_entities` equivalent makes for 20 representations of 10 participants.
 */
export const TARGETS = {
  gateway: {
    name: "gateway",
    api: "graphql",
    entityFetchesPerRequest: 10,
    script: GATEWAY_SCRIPT,
    ready: GATEWAY_READY,
    // No optional feature: the bare request path. Metrics are on by default, so turned off.
    env: (fake) => ({
      ...gatewayEnv(fake),
      LOG_LEVEL: "warn",
      GATEWAY_AUTH: "none",
      METRICS_ENABLED: "false",
    }),
    headers: {},
    idempotencyKeys: false,
  },
  gatewayAll: {
    name: "gateway+all",
    api: "graphql",
    entityFetchesPerRequest: 10,
    script: GATEWAY_SCRIPT,
    ready: GATEWAY_READY,
    // As an operator runs it: keys, metrics, info logs (to the log file), traces to the sink.
    env: (fake, { otlpUrl }) => ({
      ...gatewayEnv(fake),
      LOG_LEVEL: "info",
      GATEWAY_API_KEYS: BENCH_API_KEY,
      METRICS_ENABLED: "true",
      OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl,
      OTEL_SERVICE_NAME: "participant-gateway-bench",
    }),
    headers: { authorization: `Bearer ${BENCH_API_KEY}` },
    idempotencyKeys: true,
  },
  forwarder: {
    name: "forwarder",
    api: "rest",
    entityFetchesPerRequest: 10,
    script: FORWARDER_SCRIPT,
    ready: /forwarder ready: (\S+)/,
    env: (fake) => twilioEnv(fake),
    headers: {},
    idempotencyKeys: false,
  },
  plain: {
    name: "plain",
    api: "graphql",
    entityFetchesPerRequest: 20,
    script: PLAIN_SCRIPT,
    ready: /plain-apollo ready: (\S+)/,
    env: (fake) => twilioEnv(fake),
    headers: {},
    idempotencyKeys: false,
  },
};

/**
 * The headers a request of this scenario carries to this target; `idempotencyKey` must differ
 * per request (the load generator passes its per-request placeholder).
 */
export function requestHeaders(target, scenario, idempotencyKey) {
  const headers = { "content-type": "application/json", ...target.headers };
  if (scenario.mutation && target.idempotencyKeys) headers["idempotency-key"] = idempotencyKey;
  return headers;
}

/** `cpuProfileDir`: the target writes a V8 CPU profile there when they stop (`node --cpu-prof`). */
export async function startTarget(target, { fakeTwilioUrl, otlpUrl, logDir, cpus, cpuProfileDir }) {
  const profiled = cpuProfileDir !== undefined;
  const running = await startNodeProcess({
    name: target.name,
    script: target.script,
    env: target.env(fakeTwilioUrl, { otlpUrl }),
    ready: target.ready,
    logFile: join(logDir, `${target.name}.log`),
    cpus,
    nodeArgs: profiled
      ? [
          "--cpu-prof",
          "--cpu-prof-dir",
          cpuProfileDir,
          "--cpu-prof-name",
          `${target.name}.cpuprofile`,
        ]
      : [],
  });
  return { ...target, ...running };
}
