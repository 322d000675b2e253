import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadDefaultDocument } from "../../src/graphiql/default-document.js";
import { silentLogger } from "../../src/logging/logger.js";
import { FakeTwilio } from "../support/fake-twilio.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const CF = "CF" + "a".repeat(32);
const CA = (n: number) => "CA" + n.toString(16).padStart(32, "0");
const add = (n: number) =>
  `addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "+1555867${String(n).padStart(4, "0")}" }) { callSid }`;
const aliasedAdds = (count: number) =>
  `mutation { ${Array.from({ length: count }, (_, i) => `a${i}: ${add(i)}`).join("\n")} }`;

const fake = new FakeTwilio();
let defaults: TestGateway;
let tight: TestGateway;
beforeAll(async () => {
  await fake.start();
  fake.setFallback({ status: 201, body: { call_sid: CA(1), conference_sid: CF } });
  defaults = await startTestGateway(fake.url);
  tight = await startTestGateway(fake.url, {
    GRAPHQL_MAX_MUTATIONS: "2",
    GRAPHQL_MAX_ALIASES: "3",
    GRAPHQL_MAX_DEPTH: "3",
    GRAPHQL_MAX_TOKENS: "200",
  });
});
afterAll(async () => {
  await Promise.all([defaults.close(), tight.close()]);
  await fake.stop();
});
beforeEach(() => fake.reset());

/** Refused with HTTP 400 before anything runs: no Twilio call. */
async function expectRefused(
  gateway: TestGateway,
  query: string,
  code: "GRAPHQL_VALIDATION_FAILED" | "GRAPHQL_PARSE_FAILED",
  message: RegExp,
) {
  const result = await gateway.graphql(query);
  expect(result.status).toBe(400);
  expect(result.data).toBeUndefined();
  expect(result.errors!.map((error) => error.extensions?.code)).toContain(code);
  expect(result.errors!.map((error) => error.message).join("\n")).toMatch(message);
  expect(fake.requests).toHaveLength(0);
}

describe("mutation fields per operation (GRAPHQL_MAX_MUTATIONS, default 10)", () => {
  it("refuses 100 aliased adds in one request without dialling anybody", async () => {
    await expectRefused(
      defaults,
      aliasedAdds(100),
      "GRAPHQL_VALIDATION_FAILED",
      /has 100 mutation fields; at most 10 are allowed in one request \(GRAPHQL_MAX_MUTATIONS\)/,
    );
  });

  it("runs 10", async () => {
    const result = await defaults.graphql(aliasedAdds(10));
    expect(result.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(10);
  });

  it("counts fields in fragments and inline fragments on Mutation, not __typename", async () => {
    await expectRefused(
      tight,
      `mutation Three { __typename a0: ${add(0)} ...More }
       fragment More on Mutation { ... on Mutation { a1: ${add(1)} } a2: ${add(2)} }`,
      "GRAPHQL_VALIDATION_FAILED",
      /^Operation Three has 3 mutation fields; at most 2/m,
    );
  });

  it("counts a field repeated under one response key once: it runs once", async () => {
    const result = await tight.graphql(`mutation { x: ${add(0)} x: ${add(0)} __typename }`);
    expect(result.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });
});

describe("aliases per operation (GRAPHQL_MAX_ALIASES, default 30)", () => {
  const fetches = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `p${i}: conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA(i)}") { callSid }`).join(" ")} }`;

  it("refuses 31 aliased fetches by default", async () => {
    await expectRefused(
      defaults,
      fetches(31),
      "GRAPHQL_VALIDATION_FAILED",
      /has 31 aliases; at most 30 are allowed \(GRAPHQL_MAX_ALIASES\)/,
    );
  });

  it("counts a fragment's aliases wherever it is spread; aliases of __typename are free", async () => {
    const document = `query Spread { gatewayInfo { ...Names } again: gatewayInfo { ...Names } }
      fragment Names on GatewayInfo { n: name v: version t: __typename }`;
    await expectRefused(tight, document, "GRAPHQL_VALIDATION_FAILED", /has 5 aliases; at most 3/);
    const fine = await tight.graphql(`{ gatewayInfo { n: name a: __typename b: __typename } }`);
    expect(fine.errors).toBeUndefined();
  });
});

describe("selection depth (GRAPHQL_MAX_DEPTH, default 10)", () => {
  it("refuses a document deeper than the limit", async () => {
    await expectRefused(
      tight,
      `query Deep { conferenceParticipants(conferenceSid: "${CF}") { edges { node { callSid } } } }`,
      "GRAPHQL_VALIDATION_FAILED",
      /^Operation Deep is 4 levels deep; at most 3 are allowed \(GRAPHQL_MAX_DEPTH\)$/m,
    );
  });

  it("counts fragments at the depth they are spread", async () => {
    await expectRefused(
      tight,
      `query Deep { conferenceParticipants(conferenceSid: "${CF}") { ...Edges } }
       fragment Edges on ConferenceParticipantConnection { edges { ...Node } }
       fragment Node on ConferenceParticipantEdge { node { callSid } }`,
      "GRAPHQL_VALIDATION_FAILED",
      /is 4 levels deep/,
    );
  });

  it("lets GraphiQL's introspection query (15 levels) through, even with a limit of 3", async () => {
    const query = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true });
    for (const gateway of [defaults, tight]) {
      const result = await gateway.graphql(query);
      expect(result.errors).toBeUndefined();
      expect(result.status).toBe(200);
    }
  });

  it("refuses introspection that cycles (graphql-js's MaxIntrospectionDepthRule)", async () => {
    await expectRefused(
      defaults,
      `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`,
      "GRAPHQL_VALIDATION_FAILED",
      /Maximum introspection depth exceeded/,
    );
  });
});

describe("parser tokens (GRAPHQL_MAX_TOKENS, default 5000)", () => {
  it("stops parsing a 100,001-token document: 400, not a 500, nothing run", async () => {
    // Two braces and 99,999 names.
    const query = `{ ${"a ".repeat(99_999)}}`;
    await expectRefused(
      defaults,
      query,
      "GRAPHQL_PARSE_FAILED",
      /Document contains more tha[nt] 5000 tokens/,
    );
  });

  it("stops parsing a 53,000-alias document early", async () => {
    const query = `{ ${Array.from({ length: 53_000 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    expect(query.length).toBeLessThan(1024 * 1024);
    await expectRefused(defaults, query, "GRAPHQL_PARSE_FAILED", /more tha[nt] 5000 tokens/);
  });

  it("is configurable", async () => {
    await expectRefused(
      tight,
      `{ ${"gatewayInfo { name } ".repeat(60)}}`,
      "GRAPHQL_PARSE_FAILED",
      /more tha[nt] 200 tokens/,
    );
  });

  it("lets the explorer's default document (every example operation, ~800 tokens) through", async () => {
    // The page sends the whole document, whichever operation runs: all of it is parsed and
    // validated.
    const { query, variables } = loadDefaultDocument(silentLogger);
    const response = await fetch(defaults.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query,
        variables: JSON.parse(variables),
        operationName: "GatewayInfo",
      }),
    });
    expect(await response.json()).toMatchObject({
      data: { gatewayInfo: { name: "participant-gateway" } },
    });
  });
});
