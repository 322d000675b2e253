import { SignJWT } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CANARY } from "../support/canaries.js";
import { FakeTwilio } from "../support/fake-twilio.js";
import { ACCOUNT_SID, startTestGateway, type TestGateway } from "../support/gateway.js";

const CF = "CF" + "c".repeat(32);
const CA = "CA" + "a".repeat(32);
const ALLOWED = "AC" + "1".repeat(32);
const STRANGER = "AC" + "2".repeat(32);

const ADD = /* GraphQL */ `
  mutation Add($accountSid: String) {
    addConferenceParticipant(
      input: { accountSid: $accountSid, conferenceSid: "${CF}", from: "+15017122661", to: "+15558675310" }
    ) {
      callSid
    }
  }
`;
const UNIFIED_ADD = /* GraphQL */ `
  mutation Add($accountSid: String) {
    addParticipant(
      input: { conference: { accountSid: $accountSid, conferenceSid: "${CF}", from: "+15017122661", to: "+15558675310" } }
    ) {
      ... on ConferenceParticipant {
        callSid
      }
    }
  }
`;
const FETCH = /* GraphQL */ `
  query Fetch($accountSid: String) {
    conferenceParticipant(accountSid: $accountSid, conferenceSid: "${CF}", callSid: "${CA}") {
      callSid
    }
  }
`;
const LIST = /* GraphQL */ `
  query List($accountSid: String) {
    conferenceParticipants(accountSid: $accountSid, conferenceSid: "${CF}") {
      edges {
        node {
          callSid
        }
      }
    }
  }
`;
const REMOVE = /* GraphQL */ `
  mutation Remove($accountSid: String) {
    removeConferenceParticipant(input: { accountSid: $accountSid, conferenceSid: "${CF}", callSid: "${CA}" }) {
      callSid
    }
  }
`;
const OPERATIONS = { ADD, UNIFIED_ADD, FETCH, LIST, REMOVE };

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const token = (claims: Record<string, unknown>) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("svc")
    .setExpirationTime("5m")
    .sign(new TextEncoder().encode(CANARY.jwtSecret));

const fake = new FakeTwilio();
let open: TestGateway;
const gateways: TestGateway[] = [];
async function gatewayWith(env: Record<string, string>) {
  const gateway = await startTestGateway(fake.url, env);
  gateways.push(gateway);
  return gateway;
}
beforeAll(async () => {
  await fake.start();
  const participant = { call_sid: CA, conference_sid: CF };
  fake.setFallback((request) => {
    if (request.method === "DELETE") return { status: 204 };
    const isList = request.method === "GET" && /Participants\.json(\?|$)/.test(request.url);
    return {
      status: 200,
      body: isList ? { participants: [participant], meta: { next_page_url: null } } : participant,
    };
  });
  open = await gatewayWith({});
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  await fake.stop();
});
beforeEach(() => fake.reset());

async function expectForbidden(
  gateway: TestGateway,
  query: string,
  accountSid: string,
  headers: Record<string, string> = {},
) {
  const result = await gateway.graphql(query, { accountSid }, headers);
  expect(result.status).toBe(200);
  expect(result.errors).toHaveLength(1);
  // A refused mutation says its write was never sent; a query has no outcome.
  const outcome = /^\s*mutation\b/.test(query) ? { outcome: "NOT_SENT" } : {};
  expect(result.errors![0]!.extensions).toEqual({ code: "FORBIDDEN", ...outcome });
  expect(result.errors![0]!.message).toContain(accountSid);
  expect(fake.requests).toHaveLength(0);
}

async function expectServed(
  gateway: TestGateway,
  query: string,
  accountSid: string,
  headers: Record<string, string> = {},
) {
  const result = await gateway.graphql(query, { accountSid }, headers);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(fake.requests.length).toBeGreaterThan(0);
  expect(fake.requests.every((r) => r.url.includes(`/Accounts/${accountSid}/`))).toBe(true);
  fake.reset();
}

describe("which Twilio accounts a caller may name in accountSid", () => {
  it.each(Object.entries(OPERATIONS))(
    "by default only the credentials' own, on an open gateway too (%s)",
    async (_, query) => {
      await expectServed(open, query, ACCOUNT_SID);
      await expectForbidden(open, query, STRANGER);
    },
  );

  it("for an API key: the credentials' own and GATEWAY_ACCOUNT_SIDS", async () => {
    const gateway = await gatewayWith({
      GATEWAY_API_KEYS: CANARY.gatewayKey,
      GATEWAY_ACCOUNT_SIDS: ALLOWED,
    });
    const headers = bearer(CANARY.gatewayKey);
    await expectServed(gateway, ADD, ACCOUNT_SID, headers);
    await expectServed(gateway, ADD, ALLOWED, headers);
    await expectForbidden(gateway, ADD, STRANGER, headers);
  });

  it('any account with GATEWAY_ACCOUNT_SIDS="*"', async () => {
    const gateway = await gatewayWith({
      GATEWAY_API_KEYS: CANARY.gatewayKey,
      GATEWAY_ACCOUNT_SIDS: "*",
    });
    await expectServed(gateway, ADD, STRANGER, bearer(CANARY.gatewayKey));
  });

  it("for a token: what its twilio_account_sids claim lists", async () => {
    const gateway = await gatewayWith({
      GATEWAY_JWT_SECRET: CANARY.jwtSecret,
      // Not for tokens: they carry their own list.
      GATEWAY_ACCOUNT_SIDS: STRANGER,
    });
    const listed = bearer(await token({ twilio_account_sids: [ALLOWED] }));
    await expectServed(gateway, ADD, ALLOWED, listed);
    await expectForbidden(gateway, ADD, STRANGER, listed);
    const none = bearer(await token({}));
    await expectServed(gateway, ADD, ACCOUNT_SID, none);
    await expectForbidden(gateway, ADD, ALLOWED, none);
    await expectServed(gateway, ADD, STRANGER, bearer(await token({ twilio_account_sids: ["*"] })));
  });

  it("with a caller's own Twilio credentials: their account, not the operator's", async () => {
    const gateway = await gatewayWith({
      GATEWAY_API_KEYS: CANARY.gatewayKey,
      TWILIO_REQUEST_CREDENTIALS: "true",
    });
    const headers = {
      ...bearer(CANARY.gatewayKey),
      "x-twilio-authorization": basic(ALLOWED, "their-token"),
    };
    await expectServed(gateway, ADD, ALLOWED, headers);
    await expectForbidden(gateway, ADD, ACCOUNT_SID, headers);
  });
});
