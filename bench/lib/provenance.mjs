// What a result needs to be read later: which code ran, on what, how busy the machine was.
import { execFileSync } from "node:child_process";
import os from "node:os";

/**
 * The commit of the checkout in `dir` (this one by default), marked when src/ differs from it
 * (the built dist/ comes from src/).
 */
export function gitCommit(dir = process.cwd()) {
  try {
    const git = (...args) => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8" }).trim();
    const sha = git("rev-parse", "--short", "HEAD");
    return git("status", "--porcelain", "--", "src") ? `${sha} (src modified)` : sha;
  } catch {
    return "unknown";
  }
}

export function machine() {
  const cpus = os.cpus();
  return { cpus: cpus.length, model: cpus[0]?.model.trim(), node: process.version };
}
