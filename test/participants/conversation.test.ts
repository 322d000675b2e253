import { describe, expect, it } from "vitest";
import { FakeTwilio, twilioError, twilioErrorDetails } from "../support/fake-twilio.js";
import { theFormPost } from "../support/twilio-requests.js";
import { ACCOUNT_SID, AUTH_TOKEN, useGatewayOnFakeTwilio } from "../support/gateway.js";
import { checkedInOperation } from "../support/operations.js";
import { itHandlesUpstreamFailures } from "../support/upstream-failures.js";

const CONVERSATION_SID = "CH" + "a".repeat(32);
const PARTICIPANT_SID = "MB" + "b".repeat(32);
const ROLE_SID = "RL" + "c".repeat(32);
const SERVICE_SID = "IS" + "d".repeat(32);

/** The checked-in operation that frontends use. */
const ADD = checkedInOperation("conversation.graphql", "AddConversationParticipant");

const PARTICIPANTS_PATH = `/v1/Conversations/${CONVERSATION_SID}/Participants`;

const TWILIO_ANSWER = {
  account_sid: ACCOUNT_SID,
  conversation_sid: CONVERSATION_SID,
  sid: PARTICIPANT_SID,
  identity: null,
  attributes: '{ "role": "driver" }',
  messaging_binding: {
    type: "sms",
    address: "+15558675310",
    proxy_address: "+15017122661",
  },
  role_sid: ROLE_SID,
  date_created: "2015-12-16T22:18:37Z",
  date_updated: "2015-12-16T22:18:38Z",
  url: `https://conversations.twilio.com${PARTICIPANTS_PATH}/${PARTICIPANT_SID}`,
  last_read_message_index: 7,
  last_read_timestamp: "2015-12-16T22:20:00Z",
};

const EVERY_PARAMETER = {
  conversationSid: CONVERSATION_SID,
  identity: "driver ana/1",
  messagingBinding: {
    address: "+15558675310",
    proxyAddress: "whatsapp:+15017122661",
    projectedAddress: "+15017122662",
  },
  dateCreated: "2024-03-05T06:07:08.123+02:00",
  dateUpdated: "2024-03-05T04:07:09Z",
  attributes: { role: "driver", tags: ["a b"] },
  roleSid: ROLE_SID,
  webhookEnabled: false,
};

/** Written out by hand: what twilio-node sends for EVERY_PARAMETER, byte for byte. */
const EXPECTED_BODY = [
  "Identity=driver%20ana%2F1",
  "MessagingBinding.Address=%2B15558675310",
  "MessagingBinding.ProxyAddress=whatsapp%3A%2B15017122661",
  "DateCreated=2024-03-05T04%3A07%3A08Z",
  "DateUpdated=2024-03-05T04%3A07%3A09Z",
  "Attributes=%7B%22role%22%3A%22driver%22%2C%22tags%22%3A%5B%22a%20b%22%5D%7D",
  "MessagingBinding.ProjectedAddress=%2B15017122662",
  `RoleSid=${ROLE_SID}`,
].join("&");

const SMS_PARTICIPANT = {
  conversationSid: CONVERSATION_SID,
  messagingBinding: { address: "+15558675310", proxyAddress: "+15017122661" },
};

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake, { TWILIO_TIMEOUT_MS: "300" });

