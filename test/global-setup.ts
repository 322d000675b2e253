import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

/**
 * Builds `dist/` once per test run: the process tests start the built server as a child
 * process, exactly as `npm start`, systemd or the Docker image do.
 */
export default function buildOnce(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
