// The gateway as the live-event bench runs it: the built server (`node dist/src/main.js`) in
// production mode against the bench's fake Twilio, with a public URL so it serves the callback
// route, a key that subscribers present in connection_init, metrics on (the subscription gauge
// tells when subscriptions are open) and the subscription bounds raised for the run.
import { join } from "node:path";
import { ACCOUNT_SID, AUTH_TOKEN } from "../fixtures.mjs";
import { startNodeProcess } from "../processes.mjs";

const GATEWAY_SCRIPT = new URL("../../../dist/src/main.js", import.meta.url).pathname;

/** Obviously fake: the key the gateway accepts and every subscriber sends. */
export const EVENTS_API_KEY = "bench-events-fake-gateway-key-000000000";
/**
 * What Twilio would call: the callbacks are signed for this URL plus the request target, and
 * posted straight to the gateway's port, as an ingress would forward them.
 */
export const PUBLIC_URL = "https://gateway.bench.example";

/**
 * Starts one gateway; `cpus` pins it (taskset). `subscriptions` is how many the run opens at
 * most, so the per-caller bound (default 100) does not refuse them; every subscriber holds one
 * subscription on its own connection (the per-connection bound, default 10, stays).
 */
export async function startEventsGateway({ fakeTwilioUrl, logDir, name, cpus, subscriptions }) {
  const gateway = await startNodeProcess({
    name,
    script: GATEWAY_SCRIPT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: "0",
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fakeTwilioUrl,
      TWILIO_PROXY_BASE_URL: fakeTwilioUrl,
      TWILIO_FLEX_BASE_URL: fakeTwilioUrl,
      TWILIO_CONVERSATIONS_BASE_URL: fakeTwilioUrl,
      PUBLIC_URL,
      GATEWAY_API_KEYS: EVENTS_API_KEY,
      METRICS_ENABLED: "true",
      SUBSCRIPTIONS_PER_PRINCIPAL: String(subscriptions),
      // The ingest phase's one subscriber sees every callback; it must not be cut off as slow
      // while the load generator, on the same core, is busy posting.
      SUBSCRIPTION_QUEUE_SIZE: "100000",
    },
    ready: /participant-gateway ready: GraphQL (\S+)/,
    logFile: join(logDir, `${name}.log`),
    cpus,
    // To profile the gateway under the bench, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles"
    // (Node does not take --cpu-prof from NODE_OPTIONS).
    nodeArgs: (process.env.BENCH_EVENTS_NODE_ARGS ?? "").split(" ").filter(Boolean),
  });
  return { ...gateway, origin: new URL(gateway.url).origin };
}

/** The gateway's gauge of open subscriptions, from /metrics. */
export async function openSubscriptions(origin) {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const match = /^participant_gateway_subscriptions (\d+)$/m.exec(text);
  if (!match) throw new Error("no participant_gateway_subscriptions in /metrics");
  return Number(match[1]);
}

/** Waits until the gateway serves exactly `count` subscriptions. */
export async function waitForSubscriptions(origin, count, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await openSubscriptions(origin);
    if (open === count) return;
    if (Date.now() > deadline) throw new Error(`${open} subscriptions open, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