describe("addConversationParticipant", () => {
  it("sends every parameter exactly as twilio-node does and maps the answer", async () => {
    fake.reply({ status: 201, body: TWILIO_ANSWER });
    const result = await gateway.graphql(ADD, { input: EVERY_PARAMETER });

    expect(result.errors).toBeUndefined();
    const request = theFormPost(fake, PARTICIPANTS_PATH);
    expect(request!.headers["x-twilio-webhook-enabled"]).toBe("false");
    expect(request!.body).toBe(EXPECTED_BODY);

    expect(result.data).toEqual({
      addConversationParticipant: {
        __typename: "ConversationParticipant",
        sid: PARTICIPANT_SID,
        kind: "CONVERSATION",
        accountSid: ACCOUNT_SID,
        conversationSid: CONVERSATION_SID,
        chatServiceSid: null,
        identity: null,
        attributes: { role: "driver" },
        // Typed, in camelCase: Twilio's snake_case object read field by field.
        messagingBinding: {
          type: "sms",
          address: "+15558675310",
          proxyAddress: "+15017122661",
          projectedAddress: null,
          name: null,
          level: null,
        },
        roleSid: ROLE_SID,
        dateCreated: "2015-12-16T22:18:37.000Z",
        dateUpdated: "2015-12-16T22:18:38.000Z",
        url: TWILIO_ANSWER.url,
        lastReadMessageIndex: 7,
        lastReadTimestamp: "2015-12-16T22:20:00Z",
      },
    });
  });

  it("adds through a Conversation Service when chatServiceSid is given", async () => {
    const url = `https://conversations.twilio.com/v1/Services/${SERVICE_SID}/Conversations/${CONVERSATION_SID}/Participants/${PARTICIPANT_SID}`;
    fake.reply({
      status: 201,
      body: {
        ...TWILIO_ANSWER,
        chat_service_sid: SERVICE_SID,
        identity: "alice",
        attributes: "{}",
        messaging_binding: null,
        url,
      },
    });
    const result = await gateway.graphql(ADD, {
      input: {
        conversationSid: CONVERSATION_SID,
        chatServiceSid: SERVICE_SID,
        identity: "alice",
        webhookEnabled: true,
      },
    });
    expect(result.errors).toBeUndefined();
    const [request] = fake.requests;
    expect(request!.url).toBe(
      `/v1/Services/${SERVICE_SID}/Conversations/${CONVERSATION_SID}/Participants`,
    );
    expect(request!.headers["x-twilio-webhook-enabled"]).toBe("true");
    expect(request!.body).toBe("Identity=alice");
    expect(result.data!.addConversationParticipant).toMatchObject({
      chatServiceSid: SERVICE_SID,
      identity: "alice",
      attributes: {},
      messagingBinding: null,
      url,
    });
  });

  it("percent-encodes a unique name in the path and sends no webhook header unless asked", async () => {
    fake.reply({ status: 201, body: TWILIO_ANSWER });
    const result = await gateway.graphql(ADD, {
      input: { ...SMS_PARTICIPANT, conversationSid: "Support room 7/B?x#y" },
    });
    expect(result.errors).toBeUndefined();
    const [request] = fake.requests;
    expect(request!.url).toBe("/v1/Conversations/Support%20room%207%2FB%3Fx%23y/Participants");
    expect(request!.headers).not.toHaveProperty("x-twilio-webhook-enabled");
    expect(request!.body).toBe(
      "MessagingBinding.Address=%2B15558675310&MessagingBinding.ProxyAddress=%2B15017122661",
    );
  });

  it("sends attributes of any JSON kind, and null, as JSON text", async () => {
    const kinds = ["vip", [1, "a"], null];
    fake.reply(...kinds.map(() => ({ status: 201, body: TWILIO_ANSWER })));
    for (const attributes of kinds) {
      await gateway.graphql(ADD, { input: { ...SMS_PARTICIPANT, attributes } });
    }
    expect(fake.requests.map((r) => r.body.split("&").at(-1))).toEqual([
      "Attributes=%22vip%22",
      "Attributes=%5B1%2C%22a%22%5D",
      "Attributes=null",
    ]);
  });

  it("passes Twilio's 'participant already exists' error through with its code", async () => {
    fake.reply(twilioError(409, 50433, "Participant already exists"));
    const result = await gateway.graphql(ADD, {
      input: { conversationSid: CONVERSATION_SID, identity: "alice" },
    });
    expect(result.data).toEqual({ addConversationParticipant: null });
    expect(result.errors).toEqual([
      {
        message: "Participant already exists",
        locations: [{ line: 2, column: 3 }],
        path: ["addConversationParticipant"],
        extensions: {
          code: "TWILIO_API_ERROR",
          outcome: "REJECTED",
          twilio: twilioErrorDetails(409, 50433, "Participant already exists"),
        },
      },
    ]);
  });

  it("passes Twilio's 'binding already exists' error through with its code", async () => {
    const message = `A binding for this participant and proxy address already exists in Conversation ${CONVERSATION_SID}`;
    fake.reply(twilioError(409, 50416, message));
    const result = await gateway.graphql(ADD, { input: SMS_PARTICIPANT });
    expect(result.errors![0]!.message).toBe(message);
    expect(result.errors![0]!.extensions).toMatchObject({
      code: "TWILIO_API_ERROR",
      twilio: { code: 50416, status: 409 },
    });
  });

  it("reports an unknown conversation as Twilio's 404 20404", async () => {
    fake.reply(twilioError(404, 20404, "The requested resource was not found"));
    const result = await gateway.graphql(ADD, {
      input: { conversationSid: "no-such-room", identity: "alice" },
    });
    expect(fake.requests[0]!.url).toBe("/v1/Conversations/no-such-room/Participants");
    expect(result.errors![0]!.extensions).toEqual({
      code: "TWILIO_API_ERROR",
      outcome: "REJECTED",
      twilio: twilioErrorDetails(404, 20404, "The requested resource was not found"),
    });
  });

  it("rejects every bad field at once, nested ones by their path, and sends nothing", async () => {
    const result = await gateway.graphql(ADD, {
      input: {
        conversationSid: "CH" + "z".repeat(32),
        chatServiceSid: "IS123",
        identity: "x".repeat(257),
        messagingBinding: {
          address: "5558675310",
          proxyAddress: "not an address",
          projectedAddress: "whatsapp:+15017122661",
        },
        roleSid: "RL1",
      },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.data).toEqual({ addConversationParticipant: null });
    expect(result.errors!.map((e) => [e.extensions!.code, e.extensions!.field])).toEqual(
      [
        "input.conversationSid",
        "input.chatServiceSid",
        "input.identity",
        "input.roleSid",
        "input.messagingBinding.address",
        "input.messagingBinding.proxyAddress",
        "input.messagingBinding.projectedAddress",
      ].map((field) => ["BAD_USER_INPUT", field]),
    );
    expect(result.errors![2]!.message).toBe("input.identity: must be from 1 to 256 characters");
    expect(result.errors![6]!.message).toBe(
      "input.messagingBinding.projectedAddress: must be a phone number in E.164 format, e.g. +15558675310",
    );
  });

  it("requires an identity or a messaging address", async () => {
    const result = await gateway.graphql(ADD, {
      input: {
        conversationSid: CONVERSATION_SID,
        messagingBinding: { proxyAddress: "+15017122661" },
      },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.message).toBe(
      "input.identity: is required unless messagingBinding.address is given",
    );
    expect(result.errors![0]!.extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.identity",
      outcome: "NOT_SENT",
    });
  });

  it("rejects a date that is not a date-time, and a missing conversation, by field", async () => {
    const badDate = await gateway.graphql(ADD, {
      input: { ...SMS_PARTICIPANT, dateCreated: "yesterday" },
    });
    const missing = await gateway.graphql(ADD, { input: { identity: "alice" } });
    expect(fake.requests).toHaveLength(0);
    expect(badDate.errors!.map((e) => e.extensions)).toEqual([
      { code: "BAD_USER_INPUT", field: "input.dateCreated" },
    ]);
    expect(missing.errors!.map((e) => e.extensions)).toEqual([
      { code: "BAD_USER_INPUT", field: "input.conversationSid" },
    ]);
  });

  itHandlesUpstreamFailures({
    fake: () => fake,
    send: () => gateway.graphql(ADD, { input: { ...SMS_PARTICIPANT, webhookEnabled: true } }),
    success: { status: 201, body: TWILIO_ANSWER },
    checkRetried: (retried) =>
      expect(retried.requests[1]!.headers["x-twilio-webhook-enabled"]).toBe("true"),
  });

  it("never writes the auth token, the participant's data or the upstream URL to the log", async () => {
    fake.reply(twilioError(409, 50433, "Participant already exists"));
    await gateway.graphql(ADD, {
      input: {
        conversationSid: CONVERSATION_SID,
        identity: "alice-private",
        attributes: { ssn: "078-05-1120" },
      },
    });
    const log = gateway.logLines.join("\n");
    expect(log).toContain("conversation.participant.create");
    expect(log).not.toContain(AUTH_TOKEN);
    expect(log).not.toContain("alice-private");
    expect(log).not.toContain("078-05-1120");
    expect(log).not.toContain(fake.url);
  });
});
