import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.js";
import { CANARY, expectNoCanaries } from "../support/canaries.js";

const SID = "AC" + "a".repeat(32);
const OTHER = "AC" + "b".repeat(32);
const LIVE = { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: CANARY.authToken };
const dir = mkdtempSync(join(tmpdir(), "gateway-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("loadConfig accepted it");
}

describe("access control and limits: defaults", () => {
  it("live: no access control configured, per-request credentials off, only the own account", () => {
    expect(loadConfig(LIVE)).toMatchObject({
      gatewayAuthNone: false,
      gatewayApiKeys: [],
      gatewayJwt: undefined,
      gatewayAccountSids: [],
      twilioRequestCredentials: false,
      graphqlMaxMutations: 10,
      graphqlMaxTokens: 5000,
      graphqlMaxAliases: 30,
      graphqlMaxDepth: 10,
      twilioWriteRateLimit: undefined,
      redisUrl: undefined,
    });
  });

  it("simulator: any account and the caller's own credentials (they reach only the simulator)", () => {
    expect(loadConfig({})).toMatchObject({
      gatewayAccountSids: ["*"],
      twilioRequestCredentials: true,
    });
    expect(
      loadConfig({ GATEWAY_ACCOUNT_SIDS: OTHER, TWILIO_REQUEST_CREDENTIALS: "false" }),
    ).toMatchObject({ gatewayAccountSids: [OTHER], twilioRequestCredentials: false });
  });
});

describe("access control and limits: reading", () => {
  it("takes several keys, from the variable and a file, without duplicates", () => {
    const file = join(dir, "keys");
    writeFileSync(file, `# comment\nkey-from-the-file-0001\r\n\n${CANARY.gatewayKey}\n`);
    const config = loadConfig({
      ...LIVE,
      GATEWAY_API_KEYS: ` ${CANARY.gatewayKey} ,key-from-the-env-0002,`,
      GATEWAY_API_KEYS_FILE: file,
    });
    expect(config.gatewayApiKeys).toEqual([
      CANARY.gatewayKey,
      "key-from-the-env-0002",
      "key-from-the-file-0001",
    ]);
  });

  it("reads JWT verification settings", () => {
    expect(
      loadConfig({
        GATEWAY_JWKS_URL: "https://issuer.example.com/.well-known/jwks.json",
        GATEWAY_JWT_ISSUER: "https://issuer.example.com/",
        GATEWAY_JWT_AUDIENCE: "participant-gateway",
      }).gatewayJwt,
    ).toEqual({
      jwksUrl: "https://issuer.example.com/.well-known/jwks.json",
      issuer: "https://issuer.example.com/",
      audience: "participant-gateway",
    });
  });

  it.each([
    ["5/s", { perSecond: 5, burst: 5 }],
    ["120/m", { perSecond: 2, burst: 120 }],
    ["36/h", { perSecond: 0.01, burst: 36 }],
  ])("reads TWILIO_WRITE_RATE_LIMIT=%s; the burst defaults to one unit's writes", (rate, limit) => {
    expect(loadConfig({ TWILIO_WRITE_RATE_LIMIT: rate }).twilioWriteRateLimit).toEqual(limit);
  });

  it("takes an explicit burst", () => {
    expect(
      loadConfig({ TWILIO_WRITE_RATE_LIMIT: "100/m", TWILIO_WRITE_RATE_BURST: "10" })
        .twilioWriteRateLimit,
    ).toEqual({ perSecond: 100 / 60, burst: 10 });
  });
});

describe("access control and limits: refused with one line, no secret in it", () => {
  it.each([
    [{ GATEWAY_AUTH: "off" }, 'GATEWAY_AUTH must be "none" or unset, got "off"'],
    [
      { GATEWAY_AUTH: "none", GATEWAY_API_KEYS: CANARY.gatewayKey },
      "GATEWAY_AUTH=none contradicts GATEWAY_API_KEYS / GATEWAY_JWT_*",
    ],
    [{ GATEWAY_API_KEYS: `${CANARY.gatewayKey},short` }, "every key must be at least 16"],
    [{ GATEWAY_API_KEYS: `${CANARY.gatewayKey} with spaces` }, "every key must be at least 16"],
    [
      { GATEWAY_API_KEYS_FILE: "/nonexistent/keys" },
      "GATEWAY_API_KEYS_FILE could not be read (ENOENT)",
    ],
    [
      { GATEWAY_JWT_SECRET: "too-short-secret" },
      "GATEWAY_JWT_SECRET must be at least 32 characters",
    ],
    [
      { GATEWAY_JWT_SECRET: CANARY.jwtSecret, GATEWAY_JWKS_URL: "https://x.example.com/jwks" },
      "GATEWAY_JWT_SECRET and GATEWAY_JWKS_URL exclude each other",
    ],
    [
      { GATEWAY_JWKS_URL: "ftp://x.example.com/jwks" },
      "GATEWAY_JWKS_URL must be an absolute http(s) URL",
    ],
    [
      { GATEWAY_JWT_ISSUER: "https://x.example.com" },
      "GATEWAY_JWT_ISSUER and GATEWAY_JWT_AUDIENCE need",
    ],
    [{ GATEWAY_ACCOUNT_SIDS: `${OTHER},AC123` }, "GATEWAY_ACCOUNT_SIDS must list Account SIDs"],
    [{ TWILIO_REQUEST_CREDENTIALS: "yes" }, 'TWILIO_REQUEST_CREDENTIALS must be "true" or "false"'],
    [{ GRAPHQL_MAX_MUTATIONS: "0" }, "GRAPHQL_MAX_MUTATIONS must be a whole number from 1"],
    [{ GRAPHQL_MAX_TOKENS: "10" }, "GRAPHQL_MAX_TOKENS must be a whole number from 100"],
    [{ GRAPHQL_MAX_ALIASES: "-1" }, "GRAPHQL_MAX_ALIASES must be a whole number from 0"],
    [{ GRAPHQL_MAX_DEPTH: "1" }, "GRAPHQL_MAX_DEPTH must be a whole number from 2"],
    [{ TWILIO_WRITE_RATE_LIMIT: "5 per second" }, 'such as "5/s" or "100/m", got "5 per second"'],
    [{ TWILIO_WRITE_RATE_LIMIT: "0/s" }, "TWILIO_WRITE_RATE_LIMIT must be writes per second"],
    [{ TWILIO_WRITE_RATE_BURST: "5" }, "TWILIO_WRITE_RATE_BURST needs TWILIO_WRITE_RATE_LIMIT"],
    [
      { REDIS_URL: `http://user:${CANARY.apiSecret}@redis` },
      "REDIS_URL must be a redis:// or rediss:// URL",
    ],
  ])("%j", (env, expected) => {
    const message = problem({ ...LIVE, ...env });
    expect(message).toContain(expected);
    expect(message).not.toContain("\n");
    expectNoCanaries([message]);
  });
});
