// The comparison: every target through every (latency, connections, scenario) cell, round
// after round, targets interleaved within each cell so that drift on a shared machine hits
// them all alike; then, per latency, the unloaded `_entities` latency probe.
import { measureCell } from "./cell.mjs";
import { runLoad } from "./load.mjs";
import { probeEntityLatency } from "./probe.mjs";
import { entities } from "./scenarios.mjs";
import { settledCounts } from "./upstream-check.mjs";

/** Each cell also waits twice for its target to go quiet (settledCounts): ~latency + 0.2 s. */
export function estimateSeconds(options, targetCount) {
  const cellsPerLatency =
    options.rounds * options.connections.length * options.scenarios.length * targetCount;
  return options.latencies.reduce(
    (sum, ms) =>
      sum + cellsPerLatency * (options.seconds + options.warmupSeconds + 2 * (ms / 1000 + 0.2)),
    0,
  );
}

/** JIT, Apollo's document cache, connection pools: once per target and scenario, at 0 ms. */
async function warmUp(targets, fake, options, log) {
  await fake.setLatency(0);
  for (const target of targets) {
    for (const scenario of options.scenarios) {
      const warm = await runLoad({
        target,
        scenario,
        connections: 32,
        seconds: options.initialWarmupSeconds,
      });
      if (warm.problems.length) {
        log(`warm-up ${target.name} ${scenario.id}: ${warm.problems.join("; ")}`);
      }
    }
    // Its cut-off requests must land before another target is measured.
    await settledCounts([target, fake], fake, 0);
  }
}

export async function runMatrix({ targets, fake, options, log }) {
  const cells = [];
  const probes = [];
  await warmUp(targets, fake, options, log);
  for (let round = 1; round <= options.rounds; round++) {
    for (const latencyMs of options.latencies) {
      await fake.setLatency(latencyMs);
      for (const connections of options.connections) {
        for (const scenario of options.scenarios) {
          for (const target of targets) {
            const cell = await measureCell({
              target,
              scenario,
              connections,
              latencyMs,
              seconds: options.seconds,
              warmupSeconds: options.warmupSeconds,
              fake,
            });
            cells.push({ round, ...cell });
            const verdict = cell.valid ? "" : ` INVALID: ${cell.problems.join("; ")}`;
            log(
              `round ${round} ${latencyMs} ms ${connections} conns ${scenario.id} ${target.name}: ` +
                `${cell.reqPerSec.toFixed(0)} req/s, p99 ${cell.p99Ms.toFixed(1)} ms${verdict}`,
            );
          }
        }
      }
      if (options.scenarios.includes(entities)) {
        for (const target of targets) {
          const probe = await probeEntityLatency(target, fake, options.probeRequests);
          probes.push({ round, latencyMs, target: target.name, ...probe });
        }
      }
    }
  }
  return { cells, probes };
}
