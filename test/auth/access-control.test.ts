import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair, type CryptoKey, type JWTPayload, SignJWT } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bearerAccess } from "../../src/auth/authenticate.js";
import { CANARY } from "../support/canaries.js";
import { FakeTwilio } from "../support/fake-twilio.js";
import { ACCOUNT_SID, AUTH_TOKEN, startTestGateway, type TestGateway } from "../support/gateway.js";

const CF = "CF" + "c".repeat(32);
const CA = "CA" + "a".repeat(32);
const OTHER_ACCOUNT = "AC" + "7".repeat(32);
const ROTATED_KEY = "rotated-in-gateway-key-0002";
const FETCH = `{ conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA}") { callSid } }`;
const ISSUER = "https://issuer.example.com";
const AUDIENCE = "participant-gateway";

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function hs256(claims: JWTPayload, secret: string = CANARY.jwtSecret, expires = "5m") {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt();
  if (expires) jwt.setExpirationTime(expires);
  return jwt.sign(new TextEncoder().encode(secret));
}

const fake = new FakeTwilio();
const keysDir = mkdtempSync(join(tmpdir(), "gateway-keys-"));
let keyed: TestGateway;
let tokens: TestGateway;
let both: TestGateway;
beforeAll(async () => {
  await fake.start();
  fake.setFallback({ status: 200, body: { call_sid: CA, conference_sid: CF } });
  const keysFile = join(keysDir, "keys");
  writeFileSync(keysFile, `# rotated in on Monday\n${ROTATED_KEY}\n\n`);
  keyed = await startTestGateway(fake.url, {
    GATEWAY_API_KEYS: `${CANARY.gatewayKey}, another-gateway-key-0003`,
    GATEWAY_API_KEYS_FILE: keysFile,
    TWILIO_REQUEST_CREDENTIALS: "true",
  });
  tokens = await startTestGateway(fake.url, {
    GATEWAY_JWT_SECRET: CANARY.jwtSecret,
    GATEWAY_JWT_ISSUER: ISSUER,
    GATEWAY_JWT_AUDIENCE: AUDIENCE,
  });
  both = await startTestGateway(fake.url, {
    GATEWAY_API_KEYS: CANARY.gatewayKey,
    GATEWAY_JWT_SECRET: CANARY.jwtSecret,
  });
});
afterAll(async () => {
  await Promise.all([keyed.close(), tokens.close(), both.close()]);
  await fake.stop();
  rmSync(keysDir, { recursive: true, force: true });
});
beforeEach(() => fake.reset());

/** A 401 as every transport answers it, and nothing sent to Twilio. */
async function expectRefused(gateway: TestGateway, headers: Record<string, string>) {
  const response = await fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: FETCH }),
  });
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
  const body = (await response.json()) as {
    errors: Array<{ message: string; extensions: object }>;
  };
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]!.extensions).toEqual({ code: "UNAUTHENTICATED" });
  expect(fake.requests).toHaveLength(0);
  return body.errors[0]!.message;
}

