// `npm run bench:events`: what live participant events cost one gateway process (the built
// server, against the bench's fake Twilio): (a) memory per idle WebSocket subscription, (b) the
// latency of one event fanned out to the subscribers of a conference, (c) signed Twilio
// callbacks verified and published per second on one core. See bench/README.md.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseEventOptions } from "./lib/events/options.mjs";
import { startEventsGateway, waitForSubscriptions } from "./lib/events/gateway.mjs";
import { measureIdleSubscriptions } from "./lib/events/idle.mjs";
import { measureFanout } from "./lib/events/fanout.mjs";
import { measureIngest } from "./lib/events/ingest.mjs";
import { render, rows } from "./lib/events/report.mjs";
import { closeAll } from "./lib/events/subscribers.mjs";
import { startFakeTwilio } from "./lib/fake-twilio.mjs";
import { gitCommit, machine } from "./lib/provenance.mjs";
import { writeResults } from "./lib/report.mjs";

const log = (line) => process.stderr.write(`${line}\n`);
const options = parseEventOptions(process.argv.slice(2));

// Every subscriber is a socket here and one at the gateway (which inherits this limit), plus
// files, the fake Twilio's sockets and autocannon's.
const neededFiles = options.subscriptions + options.fanout + 1024;
const openFilesLimit = () => {
  const match = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(
    readFileSync("/proc/self/limits", "utf8"),
  );
  const value = (text) => (text === "unlimited" ? Infinity : Number(text));
  return { soft: value(match[1]), hard: value(match[2]) };
};
const limit = openFilesLimit();
if (limit.soft < neededFiles) {
  // Node cannot raise its own limit: run again under a shell that does (up to the hard limit).
  if (limit.hard < neededFiles || process.env.BENCH_EVENTS_RAISED_LIMIT) {
    log(`${neededFiles} open files needed, the hard limit is ${limit.hard}: lower --subscriptions`);
    process.exit(1);
  }
  const rerun = spawnSync(
    "sh",
    [
      "-c",
      `ulimit -n ${neededFiles} && exec "$0" "$@"`,
      process.execPath,
      ...process.argv.slice(1),
    ],
    { stdio: "inherit", env: { ...process.env, BENCH_EVENTS_RAISED_LIMIT: "1" } },
  );
  process.exit(rerun.status ?? 1);
}

const startedAt = new Date();
const logDir = mkdtempSync(join(os.tmpdir(), "participant-gateway-bench-events-"));
log(`logs of every process: ${logDir} (removed at the end unless something failed)`);
const loadAverageBefore = os.loadavg()[0];
const fake = await startFakeTwilio({ logDir });

// (a) and (b) on one gateway: the fan-out runs with the idle subscribers still open.
const shared = await startEventsGateway({
  fakeTwilioUrl: fake.url,
  logDir,
  name: "gateway",
  subscriptions: options.subscriptions + options.fanout + 10,
});
const { subscribers: idleSubscribers, result: idle } = await measureIdleSubscriptions({
  gateway: shared,
  count: options.subscriptions,
  concurrency: options.concurrency,
  log,
});
const fanout = await measureFanout({
  gateway: shared,
  count: options.fanout,
  concurrency: options.concurrency,
  events: options.events,
  alreadyOpen: options.subscriptions,
  log,
});
await closeAll(idleSubscribers);
await waitForSubscriptions(shared.origin, 0);
await shared.stop();

// (c) on a fresh gateway, pinned: one core's worth of callbacks. The bench (load generator and
// subscriber) gets the other core.
const pinned = options.pin && os.cpus().length >= 2;
if (pinned) execFileSync("taskset", ["-acp", "0", String(process.pid)], { stdio: "ignore" });
const ingesting = await startEventsGateway({
  fakeTwilioUrl: fake.url,
  logDir,
  name: "gateway-ingest",
  cpus: pinned ? "1" : undefined,
  subscriptions: 10,
});
const ingest = await measureIngest({
  gateway: ingesting,
  connections: options.connections,
  seconds: options.seconds,
  warmupSeconds: options.warmupSeconds,
  log,
});
await ingesting.stop();

// Events come from callbacks alone: not one Twilio call per event, let alone per subscriber.
const twilioCalls = (await fake.counts()).total;
await fake.stop();
const loadAverageAfter = os.loadavg()[0];

const problems = [
  ...idle.problems.map((p) => `(a) ${p}`),
  ...fanout.problems.map((p) => `(b) ${p}`),
  ...ingest.problems.map((p) => `(c) ${p}`),
  ...(twilioCalls > 0 ? [`the gateway called Twilio ${twilioCalls} times`] : []),
];
const host = machine();
const commit = gitCommit();
const header = [
  `participant-gateway live-event bench, ${startedAt.toISOString()}, commit ${commit}`,
  `machine: ${host.cpus} × ${host.model}, Node ${host.node}, load average ${loadAverageBefore.toFixed(2)} before, ${loadAverageAfter.toFixed(2)} after`,
  "gateway: node dist/src/main.js, NODE_ENV=production, live mode on a fake Twilio (not called), GATEWAY_API_KEYS, metrics on",
  pinned
    ? "(a), (b): no pinning; (c): gateway pinned to CPU 1, bench to CPU 0"
    : "no CPU pinning: the bench and the gateway share the cores",
];
const table = rows({ idle, fanout, ingest, pinned });
const { text, markdown } = render(header, table, problems);
const data = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  commit,
  machine: { ...host, loadAverageBefore, loadAverageAfter },
  options,
  idle,
  fanout,
  ingest,
  twilioCalls,
  rows: table,
  problems,
};
const files = writeResults(options.outDir, startedAt, data, markdown);
console.log(text);
log(`\nwritten: ${files.join(", ")}`);
if (problems.length) log(`logs kept: ${logDir}`);
else rmSync(logDir, { recursive: true, force: true });
process.exit(problems.length ? 1 : 0);
