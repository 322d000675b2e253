// The processes under test, each started on its own against the same fake Twilio, configured
// only by environment variables.
import { join } from "node:path";
import { ACCOUNT_SID, AUTH_TOKEN } from "./fixtures.mjs";
import { startNodeProcess } from "./processes.mjs";

const GATEWAY_SCRIPT = new URL("../../dist/src/main.js", import.meta.url).pathname;
const FORWARDER_SCRIPT = new URL("../targets/forwarder.mjs", import.meta.url).pathname;
const PLAIN_SCRIPT = new URL("../targets/plain-apollo.mjs", import.meta.url).pathname;

/** Obviously fake: the key a gateway with `auth` accepts and its clients send. */
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
 * The operator's features, each switched on alone (`gateway+auth`, …) or all together
 * (`gateway+all`, as an operator runs it): what it adds to the bare gateway's environment, and
 * to each request. Unknown variables and headers are ignored by a gateway without the feature.
 */
export const FEATURES = {
  // Access control: API keys, each request sends its Bearer key.
  auth: {
    env: () => ({ GATEWAY_API_KEYS: BENCH_API_KEY }),
    drop: ["GATEWAY_AUTH"],
    headers: { authorization: `Bearer ${BENCH_API_KEY}` },
  },
  // An Idempotency-Key on every mutation (a fresh one per request), kept in memory.
  idempotency: { idempotencyKeys: true },
  metrics: { env: () => ({ METRICS_ENABLED: "true" }) },
  // The request log line (and the other info lines), written to the target's log file.
  logging: { env: () => ({ LOG_LEVEL: "info" }) },
  // OTLP/HTTP traces to a sink that discards them.
  tracing: {
    env: ({ otlpUrl }) => ({
      OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl,
      OTEL_SERVICE_NAME: "participant-gateway-bench",
    }),
    needsOtlpSink: true,
  },
};

/**
 * The gateway with `features` (names of FEATURES) on; none: the bare request path. `script`:
 * another build of it (a baseline).
 */
export function gatewayTarget(name, features = [], script = GATEWAY_SCRIPT) {
  const on = features.map((feature) => FEATURES[feature]);
  return {
    name,
    api: "graphql",
    entityFetchesPerRequest: 10,
    script,
    ready: GATEWAY_READY,
    features,
    needsOtlpSink: on.some((feature) => feature.needsOtlpSink),
    env(fake, sinks) {
      // Bare: no access control, warnings only, and metrics (on by default) off.
      const env = {
        ...gatewayEnv(fake),
        LOG_LEVEL: "warn",
        GATEWAY_AUTH: "none",
        METRICS_ENABLED: "false",
      };
      for (const feature of on) {
        for (const name of feature.drop ?? []) delete env[name];
        Object.assign(env, feature.env?.(sinks));
      }
      return env;
    },
    headers: Object.assign({}, ...on.map((feature) => feature.headers)),
    idempotencyKeys: on.some((feature) => feature.idempotencyKeys),
  };
}

/**
 * Each target: how to start it, how its clients call it (`api`, extra headers) and how many
 * Twilio reads its `_entities` equivalent makes for 20 representations of 10 participants.
 */
export const TARGETS = {
  gateway: gatewayTarget("gateway"),
  gatewayAll: gatewayTarget("gateway+all", Object.keys(FEATURES)),
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

/** The gateways `--features` asks for besides the bare one: `all`, and each feature alone. */
export function featureTargets(features) {
  const all = Object.keys(FEATURES);
  return features.map((feature) => {
    if (feature === "all") return TARGETS.gatewayAll;
    // `all-tracing`: every feature but one, to tell what it costs among the others.
    const [, left] = /^all-(.+)$/.exec(feature) ?? [];
    if (left)
      return gatewayTarget(
        `gateway+${feature}`,
        all.filter((name) => name !== left),
      );
    return gatewayTarget(`gateway+${feature}`, [feature]);
  });
}

/**
 * Another checkout's gateway (`--baseline <dir>`, built), as each of `gateways` is configured:
 * `gateway` becomes `baseline`, `gateway+all` becomes `baseline+all`.
 */
export function baselineTargets(dir, gateways) {
  const script = join(dir, "dist", "src", "main.js");
  return gateways.map((gateway) =>
    gatewayTarget(gateway.name.replace(/^gateway/, "baseline"), gateway.features, script),
  );
}

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
