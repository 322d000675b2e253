// The command line, turned into a plan. Defaults keep a full run around 6–8 minutes on two
// cores; --quick is a smoke run of well under a minute.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { LOAD_SCENARIOS } from "./scenarios.mjs";
import { FEATURES } from "./targets.mjs";

const USAGE = `Usage: npm run bench -- [options]
  --quick               smoke run: 1 round, 32 connections, 0.75 s cells, no per-cell warm-up
  --duration <s>        measured seconds per cell (default 2)
  --warmup <s>          warm-up seconds before each cell's window (default 1)
  --rounds <n>          rounds over the whole matrix; figures are medians (default 3)
  --latencies <ms,…>    fake Twilio answer latencies (default 0,20)
  --connections <n,…>   concurrent connections (default 32,256)
  --scenarios <id,…>    add,list,entities (default all)
  --features <list>     gateways to add besides the bare one (default none): all (every feature
                        on, as an operator runs it) and/or single features, each alone:
                        auth,idempotency,metrics,logging,tracing; and all but one: all-tracing,
                        all-logging, …; e.g. all,auth,tracing,all-tracing
  --probe <n>           sequential request pairs for the _entities latency probe (default 30)
  --pin                 pin targets to CPU 1, load generator and fake Twilio to CPU 0 (taskset)
  --cpu-prof <dir>      each target writes a V8 CPU profile there when they stop (node --cpu-prof);
                        read it with: node bench/profile-summary.mjs <dir>/<name>.cpuprofile
  --baseline <dir>      also run another checkout's built gateway (<dir>/dist/src/main.js, e.g. a
                        git worktree of main), bare and as each --features gateway, as targets
                        baseline, baseline+all, …: what a change bought, measured side by side
  --soak                soak the gateway alone instead: fixed documents, RSS every 10 s
  --soak-minutes <m>    soak length (default 5)
  --out <dir>           where results go (default bench/results)`;

function numbers(text, name) {
  const list = text.split(",").map(Number);
  if (list.some((n) => !Number.isFinite(n) || n < 0))
    throw new Error(`--${name}: ${text}?\n${USAGE}`);
  return list;
}

export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      duration: { type: "string" },
      warmup: { type: "string" },
      rounds: { type: "string" },
      latencies: { type: "string", default: "0,20" },
      connections: { type: "string" },
      scenarios: { type: "string", default: LOAD_SCENARIOS.map((s) => s.id).join(",") },
      features: { type: "string", default: "none" },
      probe: { type: "string" },
      pin: { type: "boolean", default: false },
      "cpu-prof": { type: "string" },
      baseline: { type: "string" },
      soak: { type: "boolean", default: false },
      "soak-minutes": { type: "string", default: "5" },
      out: { type: "string", default: new URL("../results", import.meta.url).pathname },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const features = values.features === "none" ? [] : values.features.split(",");
  const known = ["all", ...Object.keys(FEATURES).flatMap((name) => [name, `all-${name}`])];
  for (const feature of features) {
    if (!known.includes(feature)) throw new Error(`--features: no feature "${feature}"\n${USAGE}`);
  }
  const scenarios = values.scenarios.split(",").map((id) => {
    const scenario = LOAD_SCENARIOS.find((s) => s.id === id);
    if (!scenario) throw new Error(`--scenarios: no scenario "${id}"\n${USAGE}`);
    return scenario;
  });
  const quick = values.quick;
  return {
    quick,
    seconds: Number(values.duration ?? (quick ? 0.75 : 2)),
    warmupSeconds: Number(values.warmup ?? (quick ? 0 : 1)),
    /** Once per target and scenario before round 1: JIT, caches and connection pools. */
    initialWarmupSeconds: quick ? 0.5 : 2,
    rounds: Number(values.rounds ?? (quick ? 1 : 3)),
    latencies: numbers(values.latencies, "latencies"),
    connections: numbers(values.connections ?? (quick ? "32" : "32,256"), "connections"),
    scenarios,
    /** Names: `all` and single features, in the order given, without repeats. */
    features: [...new Set(features)],
    probeRequests: Number(values.probe ?? (quick ? 8 : 30)),
    pin: values.pin,
    cpuProfileDir: values["cpu-prof"] && resolve(values["cpu-prof"]),
    baselineDir: values.baseline && resolve(values.baseline),
    soak: values.soak,
    soakMinutes: Number(values["soak-minutes"]),
    outDir: values.out,
  };
}
