// `npm run bench`: the built gateway against the stack it is built on, in one run. Every target
// runs in its own process against the same fake Twilio (also its own process); autocannon
// drives them from this one. See bench/README.md for the options and how to read the table.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { closeClient } from "./lib/client.mjs";
import { assertDocumentsFitGatewaySchema } from "./lib/documents.mjs";
import { startFakeTwilio } from "./lib/fake-twilio.mjs";
import { estimateSeconds, runMatrix } from "./lib/matrix.mjs";
import { parseOptions } from "./lib/options.mjs";
import { startOtlpSink } from "./lib/otlp-sink.mjs";
import { checkEndToEnd } from "./lib/preflight.mjs";
import { gitCommit, machine } from "./lib/provenance.mjs";
import {
  evaluateTargets,
  render,
  summarizeCells,
  summarizeProbes,
  writeResults,
} from "./lib/report.mjs";
import { oneParticipant } from "./lib/scenarios.mjs";
import { runSoak } from "./lib/soak.mjs";
import { TARGETS, baselineTargets, featureTargets, startTarget } from "./lib/targets.mjs";

const log = (line) => process.stderr.write(`${line}\n`);
const options = parseOptions(process.argv.slice(2));
const startedAt = new Date();
assertDocumentsFitGatewaySchema();

// Two cores shared by everything: --pin gives the target one and the rest the other.
const LOAD_CPU = options.pin ? "0" : undefined;
const TARGET_CPU = options.pin ? "1" : undefined;
if (options.pin) {
  execFileSync("taskset", ["-cp", LOAD_CPU, String(process.pid)], { stdio: "ignore" });
}

const logDir = mkdtempSync(join(os.tmpdir(), "participant-gateway-bench-"));
log(`logs of every process: ${logDir} (removed at the end unless something failed)`);
const gatewayProfiles = [TARGETS.gateway, ...featureTargets(options.features)];
// A soak runs one gateway: `all` when --features names it, else the last it names, else the bare.
const soaked =
  gatewayProfiles.find((target) => target === TARGETS.gatewayAll) ?? gatewayProfiles.at(-1);
const baselines = options.baselineDir ? baselineTargets(options.baselineDir, gatewayProfiles) : [];
const profiles = options.soak
  ? [soaked]
  : [...gatewayProfiles, ...baselines, TARGETS.forwarder, TARGETS.plain];
const fake = await startFakeTwilio({ logDir, cpus: LOAD_CPU });
const sink = profiles.some((target) => target.needsOtlpSink)
  ? await startOtlpSink({ logDir, cpus: LOAD_CPU })
  : undefined;
const started = await Promise.all(
  profiles.map((profile) =>
    startTarget(profile, {
      fakeTwilioUrl: fake.url,
      otlpUrl: sink?.url,
      logDir,
      cpus: TARGET_CPU,
      cpuProfileDir: options.cpuProfileDir,
    }),
  ),
);

const loadAverageBefore = os.loadavg()[0];
await fake.setLatency(0);
const rejected = {};
const targets = [];
for (const target of started) {
  const problems = await checkEndToEnd(target, [...options.scenarios, oneParticipant], fake);
  if (problems.length === 0) targets.push(target);
  else {
    rejected[target.name] = problems;
    log(`${target.name} failed the end-to-end check, not measured:\n  ${problems.join("\n  ")}`);
  }
}

let cells = [];
let probes = [];
let soak;
if (options.soak && targets.length > 0) {
  log(`soaking ${targets[0].name} for ${options.soakMinutes} min`);
  soak = await runSoak({
    target: targets[0],
    fake,
    minutes: options.soakMinutes,
    latencyMs: options.latencies[0],
    log,
  });
} else if (!options.soak) {
  const minutes = estimateSeconds(options, targets.length) / 60;
  log(`measuring: about ${minutes.toFixed(1)} min`);
  ({ cells, probes } = await runMatrix({ targets, fake, options, log }));
}
const loadAverageAfter = os.loadavg()[0];
const spansReceived = await sink?.received();

const rows = summarizeCells(cells);
const probeRows = summarizeProbes(probes);
const evaluated = evaluateTargets(rows, probeRows, soak);
const commit = gitCommit();
const host = machine();
const header = [
  `participant-gateway bench, ${startedAt.toISOString()}, commit ${commit}`,
  ...(options.baselineDir
    ? [`baseline: ${options.baselineDir}, commit ${gitCommit(options.baselineDir)}`]
    : []),
  `machine: ${host.cpus} × ${host.model}, Node ${host.node}, load average ${loadAverageBefore.toFixed(2)} before, ${loadAverageAfter.toFixed(2)} after`,
  options.soak
    ? `soak: ${options.soakMinutes} min, ${soaked.name}`
    : `${options.rounds} round(s), ${options.seconds} s cells after ${options.warmupSeconds} s warm-up, medians; features ${options.features.join(",") || "none"}`,
  options.pin
    ? "targets pinned to CPU 1; load generator, fake Twilio and OTLP sink to CPU 0"
    : "no CPU pinning: load generator, fake Twilio, OTLP sink and target share the cores",
  ...(spansReceived ? [`OTLP sink: ${JSON.stringify(spansReceived)}`] : []),
  ...(options.soak
    ? []
    : [
        "Ratios: req/s ÷x > 1 is faster than x; CPU ÷x > 1 is more CPU per request than x. Compare ratios, not absolute figures, across machines.",
      ]),
  ...Object.entries(rejected).map(
    ([name, problems]) => `NOT MEASURED ${name}: ${problems.join("; ")}`,
  ),
];
const { text, markdown } = render({ rows, probeRows, targets: evaluated, soak, header });
const data = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  commit,
  machine: { ...host, loadAverageBefore, loadAverageAfter },
  options: { ...options, scenarios: options.scenarios.map((s) => s.id) },
  rejected,
  rows,
  probes: probeRows,
  targets: evaluated,
  soak,
  cells,
  rawProbes: probes,
  otlpSink: spansReceived,
};
const files = writeResults(options.outDir, startedAt, data, markdown);
console.log(text);
log(`\nwritten: ${files.join(", ")}`);

closeClient();
await Promise.all(started.map((target) => target.stop()));
await fake.stop();
await sink?.stop();
const invalid =
  Object.keys(rejected).length > 0 ||
  rows.some((row) => !row.valid) ||
  probeRows.some((p) => p.problems.length > 0) ||
  (soak !== undefined && soak.problems.length > 0);
// The processes' logs are kept only when something went wrong: that is when they are read.
if (invalid) log(`logs kept: ${logDir}`);
else rmSync(logDir, { recursive: true, force: true });
process.exit(invalid ? 1 : 0);
