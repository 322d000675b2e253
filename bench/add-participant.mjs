// Throughput and latency of one gateway mutation that makes one Twilio POST.
// By default the gateway (built dist/), a minimal fake Twilio and the load generator all run in
// this process on loopback, so CPU per request counts all three. `--split` runs the gateway in a
// process of its own (bench/gateway-process.mjs) and charges only its CPU: the gateway's own cost,
// with a core left to the load generator and the fake. `--baseline` sends a query that calls no
// upstream instead, to show the HTTP + Apollo floor the mutation's figure should be read against.
// Usage: [METRICS_ENABLED=false] npm run bench [-- --requests 10000 --concurrency 16 --baseline --split]
import "reflect-metadata";
import { fork } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import { parseArgs } from "node:util";
import { startApp } from "../dist/src/app.js";
import { loadConfig } from "../dist/src/config.js";
import { silentLogger } from "../dist/src/logger.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "16" },
    baseline: { type: "boolean", default: false },
    split: { type: "boolean", default: false },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);

const answer = JSON.stringify({
  account_sid: "AC" + "0".repeat(32),
  call_sid: "CA" + "1".repeat(32),
  conference_sid: "CF" + "2".repeat(32),
  status: "queued",
  date_created: "Fri, 18 Feb 2011 21:07:19 +0000",
  uri: "/x.json",
});
const twilio = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(201, { "content-type": "application/json" });
    res.end(answer);
  });
});
await new Promise((resolve) => twilio.listen(0, "127.0.0.1", resolve));
const twilioUrl = `http://127.0.0.1:${twilio.address().port}`;

const gatewayEnv = {
  TWILIO_ACCOUNT_SID: "AC" + "0".repeat(32),
  TWILIO_AUTH_TOKEN: "bench",
  TWILIO_API_BASE_URL: twilioUrl,
  PORT: "0",
  // Passed on, so a run with METRICS_ENABLED=false shows what the metrics cost.
  ...(process.env.METRICS_ENABLED && { METRICS_ENABLED: process.env.METRICS_ENABLED }),
};
const gateway = values.split ? await forkGateway(gatewayEnv) : await startInProcess(gatewayEnv);

async function startInProcess(env) {
  const app = await startApp(loadConfig(env), silentLogger);
  return {
    graphqlUrl: app.gateway.graphqlUrl,
    cpuUsage: async () => process.cpuUsage(),
    close: () => app.close(),
  };
}

async function forkGateway(env) {
  const child = fork(new URL("./gateway-process.mjs", import.meta.url), {
    env: { PATH: process.env.PATH, ...env },
  });
  const [{ graphqlUrl }] = await once(child, "message");
  return {
    graphqlUrl,
    async cpuUsage() {
      child.send("cpu");
      const [{ cpu }] = await once(child, "message");
      return cpu;
    },
    async close() {
      child.send("stop");
      await once(child, "exit");
    },
  };
}

const mutation = JSON.stringify({
  query: `mutation Add($input: AddConferenceParticipantInput!) {
    addConferenceParticipant(input: $input) { callSid status dateCreated }
  }`,
  variables: {
    input: {
      conferenceSid: "CF" + "2".repeat(32),
      from: "+15017122661",
      to: "+15558675310",
      statusCallbackEvent: ["INITIATED", "COMPLETED"],
      label: "bench participant",
    },
  },
});
const body = values.baseline
  ? JSON.stringify({ query: "{ gatewayInfo { name version } }" })
  : mutation;
const expected = values.baseline ? '"gatewayInfo"' : '"callSid"';
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(gateway.graphqlUrl);

function post() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: { "content-type": "application/json" },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => {
          if (!text.includes(expected)) reject(new Error(`unexpected answer: ${text}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function run(count) {
  const latencies = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      latencies.push(await post());
    }
  };
  const cpuBefore = await gateway.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = await gateway.cpuUsage();
  const cpu = {
    user: cpuAfter.user - cpuBefore.user,
    system: cpuAfter.system - cpuBefore.system,
  };
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
  return {
    operation: values.baseline ? "gatewayInfo (no upstream)" : "addConferenceParticipant",
    gateway: values.split ? "own process (CPU: gateway only)" : "in process (CPU: all three)",
    requests: count,
    concurrency,
    reqPerSec: Math.round(count / seconds),
    cpuMicrosPerRequest: Math.round((cpu.user + cpu.system) / count),
    p50ms: at(0.5),
    p99ms: at(0.99),
  };
}

await run(Math.min(2000, total)); // warm-up: JIT, keep-alive sockets, Apollo's document cache
console.log(JSON.stringify(await run(total)));
await gateway.close();
twilio.close();
agent.destroy();
