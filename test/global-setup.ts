import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

/**
 * Builds `dist/` once per test run, as `npm run build` does: the process tests start the built
 * server as a child process, exactly as `npm start`, systemd or the Docker image do, and every
 * gateway serves the console's compiled browser code.
 */
export default function buildOnce(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  for (const project of ["tsconfig.build.json", "src/console/client"]) {
    execFileSync(process.execPath, [tsc, "-p", project], { stdio: "inherit" });
  }
}