describe("API keys (GATEWAY_API_KEYS, GATEWAY_API_KEYS_FILE)", () => {
  it("let a caller in with Authorization: Bearer <key>, any of the configured keys", async () => {
    for (const key of [CANARY.gatewayKey, "another-gateway-key-0003", ROTATED_KEY]) {
      const result = await keyed.graphql(FETCH, undefined, bearer(key));
      expect(result.errors, key).toBeUndefined();
    }
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[0]!.headers.authorization).toBe(basic(ACCOUNT_SID, AUTH_TOKEN));
  });

  it.each([
    ["no Authorization", {}],
    ["an unknown key", bearer("not-a-configured-key-at-all")],
    ["a configured key with one character more", bearer(`${CANARY.gatewayKey}x`)],
    ["an empty Bearer", { authorization: "Bearer" }],
    ["Bearer and spaces", { authorization: "Bearer    " }],
    ["an empty Basic", { authorization: "Basic" }],
    ["Basic and spaces", { authorization: "Basic   " }],
    ["Twilio credentials instead of a key", { authorization: basic(OTHER_ACCOUNT, "their-token") }],
    ["another scheme", { authorization: `Token ${CANARY.gatewayKey}` }],
  ])("refuse %s with 401 UNAUTHENTICATED before anything runs", async (_, headers) => {
    const message = await expectRefused(keyed, headers);
    expect(message).toMatch(/Bearer|API key/);
  });

  it("say where Twilio credentials go when a caller sends them instead of a key", async () => {
    const message = await expectRefused(keyed, { authorization: basic(OTHER_ACCOUNT, "t") });
    expect(message).toContain("X-Twilio-Authorization");
  });

  it("log the caller as a fingerprint of its key, never the key", async () => {
    const result = await keyed.graphql(
      "query Who { gatewayInfo { name } }",
      undefined,
      bearer(CANARY.gatewayKey),
    );
    expect(result.errors).toBeUndefined();
    const line = keyed.logLines
      .map((entry) => JSON.parse(entry) as Record<string, unknown>)
      .findLast((entry) => entry.operation === "Who")!;
    expect(line.principal).toMatch(/^key:[0-9a-f]{12}$/);
    expect(keyed.logLines.join("\n")).not.toContain(CANARY.gatewayKey);
  });

  it("take a caller's own Twilio credentials in X-Twilio-Authorization next to the key", async () => {
    const result = await keyed.graphql(FETCH, undefined, {
      ...bearer(CANARY.gatewayKey),
      "x-twilio-authorization": basic(OTHER_ACCOUNT, "their-token"),
    });
    expect(result.errors).toBeUndefined();
    expect(fake.requests[0]!.headers.authorization).toBe(basic(OTHER_ACCOUNT, "their-token"));
    expect(fake.requests[0]!.url).toContain(`/Accounts/${OTHER_ACCOUNT}/`);
  });

  it.each([
    ["empty", "Basic"],
    ["spaces", "Basic   "],
    ["not base64", "Basic %%%"],
    ["not Basic", `Bearer ${CANARY.gatewayKey}`],
    ["no secret", basic(OTHER_ACCOUNT, "")],
  ])("refuse X-Twilio-Authorization that is %s, sending nothing", async (_, value) => {
    await expectRefused(keyed, { ...bearer(CANARY.gatewayKey), "x-twilio-authorization": value });
  });
});

describe("JWTs (GATEWAY_JWT_SECRET, GATEWAY_JWT_ISSUER, GATEWAY_JWT_AUDIENCE)", () => {
  const valid = { sub: "svc-billing", iss: ISSUER, aud: AUDIENCE };

  it("let a caller in with a valid token; its sub is the principal", async () => {
    const result = await tokens.graphql(
      "query Who { gatewayInfo { name } }",
      undefined,
      bearer(await hs256(valid)),
    );
    expect(result.errors).toBeUndefined();
    const line = tokens.logLines
      .map((entry) => JSON.parse(entry) as Record<string, unknown>)
      .findLast((entry) => entry.operation === "Who")!;
    expect(line.principal).toBe("svc-billing");
  });

  it.each([
    ["expired", () => hs256(valid, CANARY.jwtSecret, "-1m"), /exp/],
    ["without exp", () => hs256(valid, CANARY.jwtSecret, ""), /exp/],
    ["without sub", () => hs256({ iss: ISSUER, aud: AUDIENCE }), /sub/],
    ["from another issuer", () => hs256({ ...valid, iss: "https://evil.example.com" }), /iss/],
    ["for another audience", () => hs256({ ...valid, aud: "someone-else" }), /aud/],
    ["signed with another secret", () => hs256(valid, "x".repeat(40)), /signature/],
    [
      "with a malformed account claim",
      () => hs256({ ...valid, twilio_account_sids: "AC123" }),
      /twilio_account_sids/,
    ],
    [
      "unsigned (alg none)",
      async () => {
        const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
        return `${part({ alg: "none" })}.${part({ ...valid, exp: 4102444800 })}.`;
      },
      /refused/,
    ],
  ])("refuse a token %s", async (_, token, reason) => {
    const message = await expectRefused(tokens, bearer(await token()));
    expect(message).toMatch(reason);
  });

  it("are tried after the API keys when both are configured", async () => {
    expect(
      (await both.graphql(FETCH, undefined, bearer(CANARY.gatewayKey))).errors,
    ).toBeUndefined();
    expect(
      (await both.graphql(FETCH, undefined, bearer(await hs256(valid)))).errors,
    ).toBeUndefined();
    fake.reset();
    const message = await expectRefused(both, bearer("no-such-key-and-no-token"));
    expect(message).toContain("neither a known API key nor a valid token");
  });
});

