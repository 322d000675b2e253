import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATOR_ACCOUNT_SID, SIMULATOR_AUTH_TOKEN } from "../../src/simulator/defaults.js";
import { banner, configFromEnv } from "../../src/simulator/env.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/server.js";
import { basicAuth, call, sid } from "./helpers.js";

describe("simulator standalone configuration", () => {
  it("defaults to port 4010 on loopback with the published credentials", () => {
    const config = configFromEnv({});
    expect(config.options).toEqual({
      port: 4010,
      host: "127.0.0.1",
      latencyMs: undefined,
      failureRate: undefined,
      callProgressStepMs: undefined,
      conversationsWebhookUrl: undefined,
      callbackRetries: undefined,
      callbackRetryDelayMs: undefined,
      credentials: [
        {
          username: SIMULATOR_ACCOUNT_SID,
          password: SIMULATOR_AUTH_TOKEN,
          accountSid: SIMULATOR_ACCOUNT_SID,
        },
      ],
    });
    expect(config.tokenForDisplay).toBe(SIMULATOR_AUTH_TOKEN);
  });

  it("reads overrides, and never displays a token it was given", () => {
    const accountSid = sid("AC");
    const config = configFromEnv({
      SIMULATOR_PORT: "0",
      SIMULATOR_HOST: "0.0.0.0",
      SIMULATOR_LATENCY_MS: "25",
      SIMULATOR_FAILURE_RATE: "0.1",
      SIMULATOR_ACCOUNT_SID: accountSid,
      SIMULATOR_AUTH_TOKEN: "s3cret-token",
      SIMULATOR_CALL_PROGRESS_STEP_MS: "250",
      SIMULATOR_CONVERSATIONS_WEBHOOK_URL: "http://127.0.0.1:4000/twilio/callbacks",
      SIMULATOR_CALLBACK_RETRIES: "0",
      SIMULATOR_CALLBACK_RETRY_DELAY_MS: "100",
    });
    expect(config.options).toMatchObject({
      port: 0,
      host: "0.0.0.0",
      latencyMs: 25,
      failureRate: 0.1,
      callProgressStepMs: 250,
      conversationsWebhookUrl: "http://127.0.0.1:4000/twilio/callbacks",
      callbackRetries: 0,
      callbackRetryDelayMs: 100,
    });
    expect(config.options.credentials).toEqual([
      { username: accountSid, password: "s3cret-token", accountSid },
    ]);
    expect(config.tokenForDisplay).not.toContain("s3cret");
  });

  it("refuses a non-numeric number", () => {
    expect(() => configFromEnv({ SIMULATOR_PORT: "http" })).toThrow(RangeError);
    expect(() => configFromEnv({ SIMULATOR_CALL_PROGRESS_STEP_MS: "1s" })).toThrow(RangeError);
  });

  it("refuses settings the simulator cannot run with when it starts", async () => {
    for (const env of [
      { SIMULATOR_PORT: "0", SIMULATOR_CALL_PROGRESS_STEP_MS: "-5" },
      { SIMULATOR_PORT: "0", SIMULATOR_CALLBACK_RETRIES: "1.5" },
      { SIMULATOR_PORT: "0", SIMULATOR_CALLBACK_RETRY_DELAY_MS: "-1" },
      { SIMULATOR_PORT: "0", SIMULATOR_CONVERSATIONS_WEBHOOK_URL: "localhost:4000/hooks" },
    ]) {
      await expect(startSimulator(configFromEnv(env).options), JSON.stringify(env)).rejects.toThrow(
        RangeError,
      );
    }
  });

  describe("with a running simulator", () => {
    let simulator: RunningSimulator;
    const config = configFromEnv({ SIMULATOR_PORT: "0", SIMULATOR_AUTH_TOKEN: "env-token" });
    beforeAll(async () => {
      simulator = await startSimulator(config.options);
    });
    afterAll(() => simulator.close());

    it("prints one line with the URL, every base URL and the account", () => {
      const line = banner(simulator, config);
      expect(line).not.toContain("\n");
      for (const url of [simulator.url, ...Object.values(simulator.baseUrls)])
        expect(line).toContain(url);
      expect(line).toContain(SIMULATOR_ACCOUNT_SID);
      expect(line).not.toContain("env-token");
    });

    it("authenticates with the token from the environment only", async () => {
      const list = `${simulator.baseUrls.conversations}/v1/Conversations/${sid("CH")}/Participants`;
      expect(
        (await call(list, { auth: basicAuth(SIMULATOR_ACCOUNT_SID, "env-token") })).status,
      ).toBe(200);
      expect((await call(list)).status).toBe(401);
    });
  });
});
