// The bench's side of the fake Twilio (upstream/fake-twilio.mjs): start it, change its answer
// latency, read its hit counts.
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
  /** { create, list, fetch, rejected, total } since the fake started. */
  const counts = async () => JSON.parse(await control("counts"));
  return {
    ...process_,
    counts,
    async setLatency(ms) {
      await control(`latency?ms=${ms}`, "PUT");
    },
    /** The form body of the last create it accepted. */
    lastCreateForm: () => control("last-create"),
  };
}
