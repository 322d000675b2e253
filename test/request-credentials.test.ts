import { describe, expect, it } from "vitest";
import { FakeTwilio, twilioError, twilioErrorDetails } from "./support/fake-twilio.js";
import { ACCOUNT_SID, AUTH_TOKEN, useGatewayOnFakeTwilio } from "./support/gateway.js";

const CF = "CF" + "c".repeat(32);
const CA = "CA" + "a".repeat(32);
const OTHER_ACCOUNT = "AC" + "7".repeat(32);
const API_KEY = "SK" + "8".repeat(32);
const FETCH = `{ conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA}") { callSid } }`;

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

const fake = new FakeTwilio();
fake.setFallback({ status: 200, body: { call_sid: CA, conference_sid: CF } });
const gateway = useGatewayOnFakeTwilio(fake, { TWILIO_REQUEST_CREDENTIALS: "true" });

describe("a client's own Twilio credentials", () => {
  it("acts as the account in an Authorization: Basic header", async () => {
    const result = await gateway.graphql(FETCH, undefined, {
      authorization: basic(OTHER_ACCOUNT, "their-token"),
    });
    expect(result.errors).toBeUndefined();
    expect(fake.requests[0]!.headers.authorization).toBe(basic(OTHER_ACCOUNT, "their-token"));
    expect(fake.requests[0]!.url).toContain(`/Accounts/${OTHER_ACCOUNT}/`);
  });

  it("takes an API key with the account named in X-Twilio-Account-Sid", async () => {
    await gateway.graphql(FETCH, undefined, {
      authorization: basic(API_KEY, "key-secret"),
      "x-twilio-account-sid": OTHER_ACCOUNT,
    });
    expect(fake.requests[0]!.headers.authorization).toBe(basic(API_KEY, "key-secret"));
    expect(fake.requests[0]!.url).toContain(`/Accounts/${OTHER_ACCOUNT}/`);
  });

  it("falls back to the configured credentials without a Basic header (a bearer token is not Twilio's)", async () => {
    await gateway.graphql(FETCH, undefined, { authorization: "Bearer router-token" });
    expect(fake.requests[0]!.headers.authorization).toBe(basic(ACCOUNT_SID, AUTH_TOKEN));
  });

  it.each([
    ["no password", basic(OTHER_ACCOUNT, "")],
    ["a username that is no SID", basic("alice", "pw")],
    ["not base64 at all", "Basic %%%"],
  ])("rejects a Basic header with %s as UNAUTHENTICATED, sending nothing", async (_, header) => {
    const result = await gateway.graphql(FETCH, undefined, { authorization: header });
    expect(fake.requests).toHaveLength(0);
    expect(result.status).toBe(401);
    expect(result.errors![0]!.extensions).toEqual({ code: "UNAUTHENTICATED" });
    expect(JSON.stringify(result)).not.toContain("pw");
  });
});

/** Twilio's answer to credentials it does not accept (its 401 has a WWW-Authenticate header). */
const REFUSED = {
  ...twilioError(401, 20003, "Authenticate"),
  headers: { "www-authenticate": 'Basic realm="Twilio API"' },
};
const REFUSED_DETAILS = twilioErrorDetails(401, 20003, "Authenticate");

describe("credentials Twilio refuses", () => {
  it("are the caller's to fix when they came in its Authorization header: UNAUTHENTICATED", async () => {
    fake.reply(REFUSED);
    const result = await gateway.graphql(
      `{ gatewayInfo { name } conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA}") { callSid } }`,
      undefined,
      { authorization: basic(OTHER_ACCOUNT, "a-wrong-token") },
    );
    // Execution had begun: the other field answers, and the HTTP status stays 200.
    expect(result.status).toBe(200);
    expect(result.data).toEqual({
      gatewayInfo: { name: "participant-gateway" },
      conferenceParticipant: null,
    });
    expect(result.errors).toEqual([
      {
        message: "Twilio refused the credentials in this request's Authorization header",
        locations: expect.any(Array),
        path: ["conferenceParticipant"],
        extensions: { code: "UNAUTHENTICATED", twilio: REFUSED_DETAILS },
      },
    ]);
    expect(JSON.stringify(result)).not.toContain("a-wrong-token");
  });

  it("are the operator's to fix when they are the gateway's own: TWILIO_NOT_CONFIGURED, logged", async () => {
    fake.reply(REFUSED);
    gateway.logLines.length = 0;
    const result = await gateway.graphql(
      `mutation { updateConferenceParticipant(input: { conferenceSid: "${CF}", callSid: "${CA}", muted: true }) { callSid } }`,
    );
    expect(fake.requests[0]!.headers.authorization).toBe(basic(ACCOUNT_SID, AUTH_TOKEN));
    const error = result.errors![0]!;
    expect(error.extensions).toEqual({
      code: "TWILIO_NOT_CONFIGURED",
      outcome: "REJECTED",
      twilio: REFUSED_DETAILS,
    });
    expect(error.message).toBe(
      "Twilio refused the gateway's configured credentials; the gateway's operator must fix them",
    );
    // Nothing tells the caller to send credentials of its own.
    expect(error.message).not.toMatch(/Authorization|header/);
    const logged = gateway.logLines.find((line) => line.includes("refused the configured"));
    expect(JSON.parse(logged!)).toMatchObject({ level: "error", code: 20003 });
    expect(gateway.logLines.join("\n")).not.toContain(AUTH_TOKEN);
  });

  it("leave other Twilio refusals (403 20006, say) as TWILIO_API_ERROR", async () => {
    fake.reply(twilioError(403, 20006, "Access Denied"));
    const result = await gateway.graphql(FETCH, undefined, {
      authorization: basic(OTHER_ACCOUNT, "their-token"),
    });
    expect(result.errors![0]!.extensions).toMatchObject({
      code: "TWILIO_API_ERROR",
      twilio: { code: 20006, status: 403 },
    });
  });
});
