// Upstream hits are the bench's proof of work: a target only scores for answers that cost the
// Twilio calls they should have. Counts come from the fake Twilio, before and after a run.
import { setTimeout as sleep } from "node:timers/promises";

const KINDS = ["create", "list", "fetch"];

export function hitsBetween(before, after) {
  return Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - before[key]]));
}

/**
 * `expected` gives, per kind of call, the [fewest, most] hits the run may have caused; a kind
 * left out must not have been called at all.
 */
export function upstreamProblems(hits, expected) {
  const problems = [];
  for (const kind of KINDS) {
    const [min, max] = expected[kind] ?? [0, 0];
    if (hits[kind] < min) {
      problems.push(
        `${hits[kind]} upstream ${kind} calls, fewer than ${min}: answers without the Twilio work`,
      );
    } else if (hits[kind] > max) {
      problems.push(`${hits[kind]} upstream ${kind} calls, more than ${max}`);
    }
  }
  if (hits.rejected > 0) {
    problems.push(`the fake Twilio rejected ${hits.rejected} calls (auth, path or form)`);
  }
  return problems;
}

/**
 * A quiet interval: long enough that a target still working gets CPU in it even on a crowded
 * machine, and during which it uses at most one clock tick (timers, GC).
 */
const QUIET_MS = 150;
const IDLE_CPU_SECONDS = 0.01;
/** A target that never goes quiet is still measured; its upstream check will tell. */
const SETTLE_LIMIT_MS = 30_000;

/**
 * The fake's counts once the requests a run left in flight are done: requests cut off when
 * autocannon stopped still run in the target and may still call Twilio. Done means no new
 * upstream hit and an idle target over one answer latency plus QUIET_MS.
 */
export async function settledCounts(target, fake, latencyMs) {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  let counts = await fake.counts();
  let cpu = target.cpuSeconds();
  while (Date.now() < deadline) {
    await sleep(latencyMs + QUIET_MS);
    const nextCounts = await fake.counts();
    const nextCpu = target.cpuSeconds();
    const quiet = nextCounts.total === counts.total && !(nextCpu - cpu > IDLE_CPU_SECONDS);
    if (quiet) return nextCounts;
    [counts, cpu] = [nextCounts, nextCpu];
  }
  return counts;
}
