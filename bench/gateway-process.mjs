// The gateway alone in its own process, for `add-participant.mjs --split`: started from the
// built dist/ with the environment it is given, it reports its URL to the parent, then answers
// every "cpu" message with its own CPU time so the parent can charge the gateway alone.
import "reflect-metadata";
import { startApp } from "../dist/src/app.js";
import { loadConfig } from "../dist/src/config.js";
import { silentLogger } from "../dist/src/logger.js";

const app = await startApp(loadConfig(process.env), silentLogger);
process.on("message", async (message) => {
  if (message === "cpu") process.send({ cpu: process.cpuUsage() });
  if (message === "stop") {
    await app.close(0);
    process.disconnect();
  }
});
process.send({ graphqlUrl: app.gateway.graphqlUrl });
