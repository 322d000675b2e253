import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PathSegmentError } from "../../src/errors/gateway-errors.js";
import { twilioPath } from "../../src/twilio/path.js";
import { FakeTwilio } from "../support/fake-twilio.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const CH = "CH" + "b".repeat(32);
const CF = "CF" + "a".repeat(32);
const MB = "MB" + "c".repeat(32);

const fake = new FakeTwilio();
let gateway: TestGateway;
beforeAll(async () => {
  await fake.start();
  // Anything that reaches Twilio is answered as a success: only refusing can keep it out.
  fake.setFallback({ status: 200, body: { sid: MB, conversation_sid: CH, call_sid: CF } });
  gateway = await startTestGateway(fake.url);
});
afterAll(async () => {
  await gateway.close();
  await fake.stop();
});
beforeEach(() => fake.reset());

describe("dot segments never reach a Twilio path", () => {
  it.each([
    // `/v1/Conversations/CH…/Participants/..` is the conversation itself.
    [
      "update by sid ..",
      `updateConversationParticipant(input: { conversationSid: "${CH}", sid: "..", identity: "x" }) { sid }`,
      "input.sid",
    ],
    // `/v1/Conversations/CH…/Participants/.` is the list: an update would become a create.
    [
      "update by sid .",
      `updateConversationParticipant(input: { conversationSid: "${CH}", sid: ".", identity: "x" }) { sid }`,
      "input.sid",
    ],
    [
      "add to conversation ...",
      `addConversationParticipant(input: { conversationSid: "...", identity: "x" }) { sid }`,
      "input.conversationSid",
    ],
    [
      "remove by sid ..",
      `removeConversationParticipant(input: { conversationSid: "${CH}", sid: ".." }) { sid }`,
      "input.sid",
    ],
    [
      "update conference participant by label ..",
      `updateConferenceParticipant(input: { conferenceSid: "${CF}", callSid: "..", muted: true }) { callSid }`,
      "input.callSid",
    ],
    [
      "add to conference named .",
      `addConferenceParticipant(input: { conferenceSid: ".", from: "+15017122661", to: "+15558675310" }) { callSid }`,
      "input.conferenceSid",
    ],
  ])(
    "refuses a mutation: %s (BAD_USER_INPUT, NOT_SENT, no Twilio call)",
    async (_, field, path) => {
      const result = await gateway.graphql(`mutation { ${field} }`);
      expect(fake.requests).toHaveLength(0);
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions).toEqual({
        code: "BAD_USER_INPUT",
        field: path,
        outcome: "NOT_SENT",
      });
      expect(result.errors![0]!.message).toContain("dots");
    },
  );

  it("refuses a query argument made of dots", async () => {
    const result = await gateway.graphql(
      `{ conversationParticipant(conversationSid: "${CH}", sid: "..") { sid } }`,
    );
    expect(fake.requests).toHaveLength(0);
    expect(result.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", field: "sid" });
  });

  it("refuses entity representations a router passes on unchecked", async () => {
    const result = await gateway.graphql(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on ConversationParticipant { sid }
        ... on ConferenceParticipant { callSid }
        ... on Conversation { participants(first: 1) { edges { node { sid } } } }
      } }`,
      {
        representations: [
          { __typename: "ConversationParticipant", conversationSid: CH, sid: ".." },
          { __typename: "ConversationParticipant", conversationSid: "..", sid: MB },
          { __typename: "ConferenceParticipant", conferenceSid: CF, callSid: "." },
          { __typename: "Conversation", sid: "..." },
          // A lone surrogate has no UTF-8, so it cannot go into a URL either.
          { __typename: "ConversationParticipant", conversationSid: CH, sid: "a\ud800b" },
        ],
      },
    );
    expect(fake.requests).toHaveLength(0);
    expect(result.errors).toHaveLength(5);
    for (const error of result.errors!) expect(error.extensions!.code).toBe("BAD_USER_INPUT");
  });
});

describe("twilioPath, the last line of defence", () => {
  it.each(["", ".", "..", "....", "\udc00"])(
    "throws before any request for the segment %j",
    (segment) => {
      expect(() => twilioPath`/v1/Conversations/${CH}/Participants/${segment}`).toThrow(
        PathSegmentError,
      );
    },
  );

  it("names the placeholder, and lets names with dots in them through", () => {
    expect(() => twilioPath`/v1/Conversations/${".."}/Participants`).toThrow(
      /^ConversationSid must not be empty or made only of dots/,
    );
    expect(twilioPath`/v1/Conversations/${CH}/Participants/${"a.b"}`.path).toBe(
      `/v1/Conversations/${CH}/Participants/a.b`,
    );
    expect(twilioPath`/v1/Conversations/${CH}/Participants/${".hidden"}`.path).toBe(
      `/v1/Conversations/${CH}/Participants/.hidden`,
    );
  });
});
