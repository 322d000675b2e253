// The bench's side of the fake Twilio (upstream/fake-twilio.mjs): start it, change its answer
// latency, read its hit counts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ACCOUNT_SID, AUTH_TOKEN } from "./fixtures.mjs";
import { startNodeProcess } from "./processes.mjs";

const SCRIPT = new URL("../upstream/fake-twilio.mjs", import.meta.url).pathname;

export async function startFakeTwilio({ logDir, cpus }) {
  const process_ = await startNodeProcess({
    name: "fake-twilio",
    script: SCRIPT,
    env: {
      PATH: process.env.PATH,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      HOST: "127.0.0.1",
      PORT: "0",
    },
    ready: /fake-twilio ready: (\S+)/,
    logFile: join(logDir, "fake-twilio.log"),
    cpus,
  });
  const control = async (path, method = "GET") => {
    const response = await fetch(`${process_.url}/__bench/${path}`, { method });
    return response.text();
  };
  /** { create, list, fetch, rejected, total } since the fake started, and `inFlight` now. */
  const counts = async () => JSON.parse(await control("counts"));
  const portHex = Number(new URL(process_.url).port).toString(16).toUpperCase().padStart(4, "0");
  return {
    ...process_,
    counts,
    async setLatency(ms) {
      await control(`latency?ms=${ms}`, "PUT");
    },
    /** The form body of the last create it accepted. */
    lastCreateForm: () => control("last-create"),
    /**
     * TCP handshakes with the fake not yet complete (SYN_SENT towards it, SYN_RECV at it): a
     * connection the kernel dropped for a full accept queue is retried a second later, and
     * until then neither side is busy.
     */
    handshakesPending() {
      const lines = readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1);
      return lines.filter((line) => {
        const [, local, remote, state] = line.trim().split(/\s+/);
        return (
          (state === "02" && remote?.endsWith(`:${portHex}`)) ||
          (state === "03" && local?.endsWith(`:${portHex}`))
        );
      }).length;
    },
  };
}
