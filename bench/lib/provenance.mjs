// What a result needs to be read later: which code ran, on what, how busy the machine was.
import { execFileSync } from "node:child_process";
import os from "node:os";

/** The commit, marked when src/ differs from it (the built dist/ comes from src/). */
export function gitCommit() {
  try {
    const git = (...args) => execFileSync("git", args, { encoding: "utf8" }).trim();
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
