// The live-event bench's figures against its goals, as terminal text and markdown.
const KB = 1024;
const fixed = (digits) => (value) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
const thousands = (value) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "n/a";

export const GOALS = {
  bytesPerSubscription: 10 * KB,
  fanoutP99Ms: 100,
  callbacksPerSecond: 2000,
};

/** One row per measurement: what, the figure, the goal, and whether it was met and valid. */
export function rows({ idle, fanout, ingest, pinned }) {
  const verdict = (result, met) => (result.problems.length ? "INVALID" : met ? "PASS" : "FAIL");
  return [
    {
      measure: `(a) ${thousands(idle.subscriptions)} idle subscriptions, one WebSocket each`,
      figure: `${fixed(1)(idle.bytesPerSubscription / KB)} KB RSS each: ${fixed(1)(idle.bytesPerConnection / KB)} KB the admitted connection, ${fixed(1)(idle.bytesPerSubscriptionAlone / KB)} KB its subscription (${fixed(0)(idle.rssBeforeMb)} → ${fixed(0)(idle.rssConnectedMb)} → ${fixed(0)(idle.rssAfterMb)} MB)`,
      goal: "< 10 KB",
      verdict: verdict(idle, idle.bytesPerSubscription < GOALS.bytesPerSubscription),
    },
    {
      measure: `(b) one callback fanned out to ${thousands(fanout.subscribers)} subscribers of a conference (${fanout.events} event${fanout.events === 1 ? "" : "s"}, ${thousands(idle.subscriptions)} others idle)`,
      figure: `p50 ${fixed(1)(fanout.p50Ms)} ms, p99 ${fixed(1)(fanout.p99Ms)} ms, max ${fixed(1)(fanout.maxMs)} ms (worst event's p99 ${fixed(1)(fanout.worstEventP99Ms)} ms); gateway CPU ${fixed(0)(fanout.cpuUsPerDelivery)} µs per delivery`,
      goal: "p99 < 100 ms",
      verdict: verdict(fanout, fanout.p99Ms < GOALS.fanoutP99Ms),
    },
    {
      measure: `(c) signed callbacks verified and published${pinned ? ", gateway on CPU 1" : ""} (${ingest.connections} connections)`,
      figure: `${thousands(ingest.callbacksPerSecond)}/s with the gateway at ${fixed(0)(ingest.cpuShare * 100)} % of a core; ${fixed(0)(ingest.cpuUsPerCallback)} µs CPU each, ≈ ${thousands(1e6 / ingest.cpuUsPerCallback)}/s per core; one at a time ${fixed(0)(ingest.cpuUsPerCallbackAlone)} µs with no subscriber, ${fixed(0)(ingest.cpuUsPerCallbackAloneWithSubscriber)} µs with one`,
      goal: "≥ 2,000/s",
      verdict: verdict(ingest, ingest.callbacksPerSecond >= GOALS.callbacksPerSecond),
    },
  ];
}

export function render(header, table, problems) {
  const width = (key) => Math.max(key.length, ...table.map((row) => row[key].length));
  const columns = ["measure", "figure", "goal", "verdict"];
  const line = (cells) => cells.map((cell, i) => cell.padEnd(width(columns[i]))).join("  ");
  const text = [
    ...header,
    "",
    line(columns),
    ...table.map((row) => line(columns.map((key) => row[key]))),
    ...(problems.length ? ["", "Invalid (not scored):", ...problems] : []),
  ].join("\n");
  const markdown = [
    ...header.map((l) => `${l}  `),
    "",
    "| measure | figure | goal | verdict |",
    "| --- | --- | --- | --- |",
    ...table.map((row) => `| ${columns.map((key) => row[key]).join(" | ")} |`),
    ...(problems.length ? ["", "Invalid (not scored):", "", ...problems.map((p) => `- ${p}`)] : []),
    "",
  ].join("\n");
  return { text, markdown };
}
