import { describe, expect, it } from "vitest";
import { InputValidationError } from "../../src/errors/gateway-errors.js";
import { AddParticipantInput } from "../../src/participants/unified/add-participant.js";
import { assertValid } from "../../src/validation/rules.js";
import { type CapturedRequest, FakeTwilio } from "../support/fake-twilio.js";
import { ACCOUNT_SID, useGatewayOnFakeTwilio } from "../support/gateway.js";
import { checkedInOperation } from "../support/operations.js";

/** The checked-in operation that frontends use. */
const ADD = checkedInOperation("unified.graphql", "AddParticipant");

const SERVICE_SID = "KS" + "1".repeat(32);
const SESSION_SID = "KC" + "2".repeat(32);
const PROXY_PARTICIPANT_SID = "KP" + "3".repeat(32);
const INTERACTION_SID = "KD" + "4".repeat(32);
const CHANNEL_SID = "UO" + "5".repeat(32);
const INTERACTION_PARTICIPANT_SID = "UT" + "6".repeat(32);
const CHAT_SERVICE_SID = "IS" + "7".repeat(32);
const CONVERSATION_SID = "CH" + "8".repeat(32);
const CONVERSATION_PARTICIPANT_SID = "MB" + "9".repeat(32);
const CONFERENCE_SID = "CF" + "a".repeat(32);
const CALL_SID = "CA" + "b".repeat(32);

const CONFERENCE = {
  conferenceSid: CONFERENCE_SID,
  from: "+15017122661",
  to: "+15558675310",
  label: "agent 1",
  statusCallbackEvent: ["INITIATED", "ANSWERED"],
  muted: true,
};

interface KindCase {
  kind: "proxy" | "interaction" | "conversation" | "conference";
  /** The kind's own add mutation, to compare what it sends with what addParticipant sends. */
  ownMutation: string;
  input: Record<string, unknown>;
  answer: { status: number; body: Record<string, unknown> };
  path: string;
  expected: Record<string, unknown>;
}

