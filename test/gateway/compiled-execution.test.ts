import { describe, expect, it } from "vitest";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";
import { ACCOUNT_SID, useGatewayOnFakeTwilio } from "../support/gateway.js";
import { checkedInOperation } from "../support/operations.js";

const CF = "CF" + "1".repeat(32);
const CA = "CA" + "2".repeat(32);
const ADD = checkedInOperation("conference.graphql", "AddConferenceParticipant");
const LIST = checkedInOperation("conference.graphql", "ConferenceParticipants");
const ADD_ANY = checkedInOperation("unified.graphql", "AddParticipant");
const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on ConferenceParticipant { callSid conferenceSid muted }
  }
}`;
const INPUT = { conferenceSid: CF, from: "+15017122661", to: "+15558675310" };
const PARTICIPANT = {
  account_sid: ACCOUNT_SID,
  call_sid: CA,
  conference_sid: CF,
  muted: true,
  status: "queued",
};

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake);

/** How many operations each executor has run so far, from the gateway's `/metrics`. */
async function executions(): Promise<Record<string, number>> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const counts: Record<string, number> = { compiled: 0, graphql_js: 0 };
  for (const [, executor, count] of text.matchAll(
    /^participant_gateway_graphql_executions_total\{executor="(\w+)"\} (\d+)$/gm,
  )) {
    counts[executor!] = Number(count);
  }
  return counts;
}

/**
 * A document text of the test's own: an operation is compiled when it runs a second time, so
 * each test starts from its first run whichever tests ran before it.
 */
const own = (document: string, test: string) => `${document}\n# ${test}`;

/** Runs `send`, then says how many operations each executor ran meanwhile. */
async function counted(send: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await executions();
  await send();
  const after = await executions();
  return {
    compiled: after.compiled! - before.compiled!,
    graphql_js: after.graphql_js! - before.graphql_js!,
  };
}

describe("operations run compiled by graphql-jit", () => {
  it("adds, lists and resolves entities compiled from their second run, with the answers graphql-js gives", async () => {
    const answers = [
      { status: 201, body: PARTICIPANT },
      { status: 200, body: { participants: [PARTICIPANT], next_page_uri: null } },
      { status: 200, body: PARTICIPANT },
    ];
    fake.reply(...answers, ...answers);
    const send = async () => [
      await gateway.graphql(own(ADD, "first"), { input: INPUT }),
      await gateway.graphql(own(LIST, "first"), { conferenceSid: CF, first: 5 }),
      await gateway.graphql(own(ENTITIES, "first"), {
        representations: [{ __typename: "ConferenceParticipant", conferenceSid: CF, callSid: CA }],
      }),
    ];
    let first: unknown[] = [];
    let results: unknown[] = [];
    expect(await counted(async () => (first = await send()))).toEqual({
      compiled: 0,
      graphql_js: 3,
    });
    expect(await counted(async () => (results = await send()))).toEqual({
      compiled: 3,
      graphql_js: 0,
    });
    expect(results).toEqual(first);
    const [added, listed, entities] = results as Array<{ data: unknown; errors?: unknown }>;
    expect(added!.errors).toBeUndefined();
    expect(added!.data).toMatchObject({ addConferenceParticipant: { callSid: CA } });
    expect(listed!.errors).toBeUndefined();
    expect(listed!.data).toMatchObject({
      conferenceParticipants: { edges: [{ node: { callSid: CA } }] },
    });
    expect(entities).toMatchObject({
      status: 200,
      data: {
        _entities: [
          { __typename: "ConferenceParticipant", callSid: CA, conferenceSid: CF, muted: true },
        ],
      },
    });
    expect(fake.requests).toHaveLength(6);
  });

  it("a compiled mutation's failure keeps its path, code and outcome", async () => {
    const refusal = twilioError(400, 21211, "Invalid 'To' Phone Number");
    fake.reply(refusal, refusal);
    const add = own(ADD, "failure");
    const first = await gateway.graphql(add, { input: INPUT });
    let result: Awaited<ReturnType<typeof gateway.graphql>> | undefined;
    const ran = await counted(async () => {
      result = await gateway.graphql(add, { input: INPUT });
    });
    expect(ran).toEqual({ compiled: 1, graphql_js: 0 });
    expect(result).toEqual(first);
    expect(result!.data).toEqual({ addConferenceParticipant: null });
    expect(result!.errors).toHaveLength(1);
    expect(result!.errors![0]).toMatchObject({
      path: ["addConferenceParticipant"],
      extensions: { code: "TWILIO_API_ERROR", outcome: "REJECTED", twilio: { code: 21211 } },
    });
  });
});

