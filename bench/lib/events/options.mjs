// The live-event bench's command line. Defaults are the figures the README reports; --quick is
// a smoke run of well under a minute.
import { parseArgs } from "node:util";

const USAGE = `Usage: npm run bench:events -- [options]
  --quick               smoke run: 1,000 idle subscriptions, 100 fanned out to, 5 events, 3 s ingest
  --subscriptions <n>   (a) idle subscriptions, one WebSocket each (default 10000)
  --concurrency <n>     WebSockets connecting at a time (default 100)
  --fanout <n>          (b) subscribers of the one conference (default 1000)
  --events <n>          (b) callbacks fanned out, one at a time (default 20)
  --connections <n>     (c) connections posting callbacks (default 32)
  --duration <s>        (c) measured seconds (default 10)
  --warmup <s>          (c) seconds before the window opens (default 3)
  --no-pin              (c) do not pin the gateway to CPU 1 and the bench to CPU 0
  --out <dir>           where results go (default bench/results/events)`;

export function parseEventOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      subscriptions: { type: "string" },
      concurrency: { type: "string", default: "100" },
      fanout: { type: "string" },
      events: { type: "string" },
      connections: { type: "string", default: "32" },
      duration: { type: "string" },
      warmup: { type: "string" },
      "no-pin": { type: "boolean", default: false },
      out: { type: "string", default: new URL("../../results/events", import.meta.url).pathname },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick;
  const count = (name, fallback) => {
    const value = Number(values[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--${name}: ${values[name]}?\n${USAGE}`);
    return value;
  };
  return {
    quick,
    subscriptions: count("subscriptions", quick ? 1000 : 10_000),
    concurrency: count("concurrency"),
    fanout: count("fanout", quick ? 100 : 1000),
    events: count("events", quick ? 5 : 20),
    connections: count("connections"),
    seconds: count("duration", quick ? 3 : 10),
    warmupSeconds: count("warmup", quick ? 1 : 3),
    pin: !values["no-pin"],
    outDir: values.out,
  };
}
