// The bench's side of the OTLP sink (upstream/otlp-sink.mjs): start it, read what it received.
import { join } from "node:path";
import { startNodeProcess } from "./processes.mjs";

const SCRIPT = new URL("../upstream/otlp-sink.mjs", import.meta.url).pathname;

export async function startOtlpSink({ logDir, cpus }) {
  const sink = await startNodeProcess({
    name: "otlp-sink",
    script: SCRIPT,
    env: { PATH: process.env.PATH, HOST: "127.0.0.1", PORT: "0" },
    ready: /otlp-sink ready: (\S+)/,
    logFile: join(logDir, "otlp-sink.log"),
    cpus,
  });
  return {
    ...sink,
    /** { posts, bytes } since it started. */
    async received() {
      const response = await fetch(`${sink.url}/__bench/received`);
      return response.json();
    },
  };
}
