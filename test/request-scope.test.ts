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

const fake = new FakeTwilio();
fake.setFallback((request) => ({
  status: 200,
  body: { call_sid: /(CA[0-9a-f]{32})/.exec(request.url)![1], conference_sid: CF },
  delayMs: 50,
}));
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
