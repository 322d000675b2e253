import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assetFrom, CSS, JAVASCRIPT, type StaticAsset } from "../graphiql/assets.js";
import { CONSOLE_STYLES } from "./styles.js";

/** Where `npm run build` puts the console's browser modules (src/console/client/tsconfig.json). */
const CLIENT_BUILD = path.join("dist", "console-client", "src", "console", "client");

export interface ConsoleAssets {
  /** A hash of every file: the assets' folder, so that the modules' relative imports carry it. */
  version: string;
  files: ReadonlyMap<string, StaticAsset>;
}

/**
 * The page's files, read once: its compiled modules, graphql-ws's browser build (the global
 * `graphqlWs`), its stylesheet. A console that was not built stops the start with a clear
 * message rather than serving a broken page.
 */
export function loadConsoleAssets(): ConsoleAssets {
  const client = findClientBuild();
  if (!client) {
    throw new Error(
      `The console's browser code is not built (${CLIENT_BUILD}): run \`npm run build\`, or set CONSOLE_ENABLED=false`,
    );
  }
  const require = createRequire(import.meta.url);
  const graphqlWs = path.join(
    path.dirname(require.resolve("graphql-ws/package.json")),
    "umd",
    "graphql-ws.min.js",
  );
  const files = [
    ...readdirSync(client)
      .filter((file) => file.endsWith(".js"))
      .map((file) => assetFrom(file, JAVASCRIPT, readFileSync(path.join(client, file)))),
    assetFrom("graphql-ws.js", JAVASCRIPT, readFileSync(graphqlWs)),
    assetFrom("console.css", CSS, CONSOLE_STYLES),
  ];
  const version = createHash("sha256");
  for (const file of files) version.update(`${file.name}:${file.version}\n`);
  return {
    version: version.digest("hex").slice(0, 16),
    files: new Map(files.map((file) => [file.name, file])),
  };
}

/** Walks up from this module, so the build is found from `src/` and from `dist/src/`. */
function findClientBuild(): string | undefined {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CLIENT_BUILD);
    if (existsSync(path.join(candidate, "main.js"))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