const CASES: KindCase[] = [
  {
    kind: "proxy",
    ownMutation: `mutation($input: AddProxyParticipantInput!) { addProxyParticipant(input: $input) { sid } }`,
    input: {
      serviceSid: SERVICE_SID,
      sessionSid: SESSION_SID,
      identifier: "+15558675310",
      friendlyName: "Ana María",
      proxyIdentifier: "+15017122661",
    },
    answer: {
      status: 201,
      body: {
        sid: PROXY_PARTICIPANT_SID,
        service_sid: SERVICE_SID,
        session_sid: SESSION_SID,
        account_sid: ACCOUNT_SID,
        identifier: "+15558675310",
        proxy_identifier: "+15017122661",
        date_created: "2015-07-30T20:00:00Z",
        url: `https://proxy.twilio.com/v1/Services/${SERVICE_SID}/Sessions/${SESSION_SID}/Participants/${PROXY_PARTICIPANT_SID}`,
      },
    },
    path: `/v1/Services/${SERVICE_SID}/Sessions/${SESSION_SID}/Participants`,
    expected: {
      __typename: "ProxyParticipant",
      kind: "PROXY",
      sid: PROXY_PARTICIPANT_SID,
      accountSid: ACCOUNT_SID,
      dateCreated: "2015-07-30T20:00:00.000Z",
      serviceSid: SERVICE_SID,
      sessionSid: SESSION_SID,
      identifier: "+15558675310",
      proxyIdentifier: "+15017122661",
    },
  },
  {
    kind: "interaction",
    ownMutation: `mutation($input: AddInteractionParticipantInput!) { addInteractionParticipant(input: $input) { sid } }`,
    input: {
      interactionSid: INTERACTION_SID,
      channelSid: CHANNEL_SID,
      type: "AGENT",
      mediaProperties: { level: "to", name: "Ana", address: "+15558675310", type: "sms" },
      routingProperties: { worker_sid: "WK" + "c".repeat(32) },
    },
    answer: {
      status: 200,
      body: {
        sid: INTERACTION_PARTICIPANT_SID,
        interaction_sid: INTERACTION_SID,
        channel_sid: CHANNEL_SID,
        type: "agent",
        routing_properties: { worker_sid: "WK" + "c".repeat(32) },
        url: `https://flex-api.twilio.com/v1/Interactions/${INTERACTION_SID}/Channels/${CHANNEL_SID}/Participants/${INTERACTION_PARTICIPANT_SID}`,
      },
    },
    path: `/v1/Interactions/${INTERACTION_SID}/Channels/${CHANNEL_SID}/Participants`,
    expected: {
      __typename: "InteractionParticipant",
      kind: "INTERACTION",
      sid: INTERACTION_PARTICIPANT_SID,
      interactionSid: INTERACTION_SID,
      channelSid: CHANNEL_SID,
      type: "AGENT",
      routingProperties: { worker_sid: "WK" + "c".repeat(32) },
    },
  },
  {
    kind: "conversation",
    ownMutation: `mutation($input: AddConversationParticipantInput!) { addConversationParticipant(input: $input) { sid } }`,
    input: {
      conversationSid: CONVERSATION_SID,
      chatServiceSid: CHAT_SERVICE_SID,
      messagingBinding: { address: "whatsapp:+15558675310", proxyAddress: "whatsapp:+15017122661" },
      attributes: { vip: true },
      dateCreated: "2024-03-05T04:07:08Z",
      webhookEnabled: true,
    },
    answer: {
      status: 201,
      body: {
        sid: CONVERSATION_PARTICIPANT_SID,
        account_sid: ACCOUNT_SID,
        chat_service_sid: CHAT_SERVICE_SID,
        conversation_sid: CONVERSATION_SID,
        identity: null,
        attributes: '{"vip":true}',
        messaging_binding: { type: "whatsapp", address: "whatsapp:+15558675310" },
      },
    },
    path: `/v1/Services/${CHAT_SERVICE_SID}/Conversations/${CONVERSATION_SID}/Participants`,
    expected: {
      __typename: "ConversationParticipant",
      kind: "CONVERSATION",
      sid: CONVERSATION_PARTICIPANT_SID,
      accountSid: ACCOUNT_SID,
      conversationSid: CONVERSATION_SID,
      chatServiceSid: CHAT_SERVICE_SID,
      identity: null,
      attributes: { vip: true },
      messagingBinding: { type: "whatsapp", address: "whatsapp:+15558675310" },
    },
  },
  {
    kind: "conference",
    ownMutation: `mutation($input: AddConferenceParticipantInput!) { addConferenceParticipant(input: $input) { sid } }`,
    input: CONFERENCE,
    answer: {
      status: 201,
      body: {
        call_sid: CALL_SID,
        conference_sid: CONFERENCE_SID,
        account_sid: ACCOUNT_SID,
        label: "agent 1",
        status: "queued",
      },
    },
    path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CONFERENCE_SID}/Participants.json`,
    expected: {
      __typename: "ConferenceParticipant",
      kind: "CONFERENCE",
      sid: CALL_SID,
      callSid: CALL_SID,
      conferenceSid: CONFERENCE_SID,
      label: "agent 1",
      status: "QUEUED",
    },
  },
];

/** What reached Twilio, minus what differs between any two requests (connection headers). */
function upstream(request: CapturedRequest) {
  return {
    method: request.method,
    url: request.url,
    body: request.body,
    authorization: request.headers.authorization,
    contentType: request.headers["content-type"],
    webhookEnabled: request.headers["x-twilio-webhook-enabled"],
  };
}

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake);

describe("addParticipant", () => {
  it.each(CASES)(
    "adds a $kind participant exactly as its own mutation does",
    async ({ kind, ownMutation, input, answer, path, expected }) => {
      fake.reply(answer, answer);
      const own = await gateway.graphql(ownMutation, { input });
      const unified = await gateway.graphql(ADD, { input: { [kind]: input } });

      expect(own.errors).toBeUndefined();
      expect(unified.errors).toBeUndefined();
      expect(fake.requests).toHaveLength(2);
      const [viaOwn, viaUnified] = fake.requests.map(upstream);
      expect(viaOwn!.url).toBe(path);
      expect(viaOwn!.body).not.toBe("");
      expect(viaUnified).toEqual(viaOwn);
      expect(unified.data!.addParticipant).toMatchObject(expected);
    },
  );

  it("reports nested validation errors under input.<kind> and sends nothing", async () => {
    const attempts: Array<[Record<string, unknown>, string[]]> = [
      [{ conference: { ...CONFERENCE, to: "12345" } }, ["input.conference.to"]],
      [
        { conference: { ...CONFERENCE, timeout: 4, coaching: true } },
        ["input.conference.timeout", "input.conference.callSidToCoach"],
      ],
      [
        { conversation: { conversationSid: CONVERSATION_SID, messagingBinding: { address: "x" } } },
        ["input.conversation.messagingBinding.address"],
      ],
      [{ conversation: { conversationSid: CONVERSATION_SID } }, ["input.conversation.identity"]],
      [
        { proxy: { serviceSid: "KS1", sessionSid: SESSION_SID, identifier: "+15558675310" } },
        ["input.proxy.serviceSid"],
      ],
      [
        {
          interaction: {
            interactionSid: INTERACTION_SID,
            channelSid: "UO1",
            type: "AGENT",
            mediaProperties: {},
          },
        },
        ["input.interaction.channelSid"],
      ],
      [
        { conference: { conferenceSid: CONFERENCE_SID, from: "+15017122661" } },
        ["input.conference.to"],
      ],
    ];
    for (const [input, fields] of attempts) {
      const result = await gateway.graphql(ADD, { input });
      // Refused while coercing the variables (no `data`: nothing ran) or by the mutation itself.
      expect(result.data?.addParticipant ?? null).toBeNull();
      expect(result.errors!.map((e) => e.extensions)).toEqual(
        fields.map((field) => ({
          code: "BAD_USER_INPUT",
          field,
          ...(result.data ? { outcome: "NOT_SENT" } : {}),
        })),
      );
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("names the message of a nested error by its full path", async () => {
    const result = await gateway.graphql(ADD, {
      input: { conversation: { conversationSid: CONVERSATION_SID, identity: "" } },
    });
    expect(result.errors!.map((e) => e.message)).toEqual([
      "input.conversation.identity: must be from 1 to 256 characters",
    ]);
  });
});

describe("addParticipant takes exactly one kind", () => {
  const EXACTLY_ONE = 'Exactly one key must be specified for OneOf type "AddParticipantInput".';

  it("rejects variables with no kind or with two kinds", async () => {
    const none = await gateway.graphql(ADD, { input: {} });
    const two = await gateway.graphql(ADD, {
      input: {
        conference: CONFERENCE,
        conversation: { conversationSid: CONVERSATION_SID, identity: "alice" },
      },
    });
    for (const result of [none, two]) {
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toEqual([
        {
          message: `input: ${EXACTLY_ONE}`,
          locations: [{ line: 1, column: 25 }],
          extensions: { code: "BAD_USER_INPUT", field: "input" },
        },
      ]);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("rejects an explicit null for the one kind given", async () => {
    const result = await gateway.graphql(ADD, { input: { conference: null } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.conference",
    });
    expect(result.errors![0]!.message).toBe(
      'input.conference: Field "conference" must be non-null.',
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("rejects inline literals with no kind or with two kinds", async () => {
    const none = await gateway.graphql(`mutation { addParticipant(input: {}) { sid } }`);
    const two = await gateway.graphql(`mutation {
      addParticipant(input: {
        conversation: { conversationSid: "${CONVERSATION_SID}", identity: "alice" }
        conference: { conferenceSid: "${CONFERENCE_SID}", from: "+15017122661", to: "+15558675310" }
      }) { sid }
    }`);
    for (const result of [none, two]) {
      expect(result.status).toBe(400);
      expect(result.data ?? null).toBeNull();
      expect(result.errors!.map((e) => [e.message, e.extensions])).toEqual([
        [
          'OneOf Input Object "AddParticipantInput" must specify exactly one key.',
          { code: "GRAPHQL_VALIDATION_FAILED" },
        ],
      ]);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("is also enforced by the input's own rule, should graphql-js's check be bypassed", () => {
    const issues = (input: object) => {
      try {
        assertValid(AddParticipantInput, input);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(InputValidationError);
        return (error as InputValidationError).issues;
      }
    };
    expect(issues({})).toEqual([
      {
        field: "input",
        message:
          "exactly one of proxy, interaction, conversation, conference must be given; none was",
      },
    ]);
    expect(
      issues({
        conversation: { conversationSid: CONVERSATION_SID, identity: "alice" },
        conference: CONFERENCE,
        proxy: null,
      }),
    ).toEqual([
      {
        field: "input",
        message:
          "exactly one of proxy, interaction, conversation, conference must be given; conversation and conference were",
      },
    ]);
    expect(issues({ conference: CONFERENCE })).toEqual([]);
  });
});