describe("JWTs from an issuer's key set (GATEWAY_JWKS_URL)", () => {
  let jwks: http.Server;
  let gateway: TestGateway;
  let privateKey: CryptoKey;
  let strangerKey: CryptoKey;
  beforeAll(async () => {
    const pair = await generateKeyPair("ES256");
    privateKey = pair.privateKey;
    strangerKey = (await generateKeyPair("ES256")).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    jwks = http.createServer((_, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    const { port } = jwks.address() as AddressInfo;
    gateway = await startTestGateway(fake.url, {
      GATEWAY_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      GATEWAY_JWT_ISSUER: ISSUER,
    });
  });
  afterAll(async () => {
    await gateway.close();
    jwks.closeAllConnections();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const es256 = (key: CryptoKey, kid = "k1") =>
    new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid })
      .setSubject("router")
      .setIssuer(ISSUER)
      .setExpirationTime("5m")
      .sign(key);

  it("let a caller in with a token signed by a key in the set", async () => {
    const result = await gateway.graphql(FETCH, undefined, bearer(await es256(privateKey)));
    expect(result.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });

  it("refuse a token signed by a key not in the set", async () => {
    await expectRefused(gateway, bearer(await es256(strangerKey)));
    await expectRefused(gateway, bearer(await es256(strangerKey, "k2")));
  });

  it("refuse an HS256 token made with the public key set's text as secret", async () => {
    const confused = await hs256({ sub: "x", iss: ISSUER }, JSON.stringify({ keys: [] }).repeat(3));
    await expectRefused(gateway, bearer(confused));
  });
});

describe("the credentials a transport presents (the Authenticate contract)", () => {
  const authenticate = bearerAccess({
    apiKeys: [CANARY.gatewayKey],
    apiKeyAccountSids: [],
  });

  it.each([
    ["the request's Authorization header", { headers: bearer(CANARY.gatewayKey) }],
    [
      "connection_init's authorization (Hive Gateway, browsers)",
      { headers: {}, connectionParams: { authorization: `Bearer ${CANARY.gatewayKey}` } },
    ],
    [
      "connection_init's token with its scheme (Apollo Router)",
      { headers: {}, connectionParams: { token: `Bearer ${CANARY.gatewayKey}` } },
    ],
    [
      "connection_init's bare token",
      { headers: {}, connectionParams: { token: CANARY.gatewayKey } },
    ],
    [
      "connection_init's, over the upgrade request's",
      {
        headers: bearer("stale-upgrade-header-key"),
        connectionParams: { authorization: `Bearer ${CANARY.gatewayKey}` },
      },
    ],
  ])("reads %s", async (_, presented) => {
    expect((await authenticate(presented)).id).toMatch(/^key:[0-9a-f]{12}$/);
  });

  it("refuses a connection_init without credentials with UNAUTHENTICATED", async () => {
    await expect(authenticate({ headers: {}, connectionParams: {} })).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });
});

describe("per-request Twilio credentials turned off (TWILIO_REQUEST_CREDENTIALS unset)", () => {
  let open: TestGateway;
  beforeAll(async () => {
    open = await startTestGateway(fake.url);
  });
  afterAll(() => open.close());

  it.each([
    ["valid Basic credentials", basic(OTHER_ACCOUNT, "their-token")],
    ["an empty Basic", "Basic"],
    ["Basic and spaces", "Basic   "],
  ])("refuses %s instead of using the configured account", async (_, authorization) => {
    const message = await expectRefused(open, { authorization });
    expect(message).toMatch(/TWILIO_REQUEST_CREDENTIALS/);
  });

  it("still serves a request without them as the configured account", async () => {
    const result = await open.graphql(FETCH);
    expect(result.errors).toBeUndefined();
    expect(fake.requests[0]!.headers.authorization).toBe(basic(ACCOUNT_SID, AUTH_TOKEN));
  });
});
