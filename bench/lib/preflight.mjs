// Before any load: one request per scenario to each target, checked end to end — the right
// data in the answer, no errors, exactly the Twilio calls it should cost and, for the add, the
// form Twilio must receive. A target that fails here is not measured.
import { answerProblem, send } from "./client.mjs";
import { ADD_WIRE_PARAMS } from "./fixtures.mjs";
import { addParticipant } from "./scenarios.mjs";
import { hitsBetween, upstreamProblems } from "./upstream-check.mjs";

function sortedPairs(form) {
  return [...new URLSearchParams(form)].sort(([a, x], [b, y]) =>
    a === b ? x.localeCompare(y) : a.localeCompare(b),
  );
}

export async function checkEndToEnd(target, scenarios, fake) {
  const problems = [];
  for (const scenario of scenarios) {
    const before = await fake.counts();
    const answer = await send(target, scenario);
    const hits = hitsBetween(before, await fake.counts());
    const at = `${scenario.id}: `;
    const problem = answerProblem(target, scenario, answer);
    if (problem) problems.push(at + problem);
    const perRequest = scenario.upstream.perRequest(target);
    const expected = { [scenario.upstream.kind]: [perRequest, perRequest] };
    problems.push(...upstreamProblems(hits, expected).map((p) => at + p));
    if (scenario === addParticipant) {
      const sent = JSON.stringify(sortedPairs(await fake.lastCreateForm()));
      if (sent !== JSON.stringify(ADD_WIRE_PARAMS)) {
        problems.push(`${at}Twilio received ${sent}, expected ${JSON.stringify(ADD_WIRE_PARAMS)}`);
      }
    }
  }
  return problems;
}
