// From raw cells to what a person reads: medians over rounds, ratios to the forwarder and to
// the plain stack (absolute figures don't carry across machines; ratios do), the targets with
// pass/fail, a table for the terminal and the same as markdown, and the files in results/.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DISTINCT_ENTITIES } from "./fixtures.mjs";
import { LOAD_SCENARIOS } from "./scenarios.mjs";
import { median } from "./stats.mjs";

/**
 * The gateways the targets are checked for, and how much slack each gets: the bare one must
 * meet them; with every feature on, within 5 % (req/s ≥ 0.95 × plain, p99 over the forwarder's
 * ≤ 3.15 ms). Gateways with one feature on are measured for what the feature costs.
 */
const CHECKED_GATEWAYS = [
  { name: "gateway", slack: 1 },
  { name: "gateway+all", slack: 1.05 },
];
const isFeatureGateway = (target) => target.startsWith("gateway+");

function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return groups;
}

const cellKey = (c) => `${c.latencyMs}|${c.connections}|${c.scenario}|${c.target}`;

/**
 * One row per (latency, connections, scenario, target): medians over the rounds. A ratio is
 * the median of the per-round ratios: within a round the targets ran back to back, so each
 * round's ratio cancels what drifted between rounds.
 */
export function summarizeCells(cells) {
  const byRound = new Map(cells.map((cell) => [`${cellKey(cell)}|${cell.round}`, cell]));
  const ratio = (rounds, baseTarget) => {
    const pairs = rounds
      .map((cell) => [
        cell,
        byRound.get(`${cellKey({ ...cell, target: baseTarget })}|${cell.round}`),
      ])
      .filter(([cell, base]) => base !== undefined && base !== cell);
    if (pairs.length === 0) return undefined;
    const reqPerSec = pairs.map(([cell, base]) => cell.reqPerSec / base.reqPerSec);
    return {
      reqPerSec: median(reqPerSec),
      // How far apart the rounds were: what one run can and cannot tell apart.
      reqPerSecRange: [Math.min(...reqPerSec), Math.max(...reqPerSec)],
      cpu: median(pairs.map(([cell, base]) => cell.cpuUsPerRequest / base.cpuUsPerRequest)),
      cpuUsMore: median(pairs.map(([cell, base]) => cell.cpuUsPerRequest - base.cpuUsPerRequest)),
    };
  };
  return [...groupBy(cells, cellKey).values()].map((rounds) => {
    const of = (field) => median(rounds.map((r) => r[field]));
    const { target, scenario, connections, latencyMs } = rounds[0];
    return {
      latencyMs,
      connections,
      scenario,
      target,
      rounds: rounds.length,
      reqPerSec: of("reqPerSec"),
      p50Ms: of("p50Ms"),
      p99Ms: of("p99Ms"),
      cpuUsPerRequest: of("cpuUsPerRequest"),
      rssMb: rounds.at(-1).rssMb,
      upstreamPerRequest: of("upstreamPerRequest"),
      valid: rounds.every((r) => r.valid),
      problems: [...new Set(rounds.flatMap((r) => r.problems))],
      vsForwarder: ratio(rounds, "forwarder"),
      vsPlain: ratio(rounds, "plain"),
      vsGateway: isFeatureGateway(target) ? ratio(rounds, "gateway") : undefined,
      // `gateway+all` against `baseline+all` (another build, `--baseline`), and so on.
      vsBaseline: target.startsWith("gateway")
        ? ratio(rounds, target.replace(/^gateway/, "baseline"))
        : undefined,
    };
  });
}

/** One row per (latency, target): medians of the probe over the rounds. */
export function summarizeProbes(probes) {
  return [...groupBy(probes, (p) => `${p.latencyMs}|${p.target}`).values()].map((rounds) => ({
    latencyMs: rounds[0].latencyMs,
    target: rounds[0].target,
    singleP50Ms: median(rounds.map((r) => r.singleP50Ms)),
    entitiesP50Ms: median(rounds.map((r) => r.entitiesP50Ms)),
    ratio: median(rounds.map((r) => r.ratio)),
    readsPerEntities: median(rounds.map((r) => r.readsPerEntities)),
    problems: [...new Set(rounds.flatMap((r) => r.problems))],
  }));
}

