import { monitorEventLoopDelay } from "node:perf_hooks";
import type { MetricsRegistry } from "./registry.js";
import { SampledMetric } from "./sampled.js";

/** How often the event-loop monitor's timer fires; every sample it records includes this wait. */
const EVENT_LOOP_RESOLUTION_MS = 10;

export interface ProcessMetrics {
  /** Stops the event-loop monitor. */
  close(): void;
}

/** The process's CPU, memory and event-loop delay, all read when scraped. */
export function registerProcessMetrics(registry: MetricsRegistry): ProcessMetrics {
  const eventLoopDelay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  eventLoopDelay.enable();
  registry.register(
    new SampledMetric(
      "process_cpu_seconds_total",
      "User and system CPU time spent by the process, in seconds.",
      "counter",
      () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1e6;
      },
    ),
  );
  registry.register(
    new SampledMetric(
      "process_resident_memory_bytes",
      "Resident set size of the process, in bytes.",
      "gauge",
      () => process.memoryUsage.rss(),
    ),
  );
  registry.register(
    new SampledMetric(
      "nodejs_heap_used_bytes",
      "V8 heap in use, in bytes.",
      "gauge",
      () => process.memoryUsage().heapUsed,
    ),
  );
  registry.register(
    new SampledMetric(
      "nodejs_eventloop_delay_seconds",
      "99th percentile of how late the event loop ran a timer, since the previous scrape, in seconds.",
      "gauge",
      () => {
        // An empty histogram answers percentiles with nonsense rather than 0.
        const recorded = eventLoopDelay.count > 0 ? eventLoopDelay.percentile(99) : 0;
        // Each interval recorded is the timer's own period plus the delay: keep only the delay.
        const delayNs = Math.max(0, recorded - EVENT_LOOP_RESOLUTION_MS * 1e6);
        eventLoopDelay.reset();
        return delayNs / 1e9;
      },
    ),
  );
  return { close: () => eventLoopDelay.disable() };
}
