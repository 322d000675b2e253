// (c) Signed callbacks a gateway verifies and publishes per second: autocannon posts distinct,
// correctly signed conference events (each its own SequenceNumber and idempotency token, so none
// is a retry the gateway may skip); one subscriber of the whole account receives every event,
// which proves each answered callback was verified, parsed and published, not refused.
import autocannon from "autocannon";
import { setTimeout as sleep } from "node:timers/promises";
import {
  CALLBACK_PATH,
  callSid,
  conferenceEvent,
  conferenceSid,
  postCallback,
  signedCallback,
} from "./callbacks.mjs";
import { EVENTS_API_KEY, waitForSubscriptions } from "./gateway.mjs";
import { closeAll, subscribe } from "./subscribers.mjs";

const LONGEST_RUN_SECONDS = 120;
const PROBE_CALLBACKS = 1000;

/** Sequence numbers of the one-at-a-time probes, apart from autocannon's. */
let probed = 1e9;

/** The gateway's CPU per callback posted one at a time (after as many unmeasured). */
async function cpuPerCallbackAlone(gateway, count) {
  const post = async () => {
    probed += 1;
    const params = conferenceEvent({
      conference: conferenceSid(1),
      call: callSid(probed),
      event: "participant-speech-start",
      sequenceNumber: probed,
    });
    const answer = await postCallback(gateway.origin, params, `bench-probe-${probed}`);
    if (answer.status !== 200) throw new Error(`a probe callback was answered ${answer.status}`);
  };
  for (let i = 0; i < count; i += 1) await post();
  const before = gateway.cpuSeconds();
  for (let i = 0; i < count; i += 1) await post();
  return ((gateway.cpuSeconds() - before) * 1e6) / count;
}

/** Waits (up to 10 s) for events still on their way to the subscriber; returns the count. */
async function eventsReaching(count, expected) {
  const deadline = Date.now() + 10_000;
  while (count() < expected && Date.now() < deadline) await sleep(20);
  return count();
}

export async function measureIngest({ gateway, connections, seconds, warmupSeconds, log }) {
  log("(c) posting callbacks one at a time, with no subscriber and with one");
  const aloneUs = await cpuPerCallbackAlone(gateway, PROBE_CALLBACKS);
  let events = 0;
  const subscriber = await subscribe({
    origin: gateway.origin,
    authorization: `Bearer ${EVENTS_API_KEY}`,
    variables: { filter: {} },
    onNext: (payload) => {
      if (payload.data?.participantEvents) events += 1;
    },
  });
  await waitForSubscriptions(gateway.origin, 1);
  const aloneWithSubscriberUs = await cpuPerCallbackAlone(gateway, PROBE_CALLBACKS);
  // The probe's events (a callback is answered before its event's frame arrives) are not
  // counted below.
  const probeEvents = await eventsReaching(() => events, 2 * PROBE_CALLBACKS);
  events = 0;

  let n = 0;
  log(
    `(c) posting signed callbacks on ${connections} connections for ${warmupSeconds + seconds} s`,
  );
  const instance = autocannon({
    url: new URL(CALLBACK_PATH, gateway.origin).href,
    connections,
    duration: LONGEST_RUN_SECONDS,
    sampleInt: 100,
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: CALLBACK_PATH,
        setupRequest(request) {
          n += 1;
          // Speaker events: the most frequent callbacks a live conference sends.
          const params = conferenceEvent({
            conference: conferenceSid(1 + (n % 100)),
            call: callSid(n),
            event: n % 2 ? "participant-speech-start" : "participant-speech-stop",
            sequenceNumber: n,
          });
          const { body, headers } = signedCallback(params, `bench-ingest-${n}`);
          return { ...request, body, headers: { ...request.headers, ...headers } };
        },
      },
    ],
  });
  const window = { answered: 0, cpuAtOpen: NaN, cpuAtClose: NaN, openedAt: NaN, closedAt: NaN };
  const opened = performance.now();
  instance.on("response", (_client, statusCode) => {
    const now = performance.now();
    if (Number.isNaN(window.openedAt)) {
      if (now - opened < warmupSeconds * 1000) return;
      window.openedAt = now;
      window.cpuAtOpen = gateway.cpuSeconds();
      setTimeout(() => {
        window.closedAt = performance.now();
        window.cpuAtClose = gateway.cpuSeconds();
        instance.stop();
      }, seconds * 1000);
    } else if (Number.isNaN(window.closedAt) && statusCode === 200) {
      window.answered += 1;
    }
  });
  const result = await instance;
  const answered = result["2xx"];
  await eventsReaching(() => events, answered);
  await closeAll([subscriber]);

  const windowSeconds = (window.closedAt - window.openedAt) / 1000;
  const problems = [];
  const failed = { non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts };
  for (const [what, count] of Object.entries(failed)) {
    if (count > 0) problems.push(`${count} ${what}`);
  }
  // Every answered callback was published; one cut off by the stop may have been too.
  if (events < answered || events > result.requests.sent) {
    problems.push(`${events} events for ${answered} answered of ${result.requests.sent} sent`);
  }
  if (probeEvents !== 2 * PROBE_CALLBACKS) {
    problems.push(`${probeEvents} events for ${2 * PROBE_CALLBACKS} probe callbacks`);
  }
  if (subscriber.failure) problems.push(`subscriber: ${subscriber.failure}`);
  if (!(window.answered > 0)) problems.push("no measured window");
  return {
    connections,
    seconds: windowSeconds,
    callbacksPerSecond: window.answered / windowSeconds,
    cpuUsPerCallback: ((window.cpuAtClose - window.cpuAtOpen) * 1e6) / window.answered,
    cpuShare: (window.cpuAtClose - window.cpuAtOpen) / windowSeconds,
    cpuUsPerCallbackAlone: aloneUs,
    cpuUsPerCallbackAloneWithSubscriber: aloneWithSubscriberUs,
    answered,
    sent: result.requests.sent,
    eventsDelivered: events,
    problems,
  };
}