function check(name, pass, detail) {
  return { name, pass, detail };
}

/** The performance targets; `pass: null` when the run did not include what one needs. */
export function evaluateTargets(rows, probeRows, soak) {
  const results = [];
  const row = (latencyMs, connections, scenario, target) =>
    rows.find(
      (r) =>
        r.latencyMs === latencyMs &&
        r.connections === connections &&
        r.scenario === scenario &&
        r.target === target,
    );
  const gateways = CHECKED_GATEWAYS.filter(
    ({ name }) => rows.some((r) => r.target === name) || probeRows.some((p) => p.target === name),
  );
  for (const { name: gateway, slack } of gateways) {
    const gw = row(0, 32, "add", gateway);
    const plain = row(0, 32, "add", "plain");
    const least = Number((1 / slack).toFixed(2));
    const name = `${gateway}: 0 ms / 32 conns, add: req/s ≥ ${least.toFixed(2)}× plain`;
    if (!gw?.vsPlain || !plain) results.push(check(name, null, "not in this run"));
    else if (!gw.valid || !plain.valid) results.push(check(name, false, "a cell is invalid"));
    else {
      const {
        reqPerSec: ratio,
        reqPerSecRange: [low, high],
      } = gw.vsPlain;
      const rounds = `rounds ${low.toFixed(2)}–${high.toFixed(2)}×`;
      results.push(check(name, ratio >= least, `${ratio.toFixed(2)}× plain (${rounds})`));
    }
    const most = Number((3 * slack).toFixed(2));
    for (const scenario of ["add", "list", "entities"]) {
      const g = row(20, 32, scenario, gateway);
      const f = row(20, 32, scenario, "forwarder");
      const name = `${gateway}: 20 ms / 32 conns, ${scenario}: p99 − forwarder p99 ≤ ${most} ms`;
      if (!g || !f) results.push(check(name, null, "not in this run"));
      else if (!g.valid || !f.valid) results.push(check(name, false, "a cell is invalid"));
      else
        results.push(
          check(name, g.p99Ms - f.p99Ms <= most, `${(g.p99Ms - f.p99Ms).toFixed(1)} ms`),
        );
    }
    const probes = probeRows.filter((p) => p.target === gateway);
    const readsName = `${gateway}: _entities makes ${DISTINCT_ENTITIES} upstream reads per request`;
    if (probes.length === 0) results.push(check(readsName, null, "not in this run"));
    else {
      const reads = probes.map((p) => p.readsPerEntities);
      results.push(
        check(
          readsName,
          reads.every((r) => r === DISTINCT_ENTITIES),
          `${[...new Set(reads)].join(", ")} reads`,
        ),
      );
    }
    const at20 = probes.find((p) => p.latencyMs === 20);
    const latencyName = `${gateway}: _entities latency ≤ 2× a single fetch (20 ms upstream, unloaded)`;
    if (!at20) results.push(check(latencyName, null, "no probe at 20 ms"));
    else
      results.push(
        check(
          latencyName,
          at20.problems.length === 0 && at20.ratio <= 2,
          `${at20.ratio.toFixed(2)}×`,
        ),
      );
  }
  if (soak) {
    const name = `${soak.target}: soak RSS growth after warm-up < 10%, no error`;
    results.push(
      check(
        name,
        soak.problems.length === 0 && soak.rssGrowth < 0.1,
        `${(soak.rssGrowth * 100).toFixed(1)}%`,
      ),
    );
  }
  return results;
}

const fixed = (digits) => (n) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const times = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "");
const plus = (n) => (Number.isFinite(n) ? `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(0)}` : "");
const SCENARIO_LABELS = Object.fromEntries(LOAD_SCENARIOS.map((s) => [s.id, s.label]));

