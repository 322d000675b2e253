import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

const HIVE_GATEWAY = fileURLToPath(
  new URL("../../tools/router/node_modules/@graphql-hive/gateway/dist/bin.js", import.meta.url),
);
/** The deployed router configuration: the tests run Hive Gateway with this very file. */
const DEPLOYED_CONFIG = fileURLToPath(
  new URL("../../deploy/hive-gateway/gateway.config.ts", import.meta.url),
);
const ROUTER_INSTALL_COMMAND = "npm ci --prefix tools/router";
/**
 * The longest a router start may take: Hive Gateway loads ~500 MB of modules, several seconds
 * on a busy machine. Hooks and tests that start one give themselves this long.
 */
export const ROUTER_START_MS = 60_000;

/**
 * Why the router tests cannot run here, or undefined when they can. Hive Gateway lives in
 * tools/router with its own lock file so the project's `npm ci` stays light; without it the
 * router suites skip with this message — except in CI (`CI` set), where a skip would pass
 * unnoticed, so importing this module fails instead.
 */
export const routerUnavailable: string | undefined = (() => {
  if (existsSync(HIVE_GATEWAY)) return undefined;
  const reason = `Hive Gateway is not installed (run \`${ROUTER_INSTALL_COMMAND}\`)`;
  if (process.env.CI) throw new Error(`${reason}; CI must run the router tests, not skip them`);
  return reason;
})();

export interface RouterSubgraph {
  name: string;
  /** The subgraph's GraphQL endpoint; subscriptions go to the same path over WebSocket. */
  url: string;
  /**
   * Headers for reading its SDL when composing here (`apollo`), e.g. the Authorization a
   * subgraph with access control wants: CI's composition step holds a key of its own.
   */
  headers?: Record<string, string>;
}

export interface RouterOptions {
  subgraphs: RouterSubgraph[];
  /**
   * Who composes the supergraph. `apollo` (the default): `@apollo/composition` here, the
   * composer GraphOS and `rover` use, before Hive starts (composition errors surface in the
   * test, and Hive loads a file, as a supergraph composed in CI is deployed). `hive-dev`: Hive
   * itself at start-up from each subgraph's `_service { sdl }` (`--dev-service`), as
   * deploy/compose.yaml's router does.
   */
  composition?: "apollo" | "hive-dev";
  /**
   * Hive Gateway's defaults instead of deploy/hive-gateway/gateway.config.ts: no client
   * header but X-Request-Id reaches a subgraph, subscriptions go over HTTP. Shows what the
   * deployed configuration is for.
   */
  bare?: boolean;
  /**
   * Headers the SDL requests of `apollo` composition carry, as CI's composition sends them
   * (rover's `introspection_headers`): a gateway with access control answers 401 without a key.
   */
  introspectionHeaders?: Record<string, string>;
  /** More environment for Hive, e.g. `ROUTER_GATEWAY_API_KEY` (see gateway.config.ts). */
  env?: Record<string, string>;
}

export interface RunningRouter {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  graphqlUrl: string;
  /** Everything Hive Gateway wrote so far on stdout and stderr. */
  output(): string;
  /** Kills the router and removes its files; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts Hive Gateway as a child process on a free loopback port, on a supergraph of the running
 * subgraphs, with the deployed configuration; resolves once it answers its readiness check.
 */
export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  if (routerUnavailable) throw new Error(routerUnavailable);
  // Composed before anything is started or written: a composition error leaves nothing behind.
  const supergraphSdl =
    options.composition === "hive-dev"
      ? undefined
      : await composeSupergraph(options.subgraphs, options.introspectionHeaders);
  const directory = mkdtempSync(path.join(tmpdir(), "router-"));
  const port = await freePort();
  const args = [HIVE_GATEWAY, "supergraph", "--host", "127.0.0.1", "--port", `${port}`];
  if (supergraphSdl === undefined) {
    for (const { name, url } of options.subgraphs) args.push("--dev-service", `${name}=${url}`);
  } else {
    const supergraph = path.join(directory, "supergraph.graphql");
    writeFileSync(supergraph, supergraphSdl);
    args.push(supergraph);
  }
  // Without --config-path Hive looks for gateway.config.* in its working directory: none there.
  if (!options.bare) args.push("--config-path", DEPLOYED_CONFIG);
  const child = spawn(process.execPath, args, {
    cwd: directory,
    // Exactly this environment: an inherited LOG_LEVEL or DEBUG would change what Hive does.
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => (output += chunk.toString());
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  const exited = once(child, "exit");
  const running = () => child.exitCode === null && child.signalCode === null;
  // A test worker torn down before its afterAll (a timeout, a crash) must not leave Hive behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.off("exit", killOnExit);
    if (running()) child.kill("SIGKILL");
    await exited;
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    await untilReady(url, running);
    if (!running())
      throw new Error(
        `Hive Gateway exited (${child.exitCode ?? child.signalCode}) before it was ready`,
      );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return { url, graphqlUrl: `${url}/graphql`, output: () => output, stop };
}

async function composeSupergraph(
  subgraphs: RouterSubgraph[],
  introspectionHeaders: Record<string, string> = {},
): Promise<string> {
  const services = await Promise.all(
    subgraphs.map(async ({ name, url, headers }) => ({
      name,
      url,
      typeDefs: parse(await sdlOf(name, url, { ...introspectionHeaders, ...headers })),
    })),
  );
  const composition = composeServices(services);
  if (composition.errors) {
    throw new Error(`composition failed:\n${composition.errors.map((e) => e.message).join("\n")}`);
  }
  return composition.supergraphSdl;
}

/** The subgraph's own SDL, as every router reads it: Federation's `_service { sdl }`. */
async function sdlOf(
  name: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const failed = (why: string) => new Error(`subgraph ${name} at ${url} gave no SDL: ${why}`);
  const response = await fetch(url, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ query: "{ _service { sdl } }" }),
  }).catch((error: Error) => {
    throw failed(`${error.message} (${String(error.cause)})`);
  });
  const text = await response.text();
  type Answer = { data?: { _service?: { sdl?: string } } };
  const sdl = response.ok ? (JSON.parse(text) as Answer).data?._service?.sdl : undefined;
  if (sdl === undefined) throw failed(`${response.status} ${text}`);
  return sdl;
}

/** Hive answers its readiness check once the supergraph is loaded and the schema built. */
async function untilReady(url: string, running: () => boolean): Promise<void> {
  // Fails before the caller's hook times out, so the failure carries Hive's output.
  const deadline = Date.now() + ROUTER_START_MS - 10_000;
  while (running()) {
    const ready = await fetch(`${url}/readiness`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error("Hive Gateway was not ready in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A port nothing listens on right now: Hive prints the port it was given, not the one it got. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
