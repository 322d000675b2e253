import { describe, expect, it } from "vitest";
import { FakeTwilio } from "./support/fake-twilio.js";
import { useGatewayOnFakeTwilio } from "./support/gateway.js";

const CF = "CF" + "a".repeat(32);
const CA = (n: number) => "CA" + n.toString(16).padStart(32, "0");

/** One query asking for `count` distinct participants: `count` Twilio fetches. */
function manyParticipants(count: number): string {
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `p${i}: conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA(i)}") { callSid }`,
  );
  return `{ ${fields.join("\n")} }`;
}

/** Answers each participant fetch after 50 ms, so calls of one request overlap. */
function slowTwilio(): FakeTwilio {
  const twilio = new FakeTwilio();
  twilio.setFallback((request) => ({
    status: 200,
    body: { call_sid: /(CA[0-9a-f]{32})/.exec(request.url)![1], conference_sid: CF },
    delayMs: 50,
  }));
  return twilio;
}

/** A router's `_entities` call: `count` representations naming `distinct` participants. */
function entities(count: number, distinct: number) {
  return {
    query: `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on ConferenceParticipant { callSid } }
    }`,
    variables: {
      representations: Array.from({ length: count }, (_, i) => ({
        __typename: "ConferenceParticipant",
        conferenceSid: CF,
        callSid: CA(i % distinct),
      })),
    },
  };
}

const fake = slowTwilio();
const gateway = useGatewayOnFakeTwilio(fake, {
  TWILIO_CONCURRENCY_PER_REQUEST: "2",
  TWILIO_MAX_CALLS_PER_REQUEST: "6",
});

describe("the Twilio calls of one GraphQL request", () => {
  it("run at most TWILIO_CONCURRENCY_PER_REQUEST at a time", async () => {
    const result = await gateway.graphql(manyParticipants(6));
    expect(result.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(6);
    expect(fake.maxInFlight).toBe(2);
  });

  it("stop at TWILIO_MAX_CALLS_PER_REQUEST; the fields beyond it fail alone", async () => {
    const result = await gateway.graphql(manyParticipants(8));
    expect(fake.requests).toHaveLength(6);
    const failed = result.errors!.map((error) => [error.path![0], error.extensions!.code]);
    expect(failed).toEqual([
      ["p6", "TOO_MANY_TWILIO_CALLS"],
      ["p7", "TOO_MANY_TWILIO_CALLS"],
    ]);
    expect(result.data).toMatchObject({ p0: { callSid: CA(0) }, p5: { callSid: CA(5) }, p6: null });
  });

  it("count per request, not per gateway", async () => {
    for (let round = 0; round < 3; round += 1) {
      const result = await gateway.graphql(manyParticipants(6));
      expect(result.errors).toBeUndefined();
    }
    expect(fake.requests).toHaveLength(18);
  });
});

describe("by default (TWILIO_CONCURRENCY_PER_REQUEST 16)", () => {
  const twilio = slowTwilio();
  const defaults = useGatewayOnFakeTwilio(twilio);

  it("reads a router's batch of 20 references to 10 participants in one wave of 10", async () => {
    const { query, variables } = entities(20, 10);
    const result = await defaults.graphql(query, variables);
    expect(result.errors).toBeUndefined();
    expect(twilio.requests).toHaveLength(10);
    expect(twilio.maxInFlight).toBe(10);
  });

  it("has at most 16 calls of one request in flight", async () => {
    const { query, variables } = entities(20, 20);
    const result = await defaults.graphql(query, variables);
    expect(result.errors).toBeUndefined();
    expect(twilio.requests).toHaveLength(20);
    expect(twilio.maxInFlight).toBe(16);
  });
});
