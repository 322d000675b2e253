// (a) What an idle subscriber costs the gateway: its resident memory with `count` subscriptions
// open, each on a WebSocket of its own (as browsers hold them), against before; and how that
// splits between the admitted connection and the subscription on it.
import { setTimeout as sleep } from "node:timers/promises";
import { median } from "../stats.mjs";
import { conferenceSid } from "./callbacks.mjs";
import { EVENTS_API_KEY, waitForSubscriptions } from "./gateway.mjs";
import { closeAll, connect, openMany, subscribeMany } from "./subscribers.mjs";

const AUTHORIZATION = `Bearer ${EVENTS_API_KEY}`;

/** The median of a few samples a quarter of a second apart: one sample may catch a GC. */
async function settledRss(gateway, samples = 8) {
  const values = [];
  for (let i = 0; i < samples; i += 1) {
    values.push(gateway.rssBytes());
    await sleep(250);
  }
  return median(values);
}

/**
 * Opens `count` WebSockets, admitted, and measures; then one subscription on each (to a
 * conference of its own), and measures again. Leaves them open for the next phase.
 */
export async function measureIdleSubscriptions({ gateway, count, concurrency, log }) {
  const options = (index) => ({
    origin: gateway.origin,
    authorization: AUTHORIZATION,
    variables: { filter: { conferenceSid: conferenceSid(0x100000 + index) } },
  });
  // Warm-up: the first connections pay for code loading and caches, not for subscriptions.
  const warm = await subscribeMany(Math.min(200, count), concurrency, options);
  await waitForSubscriptions(gateway.origin, warm.length);
  await closeAll(warm);
  await waitForSubscriptions(gateway.origin, 0);
  await sleep(1000);
  const rssBefore = await settledRss(gateway);

  log(
    `(a) opening ${count} WebSockets, ${concurrency} connecting at a time, then a subscription on each`,
  );
  const startedAt = performance.now();
  const subscribers = await openMany(count, concurrency, (index) => connect(options(index)));
  const connectSeconds = (performance.now() - startedAt) / 1000;
  await sleep(2000);
  const rssConnected = await settledRss(gateway);
  for (const [index, subscriber] of subscribers.entries()) {
    subscriber.subscribe(options(index).variables);
  }
  await waitForSubscriptions(gateway.origin, count);
  await sleep(2000);
  const rssAfter = await settledRss(gateway);
  const failures = subscribers.filter((s) => s.failure !== undefined).map((s) => s.failure);
  return {
    subscribers,
    result: {
      subscriptions: count,
      connections: count,
      concurrency,
      connectsPerSecond: count / connectSeconds,
      rssBeforeMb: rssBefore / 2 ** 20,
      rssConnectedMb: rssConnected / 2 ** 20,
      rssAfterMb: rssAfter / 2 ** 20,
      bytesPerConnection: (rssConnected - rssBefore) / count,
      bytesPerSubscriptionAlone: (rssAfter - rssConnected) / count,
      bytesPerSubscription: (rssAfter - rssBefore) / count,
      problems: failures.length ? [`${failures.length} subscribers failed: ${failures[0]}`] : [],
    },
  };
}
