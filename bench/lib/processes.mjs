// Child processes of the bench: started with stdout and stderr going to a log file (so a chatty
// target never costs the load generator anything and a failed start can be shown), ready once a
// line of theirs matches, measured from /proc by pid, stopped by pid.
import { spawn, execFileSync } from "node:child_process";
import { once } from "node:events";
import { closeSync, openSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

const START_TIMEOUT_MS = 30_000;
const running = new Set();

/** Clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * Starts `node <script>` and resolves once its log shows `ready` (a regex whose first group is
 * the URL to use). `cpus` (e.g. "1") pins it with taskset, which execs node under the same pid;
 * `nodeArgs` go to node before the script (`--cpu-prof`, say).
 */
export async function startNodeProcess({ name, script, env, ready, logFile, cpus, nodeArgs = [] }) {
  const fd = openSync(logFile, "w");
  const node = [...nodeArgs, script];
  const command = cpus === undefined ? process.execPath : "taskset";
  const args = cpus === undefined ? node : ["-c", cpus, process.execPath, ...node];
  const child = spawn(command, args, { env, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  running.add(child);
  child.once("exit", () => running.delete(child));

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const log = readFileSync(logFile, "utf8");
    const match = ready.exec(log);
    if (match) return handle(name, child, match[1], logFile);
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} did not start (see ${logFile}):\n${log.slice(-2000)}`);
    }
    await sleep(50);
  }
}

function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

function handle(name, child, url, logFile) {
  const pid = child.pid;
  return {
    name,
    pid,
    url,
    logFile,
    /** User + system CPU seconds used so far, all threads included; NaN once it is gone. */
    cpuSeconds() {
      const stat = readProc(pid, "stat");
      // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    /** Resident set size; NaN once it is gone. */
    rssBytes() {
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(readProc(pid, "status"));
      return rss ? Number(rss[1]) * 1024 : NaN;
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const exited = once(child, "exit");
      if ((await Promise.race([exited.then(() => true), sleep(5000, false)])) === false) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** Children must not outlive the bench, however it ends. */
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => process.exit(130));
}
