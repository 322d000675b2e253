import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../dist/src/main.js", import.meta.url));
const BANNER = /participant-gateway ready: GraphQL (http:\/\/\S+)\/graphql/;

export interface GatewayProcess {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  child: ChildProcess;
  /** Everything written so far on stdout and stderr. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/**
 * Starts the built gateway (`dist/src/main.js`, built by the global setup) as a child process
 * with exactly the given environment, and waits for its start-up banner. What depends on the
 * process — signals, exit codes, refusing to start — is only real this way.
 */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const { child, output } = spawnGateway(env);
  const exited = once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = BANNER.exec(output());
      if (match) {
        child.stdout!.off("data", onData);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    exited.then(({ code }) =>
      reject(new Error(`gateway exited (${code}) before ready:\n${output()}`)),
    );
  });
  return {
    url,
    child,
    output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Starts a process that is expected to refuse to start: its exit code and what it said. */
export async function runGatewayProcessToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnGateway(env);
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  const [code] = (await once(child, "exit")) as [number | null];
  clearTimeout(timer);
  return { code, output: output() };
}

/** The built gateway as a child process with exactly `env` (plus PATH, a free port, loopback). */
function spawnGateway(env: Record<string, string>): { child: ChildProcess; output(): string } {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? "", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}
