import { monitorEventLoopDelay } from "node:perf_hooks";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";

/** How often the event-loop monitor's timer fires; every interval it records includes this wait. */
const EVENT_LOOP_RESOLUTION_MS = 10;

/**
 * prom-client's default process and Node.js metrics, started once per process. They describe
 * the process rather than one gateway, and prom-client gives no way to stop the event-loop
 * monitor and GC observer they start: one set per gateway would leak one of each per gateway
 * started in the process (tests start dozens).
 */
let defaultMetrics: Registry | undefined;

function processDefaultMetrics(): Registry {
  if (defaultMetrics === undefined) {
    defaultMetrics = new Registry();
    collectDefaultMetrics({ register: defaultMetrics });
  }
  return defaultMetrics;
}

export interface ProcessMetrics {
  /** Stops this registry's event-loop monitor. */
  close(): void;
}

/**
 * Adds the process's default metrics to `registry`, plus `nodejs_eventloop_delay_seconds`: the
 * defaults' `nodejs_eventloop_lag_p99_seconds` includes the monitor's own 10 ms period (an idle
 * process reads ≈ 0.010), this one only the delay.
 */
export function registerProcessMetrics(registry: Registry): ProcessMetrics {
  const defaults = processDefaultMetrics();
  for (const { name } of defaults.getMetricsAsArray()) {
    const metric = defaults.getSingleMetric(name);
    if (metric) registry.registerMetric(metric);
  }

  const eventLoopDelay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  eventLoopDelay.enable();
  const delay = new Gauge({
    name: "nodejs_eventloop_delay_seconds",
    help: "99th percentile of how late the event loop ran a timer, since the previous scrape, in seconds.",
    registers: [registry],
    collect() {
      // An empty histogram answers percentiles with nonsense rather than 0.
      const recorded = eventLoopDelay.count > 0 ? eventLoopDelay.percentile(99) : 0;
      const delayNs = Math.max(0, recorded - EVENT_LOOP_RESOLUTION_MS * 1e6);
      eventLoopDelay.reset();
      delay.set(delayNs / 1e9);
    },
  });
  return { close: () => eventLoopDelay.disable() };
}
