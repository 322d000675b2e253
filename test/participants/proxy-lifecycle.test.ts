import { beforeEach, describe, expect, it } from "vitest";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";
import { ACCOUNT_SID, AUTH_TOKEN, useGatewayOnFakeTwilio } from "../support/gateway.js";
import { checkedInOperation } from "../support/operations.js";

const KS = "KS" + "a".repeat(32);
const KC = "KC" + "b".repeat(32);
const OTHER_KC = "KC" + "e".repeat(32);
const KP = (n: number) => "KP" + n.toString(16).padStart(32, "0");
const PN = "PN" + "d".repeat(32);
const BASE = `/v1/Services/${KS}/Sessions/${KC}/Participants`;
const HOST = "https://proxy.twilio.com";

const FETCH = checkedInOperation("proxy.graphql", "ProxyParticipant");
const LIST = checkedInOperation("proxy.graphql", "ProxyParticipants");
const REMOVE = checkedInOperation("proxy.graphql", "RemoveProxyParticipant");

const BASIC_AUTH = "Basic " + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64");

/** A participant as Proxy answers it (the shape of the spec's `fetch` example). */
function participant(sid: string, extra: Record<string, unknown> = {}) {
  const url = `${HOST}${BASE}/${sid}`;
  return {
    sid,
    session_sid: KC,
    service_sid: KS,
    account_sid: ACCOUNT_SID,
    identifier: "+15558675310",
    proxy_identifier: "+15017122661",
    proxy_identifier_sid: PN,
    friendly_name: "Alice Buyer",
    date_deleted: null,
    date_updated: "2015-07-30T20:00:01Z",
    date_created: "2015-07-30T20:00:00Z",
    url,
    links: { message_interactions: `${url}/MessageInteractions` },
    ...extra,
  };
}

/** One page of Proxy's v1 list answer; `next` is the absolute next_page_url or null. */
function page(sids: string[], next: string | null) {
  return {
    status: 200,
    body: {
      participants: sids.map((sid) => participant(sid)),
      meta: {
        page: 0,
        page_size: sids.length,
        first_page_url: `${HOST}${BASE}?PageSize=2&Page=0`,
        previous_page_url: null,
        url: `${HOST}${BASE}?PageSize=2&Page=0`,
        next_page_url: next,
        key: "participants",
      },
    },
  };
}

const NOT_FOUND = twilioError(404, 20404, "The requested resource was not found");

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake, { TWILIO_TIMEOUT_MS: "300" });
beforeEach(() => {
  fake.reset();
  fake.setFallback({ status: 500, body: "no answer queued" });
});

