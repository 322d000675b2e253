// Reads a V8 CPU profile (`npm run bench -- --cpu-prof <dir>` writes one per target) and prints
// where the CPU went while requests were served: by package or gateway folder (self time, and
// inclusive time: a sample counts once for every package on its stack) and the hottest
// functions. `--per-request <µs>` (the bench's CPU µs/req of that target) turns shares into µs
// per request. Start-up is left out: samples count from the first one inside an HTTP request
// (`--all`: from the start, for a profile of something that serves no HTTP).
//
//   node bench/profile-summary.mjs <file.cpuprofile> [--per-request <µs>] [--top <n>] [--all]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "per-request": { type: "string" },
    top: { type: "string", default: "40" },
    all: { type: "boolean", default: false },
  },
});
if (positionals.length !== 1) {
  console.error(
    "usage: node bench/profile-summary.mjs <file.cpuprofile> [--per-request <µs>] [--top <n>] [--all]",
  );
  process.exit(2);
}
const perRequestUs =
  values["per-request"] === undefined ? undefined : Number(values["per-request"]);
const top = Number(values.top);
const profile = JSON.parse(readFileSync(positionals[0], "utf8"));

/** Where a frame's code lives: an npm package, a folder of the gateway, Node, or V8 itself. */
function areaOf(frame) {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + 14).split("/");
    return scope.startsWith("@") ? `${scope}/${name}` : scope;
  }
  const gateway = /\/dist\/src\/(?:([^/]+)\/)?/.exec(url);
  if (gateway) return `gateway/${gateway[1] ?? "."}`;
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[1] ?? url.slice(5)}`;
  return url.split("/").slice(-2).join("/");
}

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

function functionName(frame) {
  const where = frame.url
    ? ` ${frame.url.replace(/^.*\/(node_modules|dist)\//, "")}:${frame.lineNumber + 1}`
    : "";
  return `${frame.functionName || "(anonymous)"}${where}`;
}

function stackOf(id) {
  const stack = [];
  for (let at = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at));
  return stack;
}

const isRequest = (frame) =>
  frame.callFrame.url === "node:_http_server" &&
  frame.callFrame.functionName === "parserOnIncoming";
const IDLE = new Set(["(idle)", "(root)"]);

const self = new Map();
const inclusive = new Map();
const functions = new Map();
const functionsInclusive = new Map();
let started = false;
let busyUs = 0;
let totalUs = 0;
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
for (let i = 0; i < profile.samples.length; i++) {
  const us = profile.timeDeltas[i + 1] ?? 0;
  const stack = stackOf(profile.samples[i]);
  if (!started) started = values.all || stack.some(isRequest);
  if (!started) continue;
  totalUs += us;
  const leaf = stack[0].callFrame;
  if (IDLE.has(leaf.functionName)) continue;
  busyUs += us;
  add(self, areaOf(leaf), us);
  for (const area of new Set(stack.map((node) => areaOf(node.callFrame)))) add(inclusive, area, us);
  add(functions, functionName(leaf), us);
  for (const name of new Set(stack.map((node) => functionName(node.callFrame)))) {
    add(functionsInclusive, name, us);
  }
}

const share = (us) => us / busyUs;
const figure = (us) =>
  perRequestUs === undefined
    ? `${(share(us) * 100).toFixed(1).padStart(5)} %`
    : `${(share(us) * perRequestUs).toFixed(0).padStart(5)} µs/req ${(share(us) * 100).toFixed(1).padStart(5)} %`;
const table = (title, map, n) => {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`  ${figure(us)}  ${key}`);
  }
};

console.log(
  `${positionals[0]}: ${(busyUs / 1e6).toFixed(2)} s busy of ${(totalUs / 1e6).toFixed(2)} s sampled after the first request` +
    (perRequestUs === undefined ? "" : `; ${perRequestUs} µs CPU per request`),
);
table("self time by area", self, top);
table("inclusive time by area (a sample counts for each area on its stack)", inclusive, top);
table("hottest functions (self)", functions, top);
table("functions by inclusive time", functionsInclusive, top * 2);
