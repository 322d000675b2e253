// One cell of the matrix: a target, a scenario, a connection count, an upstream latency.
// Warm up, then measure: throughput and latency from autocannon, CPU and RSS of the target's
// process from /proc, and the upstream hits the answers cost. Anything that failed (a bad
// answer, a non-2xx, a network error, missing or extra upstream work) makes the cell invalid.
import { runLoad } from "./load.mjs";
import { hitsBetween, settledCounts, upstreamProblems } from "./upstream-check.mjs";

export async function measureCell({
  target,
  scenario,
  connections,
  latencyMs,
  seconds,
  warmupSeconds,
  fake,
}) {
  const problems = [];
  if (warmupSeconds > 0) {
    const warm = await runLoad({ target, scenario, connections, seconds: warmupSeconds });
    problems.push(...warm.problems.map((p) => `warm-up: ${p}`));
  }
  const before = await settledCounts(target, fake, latencyMs);
  const cpuBefore = target.cpuSeconds();
  const run = await runLoad({ target, scenario, connections, seconds });
  const hits = hitsBetween(before, await settledCounts(target, fake, latencyMs));
  const cpuSeconds = target.cpuSeconds() - cpuBefore;
  const rssBytes = target.rssBytes();

  // Requests cut off when the run ended may or may not have reached Twilio: between the
  // answered ones and all those sent.
  const perRequest = scenario.upstream.perRequest(target);
  const expected = {
    [scenario.upstream.kind]: [run.completed * perRequest, run.sent * perRequest],
  };
  const upstream = upstreamProblems(hits, expected);
  const served = hits[scenario.upstream.kind] / perRequest;
  problems.push(...run.problems, ...upstream);
  if (run.completed === 0) problems.push("no answer at all");
  if (!target.alive()) problems.push(`${target.name} exited (see ${target.logFile})`);

  return {
    target: target.name,
    scenario: scenario.id,
    connections,
    latencyMs,
    reqPerSec: run.reqPerSec,
    p50Ms: run.p50Ms,
    p99Ms: run.p99Ms,
    // Requests cut off at the end were served all the same (only their answer was lost): when
    // the upstream count checks out, it says how many were, better than the answered count.
    cpuUsPerRequest: (cpuSeconds * 1e6) / (upstream.length === 0 ? served : run.completed),
    rssMb: rssBytes / 2 ** 20,
    completed: run.completed,
    sent: run.sent,
    upstreamHits: hits[scenario.upstream.kind],
    // Within the bounds, the count per answered request is exactly `perRequest`; hits/completed
    // would overstate it by the requests cut off at the end.
    upstreamPerRequest:
      upstream.length === 0 ? perRequest : hits[scenario.upstream.kind] / run.completed,
    valid: problems.length === 0,
    problems,
  };
}