type ListData = {
  proxyParticipants: {
    edges: Array<{ cursor: string; node: { sid: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe("proxyParticipant", () => {
  it("fetches one participant with a bare GET and maps every field", async () => {
    fake.reply({ status: 200, body: participant(KP(1)) });
    const result = await gateway.graphql(FETCH, { serviceSid: KS, sessionSid: KC, sid: KP(1) });
    expect(result.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe("GET");
    expect(request!.url).toBe(`${BASE}/${KP(1)}`);
    expect(request!.body).toBe("");
    expect(request!.headers.authorization).toBe(BASIC_AUTH);
    expect(request!.headers["content-type"]).toBeUndefined();
    const url = `${HOST}${BASE}/${KP(1)}`;
    expect(result.data).toEqual({
      proxyParticipant: {
        sid: KP(1),
        serviceSid: KS,
        sessionSid: KC,
        accountSid: ACCOUNT_SID,
        friendlyName: "Alice Buyer",
        identifier: "+15558675310",
        proxyIdentifier: "+15017122661",
        proxyIdentifierSid: PN,
        dateDeleted: null,
        dateCreated: "2015-07-30T20:00:00.000Z",
        dateUpdated: "2015-07-30T20:00:01.000Z",
        url,
        links: { messageInteractions: `${url}/MessageInteractions` },
      },
    });
  });

  it("answers null, without an error, for a participant Proxy does not know", async () => {
    fake.reply(NOT_FOUND);
    const result = await gateway.graphql(FETCH, { serviceSid: KS, sessionSid: KC, sid: KP(9) });
    expect(result).toEqual({ status: 200, data: { proxyParticipant: null } });
    expect(fake.requests.map((r) => [r.method, r.url])).toEqual([["GET", `${BASE}/${KP(9)}`]]);
  });

  it("fetches the same participant once however often one operation asks for it", async () => {
    fake.setFallback((request) => ({
      status: 200,
      body: participant(request.url.split("/").at(-1)!),
    }));
    const result = await gateway.graphql(`{
      a: proxyParticipant(serviceSid: "${KS}", sessionSid: "${KC}", sid: "${KP(1)}") { sid }
      b: proxyParticipant(serviceSid: "${KS}", sessionSid: "${KC}", sid: "${KP(1)}") { identifier }
      c: proxyParticipant(serviceSid: "${KS}", sessionSid: "${KC}", sid: "${KP(2)}") { sid }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      a: { sid: KP(1) },
      b: { identifier: "+15558675310" },
      c: { sid: KP(2) },
    });
    expect(fake.requests.map((r) => r.url).sort()).toEqual([
      `${BASE}/${KP(1)}`,
      `${BASE}/${KP(2)}`,
    ]);
  });

  it("keeps one participant's failure to its own field", async () => {
    fake.setFallback((request) =>
      request.url.endsWith(KP(2))
        ? twilioError(403, 20403, "Forbidden")
        : { status: 200, body: participant(KP(1)) },
    );
    const result = await gateway.graphql(`{
      ok: proxyParticipant(serviceSid: "${KS}", sessionSid: "${KC}", sid: "${KP(1)}") { sid }
      bad: proxyParticipant(serviceSid: "${KS}", sessionSid: "${KC}", sid: "${KP(2)}") { sid }
    }`);
    expect(result.data).toEqual({ ok: { sid: KP(1) }, bad: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.path).toEqual(["bad"]);
    expect(result.errors![0]!.extensions).toMatchObject({
      code: "TWILIO_API_ERROR",
      twilio: { code: 20403, status: 403 },
    });
  });

  it("retries a 429 on a read, and maps a 500 page and a timeout to their own codes", async () => {
    const variables = { serviceSid: KS, sessionSid: KC, sid: KP(1) };
    fake.reply(
      { ...twilioError(429, 20429, "Too Many Requests"), headers: { "retry-after": "1" } },
      { status: 200, body: participant(KP(1)) },
    );
    const retried = await gateway.graphql(FETCH, variables);
    expect(retried.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(2);

    fake.reset();
    fake.reply({ status: 500, body: "<html><body>Internal error</body></html>" });
    const broken = await gateway.graphql(FETCH, variables);
    expect(broken.errors![0]!.extensions).toEqual({ code: "UPSTREAM_UNAVAILABLE" });
    expect(broken.errors![0]!.message).not.toContain(fake.url);

    fake.reset();
    fake.reply({ status: 200, body: participant(KP(1)), delayMs: 1000 });
    const slow = await gateway.graphql(FETCH, variables);
    expect(slow.errors![0]!.extensions).toEqual({ code: "UPSTREAM_TIMEOUT" });
  });

  it("rejects every bad SID at once and sends nothing", async () => {
    const result = await gateway.graphql(FETCH, {
      serviceSid: KC,
      sessionSid: "KC123",
      sid: "KP" + "g".repeat(32),
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.data).toEqual({ proxyParticipant: null });
    expect(result.errors!.map((e) => e.message)).toEqual([
      "serviceSid: must be a KS SID: KS followed by 32 hex digits",
      "sessionSid: must be a KC SID: KC followed by 32 hex digits",
      "sid: must be a KP SID: KP followed by 32 hex digits",
    ]);
    expect(result.errors!.map((e) => e.extensions)).toEqual(
      ["serviceSid", "sessionSid", "sid"].map((field) => ({ code: "BAD_USER_INPUT", field })),
    );
  });
});

describe("proxyParticipants", () => {
  it("pages through a session with opaque cursors bound to that session", async () => {
    // Written by hand: Proxy's next link carries an opaque token that must be sent back exactly.
    fake.reply(
      page([KP(1), KP(2)], `${HOST}${BASE}?PageSize=2&Page=1&PageToken=PA%2Bx%2Fy%3D`),
      page([KP(3)], null),
    );
    const first = await gateway.graphql<ListData>(LIST, {
      serviceSid: KS,
      sessionSid: KC,
      first: 2,
    });
    expect(first.errors).toBeUndefined();
    const firstPage = first.data!.proxyParticipants;
    expect(firstPage.edges.map((e) => e.node.sid)).toEqual([KP(1), KP(2)]);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);

    const second = await gateway.graphql<ListData>(LIST, {
      serviceSid: KS,
      sessionSid: KC,
      first: 2,
      after: firstPage.pageInfo.endCursor,
    });
    expect(second.data!.proxyParticipants.edges.map((e) => e.node.sid)).toEqual([KP(3)]);
    expect(second.data!.proxyParticipants.pageInfo.hasNextPage).toBe(false);
    expect(fake.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["GET", `${BASE}?PageSize=2&Page=0`, ""],
      ["GET", `${BASE}?PageSize=2&Page=1&PageToken=PA%2Bx%2Fy%3D`, ""],
    ]);

    fake.reset();
    const otherSession = await gateway.graphql(LIST, {
      serviceSid: KS,
      sessionSid: OTHER_KC,
      first: 2,
      after: firstPage.pageInfo.endCursor,
    });
    expect(otherSession.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    expect(fake.requests).toHaveLength(0);
  });

  it("asks for 50 by default and maps every item of the page", async () => {
    fake.reply(page([KP(1)], null));
    const result = await gateway.graphql(`{
      proxyParticipants(serviceSid: "${KS}", sessionSid: "${KC}") {
        edges { node { sid kind identifier proxyIdentifierSid dateCreated } }
        pageInfo { hasNextPage }
      }
    }`);
    expect(result.data).toEqual({
      proxyParticipants: {
        edges: [
          {
            node: {
              sid: KP(1),
              kind: "PROXY",
              identifier: "+15558675310",
              proxyIdentifierSid: PN,
              dateCreated: "2015-07-30T20:00:00.000Z",
            },
          },
        ],
        pageInfo: { hasNextPage: false },
      },
    });
    expect(fake.requests[0]!.url).toBe(`${BASE}?PageSize=50&Page=0`);
  });

  it("passes an unknown session's 404 through", async () => {
    fake.reply(NOT_FOUND);
    const result = await gateway.graphql(LIST, { serviceSid: KS, sessionSid: KC });
    expect(result.data).toBeNull();
    expect(result.errors![0]!.extensions).toMatchObject({
      code: "TWILIO_API_ERROR",
      twilio: { code: 20404, status: 404 },
    });
  });

  it("takes 1000 at most and reports bad SIDs and a bad first together", async () => {
    fake.reply(page([], null));
    const largest = await gateway.graphql(LIST, { serviceSid: KS, sessionSid: KC, first: 1000 });
    expect(largest.errors).toBeUndefined();
    expect(fake.requests[0]!.url).toBe(`${BASE}?PageSize=1000&Page=0`);

    fake.reset();
    for (const first of [0, 1001]) {
      const result = await gateway.graphql(LIST, { serviceSid: KS, sessionSid: KC, first });
      expect(result.errors!.map((e) => e.message)).toEqual([
        "first: must be an integer from 1 to 1000",
      ]);
    }
    const everything = await gateway.graphql(LIST, {
      serviceSid: "KS",
      sessionSid: KS,
      first: -1,
    });
    expect(everything.errors!.map((e) => e.extensions!.field)).toEqual([
      "serviceSid",
      "sessionSid",
      "first",
    ]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("removeProxyParticipant", () => {
  const input = { serviceSid: KS, sessionSid: KC, sid: KP(1) };

  it("reads the participant, deletes it, and returns it as it was", async () => {
    fake.reply(
      { status: 200, body: participant(KP(1), { friendly_name: "leaving" }) },
      { status: 204 },
    );
    const result = await gateway.graphql(REMOVE, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      removeProxyParticipant: {
        sid: KP(1),
        serviceSid: KS,
        sessionSid: KC,
        identifier: "+15558675310",
        proxyIdentifier: "+15017122661",
        friendlyName: "leaving",
      },
    });
    expect(fake.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["GET", `${BASE}/${KP(1)}`, ""],
      ["DELETE", `${BASE}/${KP(1)}`, ""],
    ]);
    expect(fake.requests[1]!.headers.authorization).toBe(BASIC_AUTH);
  });

  it("says NOT_FOUND and deletes nothing when the participant does not exist", async () => {
    fake.reply(NOT_FOUND);
    const result = await gateway.graphql(REMOVE, { input });
    expect(result.data).toEqual({ removeProxyParticipant: null });
    expect(result.errors![0]!.extensions).toEqual({ code: "NOT_FOUND", outcome: "NOT_SENT" });
    expect(result.errors![0]!.message).toBe(`Proxy participant ${KP(1)} was not found`);
    expect(fake.requests.map((r) => r.method)).toEqual(["GET"]);
  });

  it("says NOT_FOUND when the participant goes between the read and the DELETE", async () => {
    fake.reply({ status: 200, body: participant(KP(1)) }, NOT_FOUND);
    const result = await gateway.graphql(REMOVE, { input });
    // Twilio's own 404 to the DELETE is kept under extensions.twilio.
    expect(result.errors![0]!.extensions).toEqual({
      code: "NOT_FOUND",
      outcome: "REJECTED",
      twilio: expect.objectContaining({ code: 20404, status: 404 }),
    });
    expect(fake.requests.map((r) => r.method)).toEqual(["GET", "DELETE"]);
  });

  it("reads again after a removal, so a second removal in one operation is NOT_FOUND", async () => {
    fake.reply({ status: 200, body: participant(KP(1)) }, { status: 204 }, NOT_FOUND);
    const result = await gateway.graphql(
      `mutation($input: RemoveProxyParticipantInput!) {
        first: removeProxyParticipant(input: $input) { sid }
        again: removeProxyParticipant(input: $input) { sid }
      }`,
      { input },
    );
    // The first removal's answer stands; only the second fails.
    expect(result.data).toEqual({ first: { sid: KP(1) }, again: null });
    expect(result.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([
      [["again"], "NOT_FOUND"],
    ]);
    expect(fake.requests.map((r) => r.method)).toEqual(["GET", "DELETE", "GET"]);
  });

  it("passes a failing DELETE through", async () => {
    fake.reply(
      { status: 200, body: participant(KP(1)) },
      { status: 500, body: "<html>oops</html>" },
    );
    const result = await gateway.graphql(REMOVE, { input });
    expect(result.errors![0]!.extensions).toEqual({
      code: "UPSTREAM_UNAVAILABLE",
      outcome: "UNKNOWN",
    });
    expect(fake.requests.map((r) => r.method)).toEqual(["GET", "DELETE"]);
  });

  it("rejects every bad SID at once and sends nothing", async () => {
    const result = await gateway.graphql(REMOVE, {
      input: { serviceSid: "service", sessionSid: KC, sid: PN },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors!.map((e) => e.extensions)).toEqual(
      ["input.serviceSid", "input.sid"].map((field) => ({
        code: "BAD_USER_INPUT",
        field,
        outcome: "NOT_SENT",
      })),
    );
  });

  it("never writes the auth token, the identifier or the upstream URL to the log", async () => {
    fake.reply(
      { status: 200, body: participant(KP(1), { identifier: "+15550001111" }) },
      { status: 204 },
    );
    await gateway.graphql(REMOVE, { input });
    const log = gateway.logLines.join("\n");
    expect(log).toContain("proxy.participant.delete");
    expect(log).not.toContain(AUTH_TOKEN);
    expect(log).not.toContain("+15550001111");
    expect(log).not.toContain(fake.url);
  });
});

describe("ProxyParticipant as a Federation entity", () => {
  it("resolves representations through the loader: one read per distinct participant", async () => {
    fake.setFallback((request) =>
      request.url.endsWith(KP(3))
        ? NOT_FOUND
        : { status: 200, body: participant(request.url.split("/").at(-1)!) },
    );
    const representations = [KP(1), KP(2), KP(1), KP(3)].map((sid) => ({
      __typename: "ProxyParticipant",
      serviceSid: KS,
      sessionSid: KC,
      sid,
    }));
    const result = await gateway.graphql(
      `query($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on ProxyParticipant { sid identifier } }
      }`,
      { representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { sid: KP(1), identifier: "+15558675310" },
        { sid: KP(2), identifier: "+15558675310" },
        { sid: KP(1), identifier: "+15558675310" },
        null,
      ],
    });
    expect(fake.requests.map((r) => r.url).sort()).toEqual(
      [1, 2, 3].map((n) => `${BASE}/${KP(n)}`),
    );
  });
});
