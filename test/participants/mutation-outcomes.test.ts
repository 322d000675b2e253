import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";
import { ACCOUNT_SID, startTestGateway, type TestGateway } from "../support/gateway.js";
import {
  type MisbehavingTwilio,
  refusingUrl,
  startMisbehavingTwilio,
} from "../support/misbehaving-twilio.js";

const CF = "CF" + "a".repeat(32);
const CH = "CH" + "b".repeat(32);
const CA = (n: number) => "CA" + n.toString(16).padStart(32, "0");
const MB = "MB" + "c".repeat(32);

/** Twilio's answer to a conference add: each dial is its own call. */
const added = (n: number) => ({
  status: 201,
  body: { account_sid: ACCOUNT_SID, conference_sid: CF, call_sid: CA(n), status: "queued" },
});
const conversationParticipant = {
  status: 200,
  body: { account_sid: ACCOUNT_SID, conversation_sid: CH, sid: MB, identity: "alice" },
};

const add = (alias: string, to: string) => /* GraphQL */ `
  ${alias}: addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "${to}" }) { callSid }`;
const THREE_ADDS = `mutation { ${add("a", "+15558675310")} ${add("b", "+15558675311")} ${add("c", "+15558675312")} }`;
const ONE_ADD = `mutation { ${add("a", "+15558675310")} }`;
const UPDATE = /* GraphQL */ `mutation {
  updateConversationParticipant(input: { conversationSid: "${CH}", sid: "${MB}", identity: "bob" }) { sid }
}`;
const REMOVE = /* GraphQL */ `mutation {
  removeConversationParticipant(input: { conversationSid: "${CH}", sid: "${MB}" }) { sid }
}`;

const fake = new FakeTwilio();
let gateway: TestGateway;
let budgeted: TestGateway;
beforeAll(async () => {
  await fake.start();
  gateway = await startTestGateway(fake.url, { TWILIO_TIMEOUT_MS: "300" });
  budgeted = await startTestGateway(fake.url, { TWILIO_MAX_CALLS_PER_REQUEST: "2" });
});
afterAll(async () => {
  await Promise.all([gateway.close(), budgeted.close()]);
  await fake.stop();
});
beforeEach(() => fake.reset());

describe("each mutation answers for itself", () => {
  it("Twilio refuses the 2nd of three adds: the 1st and 3rd are dialled and returned, the 2nd's error names its path", async () => {
    fake.reply(added(1), twilioError(400, 21211, "Invalid 'To' Phone Number"), added(3));
    const result = await gateway.graphql(THREE_ADDS);
    expect(fake.requests).toHaveLength(3);
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ a: { callSid: CA(1) }, b: null, c: { callSid: CA(3) } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.path).toEqual(["b"]);
    expect(result.errors![0]!.extensions).toMatchObject({
      code: "TWILIO_API_ERROR",
      outcome: "REJECTED",
      twilio: { code: 21211, status: 400 },
    });
  });

  it("runs the adds one after another, in document order", async () => {
    fake.setFallback(() => ({ ...added(fake.requests.length), delayMs: 20 }));
    await gateway.graphql(THREE_ADDS);
    fake.setFallback({ status: 500, body: "no answer queued" });
    expect(fake.maxInFlight).toBe(1);
    expect(fake.requests.map((request) => new URLSearchParams(request.body).get("To"))).toEqual([
      "+15558675310",
      "+15558675311",
      "+15558675312",
    ]);
  });

  it("an add whose outcome is unknown does not stop the next: both say what happened", async () => {
    fake.reply({ ...added(1), delayMs: 1_000 }, added(2));
    const result = await gateway.graphql(
      `mutation { ${add("a", "+15558675310")} ${add("b", "+15558675311")} }`,
    );
    expect(result.data).toEqual({ a: null, b: { callSid: CA(2) } });
    expect(result.errors![0]).toMatchObject({
      path: ["a"],
      extensions: { code: "UPSTREAM_TIMEOUT", outcome: "UNKNOWN" },
    });
  });

  it("beyond TWILIO_MAX_CALLS_PER_REQUEST the later mutations fail NOT_SENT, the earlier ones answer", async () => {
    fake.reply(added(1), added(2));
    const result = await budgeted.graphql(THREE_ADDS);
    expect(fake.requests).toHaveLength(2);
    expect(result.data).toEqual({ a: { callSid: CA(1) }, b: { callSid: CA(2) }, c: null });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ["c"],
        extensions: { code: "TOO_MANY_TWILIO_CALLS", outcome: "NOT_SENT" },
      }),
    ]);
  });

  it("invalid input fails its own mutation NOT_SENT, one error per field, the others run", async () => {
    fake.reply(added(1), added(3));
    const result = await gateway.graphql(
      `mutation { ${add("a", "+15558675310")} ${add("b", "not-a-number")} ${add("c", "+15558675312")} }`,
    );
    expect(fake.requests).toHaveLength(2);
    expect(result.data).toEqual({ a: { callSid: CA(1) }, b: null, c: { callSid: CA(3) } });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ["b"],
        extensions: { code: "BAD_USER_INPUT", field: "input.to", outcome: "NOT_SENT" },
      }),
    ]);
  });

  it("the unified addParticipant is nullable and states its outcome too", async () => {
    fake.reply(twilioError(400, 21211, "Invalid 'To' Phone Number"), added(2));
    const unified = (alias: string) =>
      `${alias}: addParticipant(input: { conference: { conferenceSid: "${CF}", from: "+15017122661", to: "+15558675310" } }) { sid }`;
    const result = await gateway.graphql(`mutation { ${unified("x")} ${unified("y")} }`);
    expect(result.data).toEqual({ x: null, y: { sid: CA(2) } });
    expect(result.errors![0]).toMatchObject({ path: ["x"], extensions: { outcome: "REJECTED" } });
  });
});

