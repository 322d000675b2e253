import { describe, expect, it } from "vitest";
import { FakeTwilio } from "./support/fake-twilio.js";
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
