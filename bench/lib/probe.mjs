// `_entities` latency against a single fetch, with no other load: one caller, requests one
// after the other, alternating the two. Ten reads done in parallel cost about one round trip;
// done one after another they cost ten — which is what the ratio shows at 20 ms upstream.
import { answerProblem, send } from "./client.mjs";
import { median } from "./stats.mjs";
import { entities, oneParticipant } from "./scenarios.mjs";
import { hitsBetween, upstreamProblems } from "./upstream-check.mjs";

export async function probeEntityLatency(target, fake, requests) {
  const single = [];
  const batch = [];
  const problems = new Set();
  const before = await fake.counts();
  for (let i = 0; i < requests; i++) {
    for (const [scenario, times] of [
      [oneParticipant, single],
      [entities, batch],
    ]) {
      const answer = await send(target, scenario);
      const problem = answerProblem(target, scenario, answer);
      if (problem) problems.add(`${scenario.id}: ${problem}`);
      times.push(answer.ms);
    }
  }
  const hits = hitsBetween(before, await fake.counts());
  // Sequential requests: every read has landed, so the count is exact.
  const readsPerEntities = (hits.fetch - requests) / requests;
  const expectedFetches = requests * (1 + entities.upstream.perRequest(target));
  for (const problem of upstreamProblems(hits, { fetch: [expectedFetches, expectedFetches] })) {
    problems.add(problem);
  }
  const singleP50 = median(single);
  const entitiesP50 = median(batch);
  return {
    singleP50Ms: singleP50,
    entitiesP50Ms: entitiesP50,
    ratio: entitiesP50 / singleP50,
    readsPerEntities,
    problems: [...problems],
  };
}