describe("a compiled operation's unexpected error is shaped as graphql-js's is", () => {
  it("a plain Error (an entity type the schema lacks) is logged and answered at its path", async () => {
    const entities = own(ENTITIES, "unexpected");
    const first = await gateway.graphql(entities, { representations: [{ __typename: "Nope" }] });
    const logged = gateway.logLines.length;
    let result: Awaited<ReturnType<typeof gateway.graphql>> | undefined;
    const ran = await counted(async () => {
      result = await gateway.graphql(entities, { representations: [{ __typename: "Nope" }] });
    });
    expect(ran).toEqual({ compiled: 1, graphql_js: 0 });
    expect(result).toEqual(first);
    expect(result).toEqual({
      status: 200,
      data: null,
      errors: [
        {
          message: "Internal server error",
          locations: [{ line: 2, column: 3 }],
          path: ["_entities"],
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        },
      ],
    });
    const unexpected = gateway.logLines
      .slice(logged)
      .map((line) => JSON.parse(line) as { message: string; error?: string })
      .filter((line) => line.message === "unexpected error");
    expect(unexpected).toEqual([expect.objectContaining({ error: "Error" })]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("what graphql-jit would run differently runs on graphql-js", () => {
  it("variables graphql-jit refuses are refused in graphql-js's words, and nothing is sent", async () => {
    let result: Awaited<ReturnType<typeof gateway.graphql>> | undefined;
    const ran = await counted(async () => {
      result = await gateway.graphql(ADD, { input: { ...INPUT, to: 15558675310 } });
    });
    expect(ran).toEqual({ compiled: 0, graphql_js: 1 });
    expect(result!.status).toBe(400);
    expect(result!.errors).toEqual([
      {
        message: "input.to: String cannot represent a non string value",
        locations: [expect.any(Object)],
        extensions: { code: "BAD_USER_INPUT", field: "input.to" },
      },
    ]);
    expect(fake.requests).toHaveLength(0);
  });

  it("addParticipant (a @oneOf input; an interface type-graphql resolves asynchronously)", async () => {
    fake.reply({ status: 201, body: PARTICIPANT });
    const results: Array<Awaited<ReturnType<typeof gateway.graphql>>> = [];
    const ran = await counted(async () => {
      // graphql-jit does not know @oneOf: it would take this input and dial.
      results.push(
        await gateway.graphql(ADD_ANY, {
          input: { conference: INPUT, conversation: { conversationSid: "CH1", identity: "a" } },
        }),
      );
      // graphql-jit would take type-graphql's promise of a type name for the name.
      results.push(await gateway.graphql(ADD_ANY, { input: { conference: INPUT } }));
    });
    expect(ran).toEqual({ compiled: 0, graphql_js: 2 });
    const [two, one] = results;
    expect(two!.errors).toEqual([
      expect.objectContaining({
        message: 'input: Exactly one key must be specified for OneOf type "AddParticipantInput".',
        extensions: { code: "BAD_USER_INPUT", field: "input" },
      }),
    ]);
    expect(one!.errors).toBeUndefined();
    expect(one!.data).toMatchObject({
      addParticipant: { __typename: "ConferenceParticipant", callSid: CA },
    });
    expect(fake.requests).toHaveLength(1);
  });
});
