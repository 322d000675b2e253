import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeTwilio } from "../support/fake-twilio.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const sid = (prefix: string, n: number) => prefix + n.toString(16).padStart(32, "0");
const CF = sid("CF", 1);
const CA = sid("CA", 2);
const KS = sid("KS", 3);
const KC = sid("KC", 4);
const KP = sid("KP", 5);
const CH = sid("CH", 6);
const IS = sid("IS", 7);
const MB = sid("MB", 8);
const KD = sid("KD", 9);
const UO = sid("UO", 10);
const UT = sid("UT", 11);

const fake = new FakeTwilio();
let gateway: TestGateway;
beforeAll(async () => {
  await fake.start();
  gateway = await startTestGateway(fake.url);
});
afterAll(async () => {
  await gateway.close();
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
  fake.setFallback({ status: 500, body: "no answer queued" });
});

/**
 * Entity key fields are non-null `ID!`: Twilio's answer gives them, and where an odd answer
 * omits one, the request's path named it.
 */
describe("a participant's key fields", () => {
  it("come from the request's path where Twilio's answer omits them", async () => {
    // Each answer lacks the parent SIDs, and the conference one even its call SID.
    fake.setFallback((request) => {
      const [path] = request.url.split("?");
      if (path!.startsWith("/2010-04-01/")) return { status: 200, body: { status: "connected" } };
      if (path!.includes("/Sessions/")) return { status: 200, body: { sid: KP } };
      if (path!.includes("/Conversations/")) return { status: 200, body: { sid: MB } };
      return {
        status: 200,
        body: { participants: [{ sid: UT, type: "agent" }], meta: { next_page_url: null } },
      };
    });
    const result = await gateway.graphql(`{
      conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA}") { sid callSid conferenceSid }
      proxyParticipant(serviceSid: "${KS}", sessionSid: "${KC}", sid: "${KP}") { sid serviceSid sessionSid }
      conversationParticipant(chatServiceSid: "${IS}", conversationSid: "${CH}", sid: "${MB}") { sid conversationSid chatServiceSid }
      interactionParticipants(interactionSid: "${KD}", channelSid: "${UO}") { edges { node { sid interactionSid channelSid } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      conferenceParticipant: { sid: CA, callSid: CA, conferenceSid: CF },
      proxyParticipant: { sid: KP, serviceSid: KS, sessionSid: KC },
      conversationParticipant: { sid: MB, conversationSid: CH, chatServiceSid: IS },
      interactionParticipants: {
        edges: [{ node: { sid: UT, interactionSid: KD, channelSid: UO } }],
      },
    });
  });

  it("are Twilio's where it gives them: a friendly name in the request becomes the answer's SID", async () => {
    fake.reply({ status: 201, body: { call_sid: CA, conference_sid: CF } });
    const result = await gateway.graphql(`mutation {
      addConferenceParticipant(input: { conferenceSid: "Standup", from: "+15017122661", to: "+15558675310" }) { callSid conferenceSid }
    }`);
    expect(result.data).toEqual({ addConferenceParticipant: { callSid: CA, conferenceSid: CF } });
  });

  it("leave chatServiceSid null for the default Conversation Service, which Twilio does not name", async () => {
    fake.reply({ status: 200, body: { sid: MB, conversation_sid: CH } });
    const result = await gateway.graphql(
      `{ conversationParticipant(conversationSid: "${CH}", sid: "alice") { sid chatServiceSid } }`,
    );
    expect(result.data).toEqual({ conversationParticipant: { sid: MB, chatServiceSid: null } });
  });

  it("make an answer that names no participant an UPSTREAM_UNAVAILABLE that says the add may have happened", async () => {
    fake.reply({ status: 201, body: { conference_sid: CF, status: "queued" } });
    const result = await gateway.graphql(`mutation {
      addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "+15558675310" }) { callSid }
    }`);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message:
          "Twilio api is unavailable: its answer names no participant (no CA SID); the request may have taken effect",
        extensions: { code: "UPSTREAM_UNAVAILABLE", outcome: "UNKNOWN" },
      }),
    ]);
  });

  it("take the participant's own SID from the request only when it was asked for by SID", async () => {
    fake.reply({ status: 200, body: { conference_sid: CF } });
    const byLabel = await gateway.graphql(
      `{ conferenceParticipant(conferenceSid: "${CF}", callSid: "agent") { callSid } }`,
    );
    expect(byLabel.errors![0]!.extensions).toEqual({ code: "UPSTREAM_UNAVAILABLE" });
  });
});
