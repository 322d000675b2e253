import fc from "fast-check";
import {
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRODUCTS } from "../../src/participants/registry.js";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";
import { sharedSchema, startTestGateway, type TestGateway } from "../support/gateway.js";

/**
 * Random and hostile documents and inputs thrown at every mutation: the gateway never answers
 * with a 5xx or an INTERNAL_SERVER_ERROR, and input it refuses never reaches Twilio (the fake
 * counts every call). Whatever reaches Twilio is answered with a Twilio error here, so every
 * run exercises a path to the end.
 */

/** Codes that mean "refused before anything was sent". */
const REFUSED = new Set([
  "BAD_USER_INPUT",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_REQUEST",
  "FORBIDDEN",
]);
const RUNS = 40;

const PREFIXES = [
  "AC",
  "BY",
  "CA",
  "CF",
  "CH",
  "IS",
  "KC",
  "KD",
  "KP",
  "KS",
  "MB",
  "PN",
  "RL",
  "UO",
  "UT",
];
const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);
const sidLike = fc.tuple(fc.constantFrom(...PREFIXES), hex32).map(([p, h]) => p + h);
const phone = fc
  .integer({ min: 0, max: 9_999_999 })
  .map((n) => `+1555${String(n).padStart(7, "0")}`);
const HOSTILE = [
  "",
  " ",
  ".",
  "..",
  "../..",
  "./x",
  "%2e%2e",
  "%2F",
  "/",
  "a/b",
  "?x=1",
  "#frag",
  "\u0000",
  "\r\nX-Injected: 1",
  "😀",
  "\u202e",
  "\ud800",
  "${jndi:ldap://x}",
  "<script>",
  "'; DROP TABLE x; --",
  "sip:alice@example.com",
  "client:alice",
  "app:AP" + "0".repeat(32),
  "https://example.com/cb",
  "http://169.254.169.254/",
  "x".repeat(70_000),
];
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: sidLike },
  { weight: 2, arbitrary: phone },
);
/** A value of the wrong type for wherever it is put. */
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  fc.constant(null),
);

const sid = (prefix: string) => `${prefix}${"0".repeat(31)}1`;
const EXAMPLES = Object.fromEntries(
  PRODUCTS.flatMap(({ explorer }) =>
    explorer ? [[explorer.field, explorer.arguments.input]] : [],
  ),
);
/** An input each mutation accepts: hostile values then go in one field at a time. */
const VALID: Record<string, unknown> = {
  ...EXAMPLES,
  addParticipant: { conference: EXAMPLES.addConferenceParticipant },
  updateConferenceParticipant: { conferenceSid: sid("CF"), callSid: sid("CA"), muted: true },
  updateConversationParticipant: { conversationSid: sid("CH"), sid: sid("MB"), roleSid: sid("RL") },
  updateInteractionParticipant: {
    interactionSid: sid("KD"),
    channelSid: sid("UO"),
    sid: sid("UT"),
    status: "CLOSED",
  },
  removeConferenceParticipant: { conferenceSid: sid("CF"), callSid: sid("CA") },
  removeConversationParticipant: { conversationSid: sid("CH"), sid: sid("MB") },
  removeProxyParticipant: { serviceSid: sid("KS"), sessionSid: sid("KC"), sid: sid("KP") },
};

/** A valid input with one field replaced by anything its type allows (or not), or left out. */
function oneFieldChanged(valid: Record<string, unknown>, type: GraphQLInputType) {
  const named = isNonNullType(type) ? type.ofType : type;
  if (!isInputObjectType(named)) throw new Error(`${String(type)} is not an input object`);
  const fields = Object.values(named.getFields());
  return fc.oneof(
    ...fields.map((field) =>
      fc.option(valueFor(field.type, 1), { nil: undefined }).map((value) => {
        const changed = { ...valid };
        if (value === undefined) delete changed[field.name];
        else changed[field.name] = value;
        return changed;
      }),
    ),
  );
}

function valueFor(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, depth);
  if (isListType(type)) {
    return fc.oneof(
      fc.array(valueFor(type.ofType, depth + 1), { maxLength: 4 }),
      valueFor(type.ofType, depth + 1),
      wrongType,
    );
  }
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
      { weight: 1, arbitrary: hostileString },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(
      fields.map((field) => [field.name, valueFor(field.type, depth + 1)]),
    );
    return fc.oneof(
      { weight: 8, arbitrary: fc.record(shape, { requiredKeys: [] }) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.record(shape, { requiredKeys: [] }), fc.string({ maxLength: 8 }), fc.anything())
          .map(([record, key, value]) => ({ ...record, [key]: value })),
      },
      { weight: 1, arbitrary: wrongType },
    );
  }
  if (isScalarType(type)) {
    const scalar: Record<string, fc.Arbitrary<unknown>> = {
      String: hostileString,
      ID: hostileString,
      Int: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER)),
      Float: fc.oneof(fc.double(), fc.constantFrom(0, -0, 1e308)),
      Boolean: fc.boolean(),
      JSON: fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileString),
      DateTime: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        hostileString,
      ),
    };
    return fc.oneof(
      { weight: 6, arbitrary: scalar[type.name] ?? hostileString },
      { weight: 1, arbitrary: wrongType },
    );
  }
  return fc.anything();
}

