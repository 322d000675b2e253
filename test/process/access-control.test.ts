import { afterEach, describe, expect, it } from "vitest";
import { CANARY, expectNoCanaries } from "../support/canaries.js";
import { ACCOUNT_SID, AUTH_TOKEN } from "../support/gateway.js";
import {
  type GatewayProcess,
  runGatewayProcessToExit,
  startGatewayProcess,
} from "../support/gateway-process.js";

/** Live credentials; Twilio is never called in these tests. */
const LIVE = {
  TWILIO_ACCOUNT_SID: ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  TWILIO_API_BASE_URL: "http://127.0.0.1:9",
  LOG_LEVEL: "info",
};
const INFO = JSON.stringify({ query: "{ gatewayInfo { name } }" });

let gateway: GatewayProcess | undefined;
afterEach(async () => {
  await gateway?.stop();
  gateway = undefined;
});

function post(url: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: INFO,
  });
}

describe.each<Record<string, string>>([{}, { NODE_ENV: "production" }])(
  "the built server %o",
  (extraEnv) => {
    it("refuses to start on live Twilio without access control: exit 1 and one line", async () => {
      const { code, output } = await runGatewayProcessToExit({ ...LIVE, ...extraEnv });
      expect(code).toBe(1);
      const lines = output.trim().split("\n");
      expect(lines).toHaveLength(1);
      for (const name of ["GATEWAY_API_KEYS", "GATEWAY_JWT_", "GATEWAY_AUTH=none"]) {
        expect(lines[0]).toContain(name);
      }
      expectNoCanaries([output]);
    });

    it("refuses CORS_ORIGINS=* on an open gateway with live Twilio", async () => {
      const { code, output } = await runGatewayProcessToExit({
        ...LIVE,
        ...extraEnv,
        GATEWAY_AUTH: "none",
        CORS_ORIGINS: "*",
      });
      expect(code).toBe(1);
      expect(output.trim().split("\n").at(-1)).toMatch(/^Refusing to start: CORS_ORIGINS=\*/);
    });

    it("runs open with GATEWAY_AUTH=none, and warns at start", async () => {
      gateway = await startGatewayProcess({ ...LIVE, ...extraEnv, GATEWAY_AUTH: "none" });
      const warning = gateway
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((entry) => entry.level === "warn");
      expect(warning?.message).toMatch(
        /^GATEWAY_AUTH=none: the gateway runs without access control/,
      );
      expect((await post(gateway.url)).status).toBe(200);
    });

    it("starts with API keys and answers 401 without one", async () => {
      gateway = await startGatewayProcess({
        ...LIVE,
        ...extraEnv,
        GATEWAY_API_KEYS: CANARY.gatewayKey,
        CORS_ORIGINS: "*",
      });
      const refused = await post(gateway.url);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({
        errors: [{ extensions: { code: "UNAUTHENTICATED" } }],
      });
      expect(
        (await post(gateway.url, { authorization: `Bearer ${CANARY.gatewayKey}` })).status,
      ).toBe(200);
      expect(gateway.output()).not.toContain("GATEWAY_AUTH=none");
      expectNoCanaries([gateway.output()]);
    });

    it("runs open on the embedded simulator without any of it", async () => {
      gateway = await startGatewayProcess({ ...extraEnv, LOG_LEVEL: "info" });
      expect((await post(gateway.url)).status).toBe(200);
    });

    it("names a bad access setting without echoing a secret", async () => {
      const { code, output } = await runGatewayProcessToExit({
        ...LIVE,
        ...extraEnv,
        GATEWAY_API_KEYS: `${CANARY.gatewayKey},short`,
        GATEWAY_JWT_SECRET: CANARY.jwtSecret,
        GATEWAY_JWKS_URL: `https://user:${CANARY.apiSecret}@issuer.example.com/jwks`,
      });
      expect(code).toBe(1);
      expect(output).toContain("GATEWAY_API_KEYS: every key must be at least 16 characters");
      expect(output).toContain("GATEWAY_JWT_SECRET and GATEWAY_JWKS_URL exclude each other");
      expectNoCanaries([output]);
    });
  },
);