const COLUMNS = [
  ["upstream", (r) => `${r.latencyMs} ms`],
  ["conns", (r) => String(r.connections)],
  ["scenario", (r) => SCENARIO_LABELS[r.scenario] ?? r.scenario],
  ["target", (r) => r.target],
  ["req/s", (r) => fixed(0)(r.reqPerSec)],
  ["p50 ms", (r) => fixed(1)(r.p50Ms)],
  ["p99 ms", (r) => fixed(1)(r.p99Ms)],
  ["CPU µs/req", (r) => fixed(0)(r.cpuUsPerRequest)],
  ["RSS MB", (r) => fixed(0)(r.rssMb)],
  ["up/req", (r) => fixed(r.valid ? 0 : 1)(r.upstreamPerRequest)],
  ["req/s ÷fwd", (r) => times(r.vsForwarder?.reqPerSec)],
  ["req/s ÷plain", (r) => times(r.vsPlain?.reqPerSec)],
  ["CPU ÷fwd", (r) => times(r.vsForwarder?.cpu)],
  ["CPU ÷plain", (r) => times(r.vsPlain?.cpu)],
  ["req/s ÷gw", (r) => times(r.vsGateway?.reqPerSec)],
  ["CPU −gw µs", (r) => plus(r.vsGateway?.cpuUsMore)],
  ["valid", (r) => (r.valid ? "yes" : "NO")],
];

const PROBE_COLUMNS = [
  ["upstream", (p) => `${p.latencyMs} ms`],
  ["target", (p) => p.target],
  ["one fetch p50 ms", (p) => fixed(1)(p.singleP50Ms)],
  ["_entities p50 ms", (p) => fixed(1)(p.entitiesP50Ms)],
  ["÷ one fetch", (p) => times(p.ratio)],
  ["reads/_entities", (p) => fixed(1)(p.readsPerEntities)],
  ["valid", (p) => (p.problems.length === 0 ? "yes" : "NO")],
];

/**
 * What each feature costs: the gateways with features on against the bare one, in the
 * CPU-bound cells (the lowest upstream latency and connection count measured), where CPU per
 * request is the cost and req/s follows it.
 */
export function featureCostRows(rows) {
  const latency = Math.min(...rows.map((r) => r.latencyMs));
  const connections = Math.min(...rows.map((r) => r.connections));
  return rows.filter(
    (r) => isFeatureGateway(r.target) && r.latencyMs === latency && r.connections === connections,
  );
}

const FEATURE_COST_COLUMNS = [
  ["gateway", (r) => r.target],
  ["scenario", (r) => SCENARIO_LABELS[r.scenario] ?? r.scenario],
  ["CPU µs/req", (r) => fixed(0)(r.cpuUsPerRequest)],
  ["over bare µs/req", (r) => plus(r.vsGateway?.cpuUsMore)],
  ["CPU ÷gw", (r) => times(r.vsGateway?.cpu)],
  ["req/s ÷gw", (r) => times(r.vsGateway?.reqPerSec)],
  ["valid", (r) => (r.valid ? "yes" : "NO")],
];

const BASELINE_COLUMNS = [
  ["upstream", (r) => `${r.latencyMs} ms`],
  ["conns", (r) => String(r.connections)],
  ["scenario", (r) => SCENARIO_LABELS[r.scenario] ?? r.scenario],
  ["gateway", (r) => r.target],
  ["req/s ÷baseline", (r) => times(r.vsBaseline?.reqPerSec)],
  ["CPU ÷baseline", (r) => times(r.vsBaseline?.cpu)],
  ["CPU −baseline µs", (r) => plus(r.vsBaseline?.cpuUsMore)],
  ["valid", (r) => (r.valid ? "yes" : "NO")],
];

const BASELINE_TITLE =
  "This build against the baseline (medians of per-round ratios; req/s ÷baseline > 1: this build is faster):";

function featureCostTitle(costRows) {
  const { latencyMs, connections } = costRows[0];
  return `What the features cost (${latencyMs} ms upstream, ${connections} connections; medians of per-round differences with the bare gateway):`;
}

