// (b) One event, many subscribers: `count` subscribers of one conference, then `events` signed
// callbacks about it posted one at a time. Each delivery's latency runs from the moment the
// bench writes the callback to the moment the subscriber's frame arrives, both on this
// process's clock; all subscribers live in this process, so the figure includes its own work
// of reading 1,000 frames one after another.
import { setTimeout as sleep } from "node:timers/promises";
import { quantile } from "../stats.mjs";
import { callSid, conferenceEvent, conferenceSid, postCallback } from "./callbacks.mjs";
import { EVENTS_API_KEY, waitForSubscriptions } from "./gateway.mjs";
import { closeAll, subscribeMany } from "./subscribers.mjs";

const CONFERENCE = conferenceSid(0xfa0);
/** Events before the measured ones: the first deliveries pay for JIT compilation. */
const WARMUP_EVENTS = 3;
const DELIVERY_TIMEOUT_MS = 10_000;

export async function measureFanout({ gateway, count, concurrency, events, alreadyOpen, log }) {
  const total = WARMUP_EVENTS + events;
  const sentAt = new Array(total + 1);
  const received = new Array(total + 1).fill(0);
  const latencies = [];
  let wrong = 0;
  const onNext = (payload, receivedAt) => {
    const event = payload.data?.participantEvents;
    const sequence = event?.sequenceNumber;
    if (!event || event.participant?.conferenceSid !== CONFERENCE || !(sequence >= 1)) {
      wrong += 1;
      return;
    }
    received[sequence] += 1;
    if (sequence > WARMUP_EVENTS) latencies.push(receivedAt - sentAt[sequence]);
  };
  log(`(b) opening ${count} subscriptions to one conference`);
  const subscribers = await subscribeMany(count, concurrency, () => ({
    origin: gateway.origin,
    authorization: `Bearer ${EVENTS_API_KEY}`,
    variables: { filter: { conferenceSid: CONFERENCE } },
    onNext,
  }));
  await waitForSubscriptions(gateway.origin, alreadyOpen + count);

  const problems = [];
  const perEventP99 = [];
  // The gateway's CPU from each callback's post until its last delivery.
  let cpuSeconds = 0;
  for (let sequence = 1; sequence <= total; sequence += 1) {
    const params = conferenceEvent({
      conference: CONFERENCE,
      call: callSid(sequence),
      event: "participant-join",
      sequenceNumber: sequence,
    });
    const from = latencies.length;
    const cpuBefore = gateway.cpuSeconds();
    const answer = await postCallback(gateway.origin, params, `bench-fanout-${sequence}`);
    sentAt[sequence] = answer.sentAt;
    if (answer.status !== 200) problems.push(`callback ${sequence} answered ${answer.status}`);
    const deadline = performance.now() + DELIVERY_TIMEOUT_MS;
    while (received[sequence] < count && performance.now() < deadline) await sleep(5);
    if (received[sequence] !== count) {
      problems.push(`event ${sequence} reached ${received[sequence]} of ${count} subscribers`);
    }
    if (sequence > WARMUP_EVENTS) {
      cpuSeconds += gateway.cpuSeconds() - cpuBefore;
      perEventP99.push(
        quantile(
          latencies.slice(from).sort((a, b) => a - b),
          0.99,
        ),
      );
    }
    // Let the gateway and this process go idle, so each event starts from the same place.
    await sleep(200);
  }
  if (wrong > 0) problems.push(`${wrong} unexpected payloads`);
  const failures = subscribers.filter((s) => s.failure !== undefined);
  if (failures.length)
    problems.push(`${failures.length} subscribers failed: ${failures[0].failure}`);
  await closeAll(subscribers);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    subscribers: count,
    events,
    deliveries: sorted.length,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    maxMs: sorted.at(-1),
    worstEventP99Ms: Math.max(...perEventP99),
    cpuUsPerDelivery: (cpuSeconds * 1e6) / sorted.length,
    problems,
  };
}
