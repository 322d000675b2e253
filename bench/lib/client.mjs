// One request at a time, outside the load generator: for the end-to-end check before loading
// and for the unloaded latency probe. A keep-alive agent with one socket, like one caller.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { requestHeaders } from "./targets.mjs";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Sends the scenario's request to the target: { status, text, ms }. */
export function send(target, scenario) {
  const { method, path, body } = scenario.request(target);
  const url = new URL(path, target.url);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: requestHeaders(target, scenario, randomUUID()),
        timeout: 30_000,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode,
            text,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${target.name} did not answer in 30 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** Why this answer is not a right one, or undefined when it is. */
export function answerProblem(target, scenario, { status, text }) {
  if (status < 200 || status >= 300) return `HTTP ${status}: ${text.slice(0, 300)}`;
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 300)}`;
  }
  return scenario.check(json, target);
}

export function closeClient() {
  agent.destroy();
}