/** The first `textColumns` columns are aligned left, the others (figures) right. */
function textTable(columns, items, textColumns = 4) {
  const cells = [
    columns.map(([title]) => title),
    ...items.map((item) => columns.map(([, f]) => f(item))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => (i < textColumns ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ");
  return [
    line(cells[0]),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.slice(1).map(line),
  ].join("\n");
}

function markdownTable(columns, items, textColumns = 4) {
  const row = (cells) => `| ${cells.join(" | ")} |`;
  return [
    row(columns.map(([title]) => title)),
    row(columns.map((_, i) => (i < textColumns ? "---" : "---:"))),
    ...items.map((item) => row(columns.map(([, f]) => f(item)))),
  ].join("\n");
}

function targetLines(targets) {
  const mark = (pass) => (pass === null ? "n/a " : pass ? "PASS" : "FAIL");
  return targets.map((t) => `${mark(t.pass)}  ${t.name}: ${t.detail}`);
}

function problemLines(rows, probeRows) {
  return [
    ...rows
      .filter((r) => !r.valid)
      .map(
        (r) =>
          `${r.latencyMs} ms / ${r.connections} conns / ${r.scenario} / ${r.target}: ${r.problems.join("; ")}`,
      ),
    ...probeRows
      .filter((p) => p.problems.length > 0)
      .map((p) => `probe ${p.latencyMs} ms / ${p.target}: ${p.problems.join("; ")}`),
  ];
}

export function soakLines(soak) {
  return [
    `soak: ${soak.target}, ${soak.minutes} min, ${soak.connections} conns, ${soak.latencyMs} ms upstream, ${soak.completed} requests (${fixed(0)(soak.reqPerSec)}/s)`,
    `RSS MB after warm-up ${fixed(1)(soak.baselineRssMb)}, at the end ${fixed(1)(soak.finalRssMb)}, peak ${fixed(1)(soak.peakRssMb)}: growth ${(soak.rssGrowth * 100).toFixed(1)}%`,
    `RSS samples (MB, every ${soak.sampleSeconds} s): ${soak.samples.map((s) => s.rssMb.toFixed(0)).join(" ")}`,
    ...(soak.problems.length ? [`problems: ${soak.problems.join("; ")}`] : ["no error"]),
  ];
}

/** The report as terminal text and as markdown. */
export function render({ rows, probeRows, targets, soak, header }) {
  const problems = problemLines(rows, probeRows);
  const costRows = featureCostRows(rows);
  const baselineRows = rows.filter((r) => r.vsBaseline !== undefined);
  const text = [
    ...header,
    "",
    ...(rows.length ? [textTable(COLUMNS, rows), ""] : []),
    ...(costRows.length
      ? [featureCostTitle(costRows), textTable(FEATURE_COST_COLUMNS, costRows, 2), ""]
      : []),
    ...(baselineRows.length ? [BASELINE_TITLE, textTable(BASELINE_COLUMNS, baselineRows), ""] : []),
    ...(probeRows.length
      ? [
          "_entities latency against a single fetch (one caller, no load):",
          textTable(PROBE_COLUMNS, probeRows),
          "",
        ]
      : []),
    ...(soak ? [...soakLines(soak), ""] : []),
    "Targets:",
    ...targetLines(targets),
    ...(problems.length ? ["", "Invalid (not scored):", ...problems] : []),
  ].join("\n");
  const markdown = [
    ...header.map((line) => `${line}  `),
    "",
    ...(rows.length ? [markdownTable(COLUMNS, rows), ""] : []),
    ...(costRows.length
      ? [featureCostTitle(costRows), "", markdownTable(FEATURE_COST_COLUMNS, costRows, 2), ""]
      : []),
    ...(baselineRows.length
      ? [BASELINE_TITLE, "", markdownTable(BASELINE_COLUMNS, baselineRows), ""]
      : []),
    ...(probeRows.length
      ? [
          "`_entities` latency against a single fetch (one caller, no load):",
          "",
          markdownTable(PROBE_COLUMNS, probeRows),
          "",
        ]
      : []),
    ...(soak ? [...soakLines(soak).map((l) => `- ${l}`), ""] : []),
    "Targets:",
    "",
    ...targetLines(targets).map((line) => `- ${line}`),
    ...(problems.length ? ["", "Invalid (not scored):", "", ...problems.map((p) => `- ${p}`)] : []),
    "",
  ].join("\n");
  return { text, markdown };
}

/** Writes results/<timestamp>.json and .md; returns their paths. */
export function writeResults(outDir, startedAt, data, markdown) {
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, startedAt.toISOString().replace(/[:.]/g, "-"));
  writeFileSync(`${base}.json`, JSON.stringify(data, null, 2) + "\n");
  writeFileSync(`${base}.md`, markdown);
  return [`${base}.json`, `${base}.md`];
}
