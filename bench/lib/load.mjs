// One autocannon run against one target with one scenario. Every answer gets a cheap check (no
// `"errors"`, the scenario's marker value present); every DEEP_CHECK_EVERY-th is parsed and
// checked in full. Failed checks count as autocannon mismatches and keep a few samples.
import autocannon from "autocannon";
import { quantile } from "./stats.mjs";
import { requestHeaders } from "./targets.mjs";

const DEEP_CHECK_EVERY = 50;
const SAMPLES_KEPT = 3;

/** Checks answers of one scenario; `failures` and `samples` say what went wrong. */
export function answerChecker(target, scenario) {
  const checker = { answers: 0, failures: 0, samples: [] };
  checker.verify = (body) => {
    checker.answers += 1;
    let problem;
    if (body.includes('"errors"')) problem = "errors in the answer";
    else if (!body.includes(scenario.marker)) problem = `no ${scenario.marker} in the answer`;
    else if (checker.answers % DEEP_CHECK_EVERY === 0) {
      try {
        problem = scenario.check(JSON.parse(body), target);
      } catch {
        problem = "the answer is not JSON";
      }
    }
    if (problem === undefined) return true;
    checker.failures += 1;
    if (checker.samples.length < SAMPLES_KEPT) {
      checker.samples.push(`${scenario.id}: ${problem}: ${body.slice(0, 200)}`);
    }
    return false;
  };
  return checker;
}

/**
 * autocannon's request for this target and scenario (`path` is relative to the target's
 * origin); `[<id>]` becomes a fresh id per request.
 */
export function cannonRequest(target, scenario) {
  const { method, path, body } = scenario.request(target);
  return { method, path, body, headers: requestHeaders(target, scenario, "[<id>]") };
}

/** How a finished autocannon run went: what was sent and answered, and what failed. */
export function runOutcome(result, checker) {
  const failed = {
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    badAnswers: checker.failures,
  };
  const problems = Object.entries(failed)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${count} ${what}`);
  problems.push(...checker.samples);
  return { completed: result.requests.total, sent: result.requests.sent, ...failed, problems };
}

/** A cell that has not reached a steady state by then is not measured (and is invalid). */
const LONGEST_WARMUP_SECONDS = 20;

/**
 * One run on the same connections: a warm-up, then a measured window of `seconds`. The window
 * opens once `warmupSeconds` have passed *and* there have been as many answers as connections,
 * so it starts in a steady state (at 256 connections a cold start's first answers take a
 * while). Throughput and latency count only the window's answers; `onWindowStart` is called as
 * it opens, to take the target's other figures at the same moment. Answers are checked and
 * failures counted over the whole run.
 */
export async function runLoad({
  target,
  scenario,
  connections,
  seconds,
  warmupSeconds = 0,
  onWindowStart = () => {},
}) {
  const checker = answerChecker(target, scenario);
  const { path, ...request } = cannonRequest(target, scenario);
  const instance = autocannon({
    url: new URL(path, target.url).href,
    ...request,
    connections,
    // An upper bound: the run is stopped `seconds` after the window opens.
    duration: Math.max(warmupSeconds, LONGEST_WARMUP_SECONDS) + seconds,
    // A stop takes effect at the next sample tick: tick often so the run ends on time.
    sampleInt: 100,
    timeout: 10,
    idReplacement: target.idempotencyKeys && scenario.mutation,
    verifyBody: checker.verify,
  });
  let startedAt;
  let warmAnswers = 0;
  const window = { openedAt: undefined, lastAt: undefined, latencies: [] };
  instance.once("start", () => (startedAt = performance.now()));
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    const now = performance.now();
    if (window.openedAt === undefined) {
      warmAnswers += 1;
      if (warmAnswers >= connections && now - startedAt >= warmupSeconds * 1000) {
        window.openedAt = now;
        onWindowStart();
        setTimeout(() => instance.stop(), seconds * 1000);
      }
      return;
    }
    if (statusCode < 200 || statusCode >= 300) return;
    window.latencies.push(responseTime);
    window.lastAt = now;
  });
  const result = await instance;
  const latencies = window.latencies.sort((a, b) => a - b);
  const windowSeconds = ((window.lastAt ?? NaN) - window.openedAt) / 1000;
  return {
    ...runOutcome(result, checker),
    warmupSeconds: ((window.openedAt ?? NaN) - startedAt) / 1000,
    answeredInWindow: latencies.length,
    reqPerSec: latencies.length / windowSeconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
  };
}
