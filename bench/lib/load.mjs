// One autocannon run against one target with one scenario. Every answer gets a cheap check (no
// `"errors"`, the scenario's marker value present); every DEEP_CHECK_EVERY-th is parsed and
// checked in full. Failed checks count as autocannon mismatches and keep a few samples.
import autocannon from "autocannon";
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

/** The figures of a finished autocannon run, and what went wrong in it. */
export function summarizeRun(result, checker) {
  const completed = result.requests.total;
  const failed = {
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    badAnswers: checker.failures,
  };
  const problems = Object.entries(failed)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${count} ${what}`);
  if (checker.samples.length > 0) problems.push(...checker.samples);
  return {
    completed,
    sent: result.requests.sent,
    seconds: result.duration,
    reqPerSec: result["2xx"] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ...failed,
    problems,
  };
}

export async function runLoad({ target, scenario, connections, seconds }) {
  const checker = answerChecker(target, scenario);
  const { path, ...request } = cannonRequest(target, scenario);
  const result = await autocannon({
    url: new URL(path, target.url).href,
    ...request,
    connections,
    duration: seconds,
    // The run ends at the first sample tick after `duration`: tick often so it ends on time.
    sampleInt: 100,
    timeout: 10,
    idReplacement: target.idempotencyKeys && scenario.mutation,
    verifyBody: checker.verify,
  });
  return summarizeRun(result, checker);
}
