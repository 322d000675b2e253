import { SignJWT } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CANARY, CanaryWatch, findCanaries } from "../support/canaries.js";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";
import { ACCOUNT_SID, startTestGateway, type TestGateway } from "../support/gateway.js";

const CF = "CF" + "a".repeat(32);
const CA = "CA" + "b".repeat(32);
const CONFIGURED_KEY = "SK" + "1".repeat(32);
const CALLER_KEY = "SK" + "2".repeat(32);
const CALLER_ACCOUNT = "AC" + "3".repeat(32);
const STRANGER = "AC" + "4".repeat(32);

const ADD = /* GraphQL */ `
  mutation Add($input: AddConferenceParticipantInput!) {
    addConferenceParticipant(input: $input) {
      callSid
    }
  }
`;
const input = (extra: Record<string, unknown> = {}) => ({
  conferenceSid: CF,
  from: "+15017122661",
  to: "+15558675310",
  sipAuthUsername: "alice",
  sipAuthPassword: CANARY.sipPassword,
  ...extra,
});
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const bearer = (token: string) => `Bearer ${token}`;
const jwt = (secret: string, expires: string) =>
  new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("svc")
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));

const fake = new FakeTwilio();
let keyed: TestGateway;
let tokens: TestGateway;
const watch = new CanaryWatch();
beforeAll(async () => {
  await fake.start();
  // The configured credentials are an API key whose secret is a canary too.
  const common = {
    TWILIO_API_KEY: CONFIGURED_KEY,
    TWILIO_API_SECRET: CANARY.apiSecret,
    TWILIO_REQUEST_CREDENTIALS: "true",
    TWILIO_TIMEOUT_MS: "300",
    TWILIO_MAX_RETRY_AFTER_MS: "0",
    TWILIO_WRITE_RATE_LIMIT: "100/m",
  };
  keyed = await startTestGateway(fake.url, { ...common, GATEWAY_API_KEYS: CANARY.gatewayKey });
  tokens = await startTestGateway(fake.url, { ...common, GATEWAY_JWT_SECRET: CANARY.jwtSecret });
});
afterAll(async () => {
  await Promise.all([keyed.close(), tokens.close()]);
  await fake.stop();
});
beforeEach(() => fake.reset());

