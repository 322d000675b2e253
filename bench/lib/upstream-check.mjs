// Upstream hits are the bench's proof of work: a target only scores for answers that cost the
// Twilio calls they should have. Counts come from the fake Twilio, before and after a run.
import { setTimeout as sleep } from "node:timers/promises";

const KINDS = ["create", "list", "fetch"];

export function hitsBetween(before, after) {
  return Object.fromEntries(
    [...KINDS, "rejected", "total"].map((key) => [key, after[key] - before[key]]),
  );
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
 * A quiet interval: long enough that a process still working gets CPU in it even on a crowded
 * machine, and during which each process watched uses at most one clock tick (timers, GC).
 */
const QUIET_MS = 150;
const IDLE_CPU_SECONDS = 0.01;
/** A target that never goes quiet is still measured; its upstream check will tell. */
const SETTLE_LIMIT_MS = 30_000;

/**
 * The fake's counts once the requests a run left in flight are done: requests cut off when
 * autocannon stopped still run in the target and may still call Twilio. Done means, over one
 * answer latency plus QUIET_MS: no new upstream hit, none waiting in the fake, no connection
 * to it half open, and every process watched (the target and the fake Twilio) idle.
 */
export async function settledCounts(processes, fake, latencyMs) {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  const cpu = () => processes.map((p) => p.cpuSeconds());
  let counts = await fake.counts();
  let used = cpu();
  while (Date.now() < deadline) {
    await sleep(latencyMs + QUIET_MS);
    const nextCounts = await fake.counts();
    const nextUsed = cpu();
    const idle = nextUsed.every((seconds, i) => !(seconds - used[i] > IDLE_CPU_SECONDS));
    const drained = nextCounts.inFlight === 0 && fake.handshakesPending() === 0;
    if (idle && drained && nextCounts.total === counts.total) return nextCounts;
    [counts, used] = [nextCounts, nextUsed];
  }
  return counts;
}