describe("outcomes of updates and removals", () => {
  it("an update Twilio refuses is REJECTED", async () => {
    fake.reply(twilioError(409, 50433, "Participant already exists"));
    const result = await gateway.graphql(UPDATE);
    expect(result.data).toEqual({ updateConversationParticipant: null });
    expect(result.errors![0]!.extensions).toMatchObject({ outcome: "REJECTED" });
  });

  it("a removal whose first read fails never sends the DELETE: NOT_SENT", async () => {
    fake.reply(twilioError(500, 20500, "Internal Server Error"));
    const result = await gateway.graphql(REMOVE);
    expect(fake.requests.map((request) => request.method)).toEqual(["GET"]);
    expect(result.errors![0]!.extensions).toMatchObject({
      code: "TWILIO_API_ERROR",
      outcome: "NOT_SENT",
    });
  });

  it("a removal whose DELETE finds the participant gone is NOT_FOUND, REJECTED", async () => {
    fake.reply(conversationParticipant, twilioError(404, 20404, "Not found"));
    const result = await gateway.graphql(REMOVE);
    expect(fake.requests.map((request) => request.method)).toEqual(["GET", "DELETE"]);
    expect(result.errors![0]!.extensions).toEqual({
      code: "NOT_FOUND",
      outcome: "REJECTED",
      twilio: expect.objectContaining({ code: 20404, status: 404 }),
    });
  });

  it("a removal whose DELETE times out is UNKNOWN", async () => {
    fake.reply(conversationParticipant, { status: 204, delayMs: 1_000 });
    const result = await gateway.graphql(REMOVE);
    expect(result.errors![0]!.extensions).toEqual({ code: "UPSTREAM_TIMEOUT", outcome: "UNKNOWN" });
  });

  it("a query's failure states no outcome", async () => {
    fake.reply(twilioError(500, 20500, "Internal Server Error"));
    const result = await gateway.graphql(
      `{ conversationParticipant(conversationSid: "${CH}", sid: "${MB}") { sid } }`,
    );
    expect(result.errors![0]!.extensions).not.toHaveProperty("outcome");
  });
});

describe("what the gateway can tell about an add that got no answer", () => {
  let misbehaving: MisbehavingTwilio;
  let exposed: TestGateway;
  beforeAll(async () => {
    misbehaving = await startMisbehavingTwilio("silent");
    exposed = await startTestGateway(misbehaving.url, { TWILIO_TIMEOUT_MS: "300" });
  });
  afterAll(async () => {
    await exposed.close();
    await misbehaving.stop();
  });

  it.each([
    ["a reset after Twilio read the request", "reset-after-body", "UPSTREAM_UNAVAILABLE"],
    ["no answer within TWILIO_TIMEOUT_MS", "silent", "UPSTREAM_TIMEOUT"],
    ["a load balancer's HTML 503", "html-503", "UPSTREAM_UNAVAILABLE"],
    ["a 201 cut short of its Content-Length", "truncated-201", "UPSTREAM_UNAVAILABLE"],
  ] as const)("%s: UNKNOWN", async (_, misbehaviour, code) => {
    misbehaving.misbehave(misbehaviour);
    const before = misbehaving.requestsRead();
    const result = await exposed.graphql(ONE_ADD);
    expect(misbehaving.requestsRead()).toBe(before + 1);
    expect(result.data).toEqual({ a: null });
    expect(result.errors![0]!.extensions).toEqual({ code, outcome: "UNKNOWN" });
  });

  it("a refused connection: NOT_SENT", async () => {
    const refused = await startTestGateway(await refusingUrl());
    try {
      const result = await refused.graphql(ONE_ADD);
      expect(result.errors![0]!.extensions).toEqual({
        code: "UPSTREAM_UNAVAILABLE",
        outcome: "NOT_SENT",
      });
    } finally {
      await refused.close();
    }
  });
});