const fake = new FakeTwilio();
let gateway: TestGateway;
let mutations: Array<{
  name: string;
  inputType: string;
  valid: Record<string, unknown>;
  input: fc.Arbitrary<unknown>;
}>;
beforeAll(async () => {
  await fake.start();
  fake.setFallback(twilioError(400, 21211, "Invalid parameter"));
  gateway = await startTestGateway(fake.url);
  const schema = await sharedSchema();
  mutations = Object.values(schema.getMutationType()!.getFields()).map((field) => {
    const arg = field.args.find((candidate) => candidate.name === "input")!;
    const valid = VALID[field.name] as Record<string, unknown>;
    return {
      name: field.name,
      inputType: String(arg.type),
      valid,
      input: fc.oneof(
        { weight: 6, arbitrary: oneFieldChanged(valid, arg.type) },
        { weight: 3, arbitrary: valueFor(arg.type, 0) },
        { weight: 1, arbitrary: fc.anything() },
      ),
    };
  });
});
afterAll(async () => {
  await gateway.close();
  await fake.stop();
});

/** Sends one request and checks what the gateway did with it. */
async function sendAndCheck(body: string): Promise<void> {
  const before = fake.requests.length;
  const response = await fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  const text = await response.text();
  const calls = fake.requests.length - before;
  expect(response.status, text.slice(0, 500)).toBeLessThan(500);
  const parsed = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
  const codes = (parsed.errors ?? []).map((error) => error.extensions?.code);
  expect(codes, text.slice(0, 500)).not.toContain("INTERNAL_SERVER_ERROR");
  if (codes.some((code) => code !== undefined && REFUSED.has(code))) {
    expect(calls, `refused, yet sent to Twilio: ${body.slice(0, 300)}`).toBe(0);
  }
  if (calls > 0) expect(codes).toEqual(codes.map(() => "TWILIO_API_ERROR"));
}

describe("hostile input to every mutation", () => {
  it("is there: every add, update and remove field", () => {
    expect(mutations.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        "addParticipant",
        "addProxyParticipant",
        "addInteractionParticipant",
        "addConversationParticipant",
        "addConferenceParticipant",
        "updateConferenceParticipant",
        "removeConferenceParticipant",
      ]),
    );
  });

  it("starts from inputs that do reach Twilio", async () => {
    for (const mutation of mutations) {
      const query = `mutation M($input: ${mutation.inputType}) { ${mutation.name}(input: $input) { __typename } }`;
      const before = fake.requests.length;
      const result = await gateway.graphql(query, { input: mutation.valid });
      expect(result.errors?.[0]?.extensions?.code, mutation.name).toBe("TWILIO_API_ERROR");
      expect(fake.requests.length, mutation.name).toBeGreaterThan(before);
    }
  });

  it("as variables: never a 5xx, never a Twilio call for refused input", async () => {
    for (const mutation of mutations) {
      const query = `mutation M($input: ${mutation.inputType}) { ${mutation.name}(input: $input) { __typename } }`;
      await fc.assert(
        fc.asyncProperty(mutation.input, (input) =>
          sendAndCheck(JSON.stringify({ query, variables: { input } })),
        ),
        { numRuns: RUNS },
      );
    }
  }, 120_000);

  it("as literals in the document: never a 5xx, never a Twilio call for refused input", async () => {
    for (const mutation of mutations) {
      await fc.assert(
        fc.asyncProperty(mutation.input, (input) =>
          sendAndCheck(
            JSON.stringify({
              query: `mutation { ${mutation.name}(input: ${literal(input)}) { __typename } }`,
            }),
          ),
        ),
        { numRuns: RUNS },
      );
    }
  }, 120_000);
});

describe("random documents", () => {
  const TOKENS = [
    "mutation",
    "query",
    "subscription",
    "fragment",
    "on",
    "Mutation",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ":",
    "=",
    "$input",
    "...",
    "@skip(if: true)",
    "@include(if: $x)",
    "input",
    "__typename",
    "__schema",
    "addConferenceParticipant",
    "addParticipant",
    "removeProxyParticipant",
    "conferenceParticipant",
    "_entities",
    '"x"',
    '"""block"""',
    "1",
    "-0.5e9",
    "null",
    "true",
    "#comment\n",
    "a:",
    "\u00a0",
  ];

  it("never get a 5xx; what is refused reaches nobody", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((tokens) => tokens.join(" ")),
          fc.string({ unit: "binary", maxLength: 200 }),
        ),
        fc.option(fc.jsonValue({ maxDepth: 2 })),
        (query, variables) => sendAndCheck(JSON.stringify({ query, variables })),
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it("nor do random request bodies", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
          fc.string({ unit: "binary", maxLength: 100 }),
          fc.constant("é".repeat(600_000)),
        ),
        async (body) => {
          const before = fake.requests.length;
          const response = await fetch(gateway.graphqlUrl, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body,
          });
          await response.arrayBuffer();
          expect(response.status).toBeLessThan(500);
          expect(fake.requests.length).toBe(before);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});

/** A GraphQL literal for any value: strings as JSON strings (valid GraphQL), objects' odd keys left out. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "0";
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object") {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key))
      .map(([key, field]) => `${key}: ${literal(field)}`);
    return `{ ${fields.join(", ")} }`;
  }
  return "null";
}
