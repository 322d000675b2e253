// Soak: the gateway alone under steady load for minutes, cycling through the fixed documents,
// with its RSS sampled every few seconds. Memory that keeps growing after the warm-up is a
// leak (per-request state kept, caches without bounds); the growth is judged against the RSS
// at the end of the warm-up, and any failed answer or missing upstream work is reported.
import autocannon from "autocannon";
import { answerChecker, cannonRequest, runOutcome } from "./load.mjs";
import { LOAD_SCENARIOS } from "./scenarios.mjs";
import { median } from "./stats.mjs";
import { hitsBetween, settledCounts, upstreamProblems } from "./upstream-check.mjs";

const SAMPLE_SECONDS = 10;
const CONNECTIONS = 32;

export async function runSoak({ target, fake, minutes, latencyMs, log }) {
  await fake.setLatency(latencyMs);
  const seconds = Math.round(minutes * 60);
  const warmupSeconds = Math.max(SAMPLE_SECONDS, Math.min(60, seconds / 5));
  const answered = Object.fromEntries(LOAD_SCENARIOS.map((s) => [s.id, 0]));
  const checkers = [];
  const requests = LOAD_SCENARIOS.map((scenario) => {
    const checker = answerChecker(target, scenario);
    checkers.push(checker);
    return {
      ...cannonRequest(target, scenario),
      onResponse: (status, body) => {
        answered[scenario.id] += 1;
        checker.verify(body);
      },
    };
  });

  const started = Date.now();
  const samples = [];
  const sample = () => {
    const rssMb = target.rssBytes() / 2 ** 20;
    samples.push({ seconds: Math.round((Date.now() - started) / 1000), rssMb });
    log(`soak ${samples.at(-1).seconds} s: RSS ${rssMb.toFixed(1)} MB`);
  };
  const before = await settledCounts([target, fake], fake, latencyMs);
  const timer = setInterval(sample, SAMPLE_SECONDS * 1000);
  const result = await autocannon({
    url: new URL("/", target.url).href,
    requests,
    connections: CONNECTIONS,
    duration: seconds,
    sampleInt: 100,
    timeout: 10,
    idReplacement: target.idempotencyKeys,
  });
  clearInterval(timer);
  sample();
  const hits = hitsBetween(before, await settledCounts([target, fake], fake, latencyMs));

  const combined = {
    failures: checkers.reduce((sum, c) => sum + c.failures, 0),
    samples: checkers.flatMap((c) => c.samples),
  };
  const run = runOutcome(result, combined);
  // Each connection may have one request of each kind cut off at the end.
  const expected = {};
  for (const scenario of LOAD_SCENARIOS) {
    const perRequest = scenario.upstream.perRequest(target);
    const count = answered[scenario.id];
    const [min, max] = expected[scenario.upstream.kind] ?? [0, 0];
    expected[scenario.upstream.kind] = [
      min + count * perRequest,
      max + (count + CONNECTIONS) * perRequest,
    ];
  }
  const problems = [...run.problems, ...upstreamProblems(hits, expected)];
  if (!target.alive()) problems.push(`${target.name} exited (see ${target.logFile})`);

  const afterWarmup = samples.filter((s) => s.seconds >= warmupSeconds);
  const baselineRssMb = afterWarmup[0]?.rssMb ?? NaN;
  const finalRssMb = median(samples.slice(-3).map((s) => s.rssMb));
  return {
    target: target.name,
    minutes,
    connections: CONNECTIONS,
    latencyMs,
    completed: run.completed,
    reqPerSec: result["2xx"] / result.duration,
    p99Ms: result.latency.p99,
    answered,
    warmupSeconds,
    sampleSeconds: SAMPLE_SECONDS,
    samples,
    baselineRssMb,
    finalRssMb,
    peakRssMb: Math.max(...samples.map((s) => s.rssMb)),
    rssGrowth: finalRssMb / baselineRssMb - 1,
    problems,
  };
}
