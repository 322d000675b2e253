// One cell of the matrix: a target, a scenario, a connection count, an upstream latency.
// One load run, warm-up then measured window: throughput and latency of the window from
// autocannon's answers, CPU and RSS of the target's process from /proc, and the upstream hits
// the answers cost. Anything that failed (a bad answer, a non-2xx, a network error, missing or
// extra upstream work) makes the cell invalid.
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
  const before = await settledCounts([target, fake], fake, latencyMs);
  let atWindow;
  const run = await runLoad({
    target,
    scenario,
    connections,
    seconds,
    warmupSeconds,
    onWindowStart() {
      const cpuSeconds = target.cpuSeconds();
      atWindow = fake.counts().then((counts) => ({ cpuSeconds, counts }));
    },
  });
  const after = await settledCounts([target, fake], fake, latencyMs);
  const cpuSeconds = target.cpuSeconds() - (await atWindow).cpuSeconds;
  const rssBytes = target.rssBytes();

  // From quiet to quiet, every request sent is accounted for, except those cut off when the
  // run stopped: they may or may not have reached Twilio.
  const { kind } = scenario.upstream;
  const perRequest = scenario.upstream.perRequest(target);
  const hits = hitsBetween(before, after);
  const upstream = upstreamProblems(hits, {
    [kind]: [run.completed * perRequest, run.sent * perRequest],
  });
  const problems = [...run.problems, ...upstream];
  if (run.answeredInWindow === 0) problems.push("no steady state: the window never opened");
  if (!target.alive()) problems.push(`${target.name} exited (see ${target.logFile})`);
  // Requests served from the window's start on, cut-off ones included (they cost CPU too).
  const served = hitsBetween((await atWindow).counts, after)[kind] / perRequest;

  return {
    target: target.name,
    scenario: scenario.id,
    connections,
    latencyMs,
    reqPerSec: run.reqPerSec,
    p50Ms: run.p50Ms,
    p99Ms: run.p99Ms,
    cpuUsPerRequest: (cpuSeconds * 1e6) / served,
    rssMb: rssBytes / 2 ** 20,
    completed: run.completed,
    sent: run.sent,
    answeredInWindow: run.answeredInWindow,
    warmupSeconds: run.warmupSeconds,
    upstreamHits: hits[kind],
    // Within the bounds every answered request cost exactly `perRequest`; hits/completed would
    // overstate it by the requests cut off at the end.
    upstreamPerRequest: upstream.length === 0 ? perRequest : hits[kind] / run.completed,
    valid: problems.length === 0,
    problems,
  };
}