function post(
  gateway: TestGateway,
  body: unknown,
  headers: Record<string, string> = { authorization: bearer(CANARY.gatewayKey) },
) {
  return watch.fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("canary secrets never reach a response or a log line", () => {
  it("are really sent to Twilio, so finding none elsewhere means something", async () => {
    fake.reply({ status: 201, body: { call_sid: CA, conference_sid: CF } });
    const { status } = await post(keyed, { query: ADD, variables: { input: input() } });
    expect(status).toBe(200);
    const wire = fake.requests.map((r) => `${r.headers.authorization}\n${r.body}`);
    expect(findCanaries(wire).map((hit) => hit.split(":")[0])).toEqual([
      "apiSecret",
      "sipPassword",
    ]);
  });

  it("on Twilio's errors, timeouts, unreadable answers and retries given up", async () => {
    fake.reply(
      twilioError(400, 21211, "The 'To' number +15558675310 is not a valid phone number."),
      twilioError(401, 20003, "Authenticate"),
      { status: 200, body: { call_sid: CA }, delayMs: 1000 },
      { status: 502, body: "<html>Bad gateway</html>" },
      {
        status: 429,
        headers: { "retry-after": "30" },
        body: twilioError(429, 20429, "Too many requests").body,
      },
    );
    for (let i = 0; i < 5; i += 1) {
      const { status } = await post(keyed, { query: ADD, variables: { input: input() } });
      expect(status).toBe(200);
    }
  });

  it("on refused input: rules, wrong types, unknown fields, syntax errors", async () => {
    await post(keyed, { query: ADD, variables: { input: input({ to: "not a number" }) } });
    await post(keyed, { query: ADD, variables: { input: input({ bogus: CANARY.sipPassword }) } });
    await post(keyed, { query: ADD, variables: { input: input({ sipAuthPassword: 42 }) } });
    await post(keyed, {
      query: ADD,
      variables: { input: { sipAuthPassword: CANARY.sipPassword } },
    });
    await post(keyed, {
      query: `mutation { addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "+15558675310", sipAuthPassword: "${CANARY.sipPassword}", bogus: 1 }) { callSid } }`,
    });
    await post(keyed, {
      query: `mutation { addConferenceParticipant(input: { sipAuthPassword: "${CANARY.sipPassword}" "${CANARY.sipPassword}" }) }`,
    });
    await post(keyed, `{"query": "${CANARY.sipPassword}`);
    await post(keyed, {
      query: ADD,
      variables: { input: input({ accountSid: STRANGER }) },
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("on refused gateway credentials", async () => {
    for (const authorization of [
      bearer(`${CANARY.gatewayKey}x`),
      bearer(CANARY.gatewayKey.slice(0, -1)),
      `Basic ${Buffer.from(`${CANARY.gatewayKey}:`).toString("base64")}`,
      CANARY.gatewayKey,
    ]) {
      const { status } = await post(
        keyed,
        { query: ADD, variables: { input: input() } },
        { authorization },
      );
      expect(status).toBe(401);
    }
    for (const token of [
      await jwt(CANARY.jwtSecret, "-1m"),
      await jwt(`${CANARY.jwtSecret}-not`, "5m"),
      `${await jwt(CANARY.jwtSecret, "5m")}x`,
    ]) {
      const { status } = await post(
        tokens,
        { query: ADD, variables: { input: input() } },
        { authorization: bearer(token) },
      );
      expect(status).toBe(401);
    }
    const accepted = await post(
      tokens,
      { query: "{ gatewayInfo { name } }" },
      { authorization: bearer(await jwt(CANARY.jwtSecret, "5m")) },
    );
    expect(accepted.status).toBe(200);
    expect(fake.requests).toHaveLength(0);
  });

  it("with a caller's own Twilio credentials, used or refused", async () => {
    fake.reply(
      { status: 201, body: { call_sid: CA, conference_sid: CF } },
      twilioError(401, 20003, "Authenticate"),
    );
    const own = {
      authorization: bearer(CANARY.gatewayKey),
      "x-twilio-authorization": basic(CALLER_KEY, CANARY.apiSecret),
      "x-twilio-account-sid": CALLER_ACCOUNT,
    };
    for (let i = 0; i < 2; i += 1) {
      expect((await post(keyed, { query: ADD, variables: { input: input() } }, own)).status).toBe(
        200,
      );
    }
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual([
      basic(CALLER_KEY, CANARY.apiSecret),
      basic(CALLER_KEY, CANARY.apiSecret),
    ]);
    for (const twilio of [
      basic("SKnot-a-sid", CANARY.apiSecret),
      basic(CALLER_KEY, CANARY.apiSecret).replace("Basic ", "Basic %"),
      `Bearer ${CANARY.apiSecret}`,
    ]) {
      const { status } = await post(
        keyed,
        { query: ADD, variables: { input: input() } },
        { ...own, "x-twilio-authorization": twilio },
      );
      expect(status).toBe(401);
    }
    const missingAccount = await post(
      keyed,
      { query: ADD, variables: { input: input() } },
      {
        authorization: bearer(CANARY.gatewayKey),
        "x-twilio-authorization": basic(CALLER_KEY, CANARY.apiSecret),
      },
    );
    expect(missingAccount.status).toBe(200);
    expect(fake.requests[2]!.url).toContain(`/Accounts/${ACCOUNT_SID}/`);
  });

  it("over GET as well", async () => {
    const url = new URL(keyed.graphqlUrl);
    url.searchParams.set(
      "query",
      "query Info($skip: Boolean!) { gatewayInfo @skip(if: $skip) { name } }",
    );
    url.searchParams.set("variables", JSON.stringify({ skip: CANARY.sipPassword }));
    const { status, body } = await watch.fetch(url.href, {
      headers: { authorization: bearer(CANARY.gatewayKey), "apollo-require-preflight": "true" },
    });
    expect(status).toBe(400);
    expect(JSON.parse(body)).toMatchObject({
      errors: [{ extensions: { code: "BAD_USER_INPUT" } }],
    });
  });

  afterAll(() => {
    watch.record(...keyed.logLines, ...tokens.logLines);
    expect(watch.seen.length).toBeGreaterThan(25);
    watch.expectClean();
  });
});
