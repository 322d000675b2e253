import { describe, expect, it } from "vitest";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";
import { theFormPost } from "../support/twilio-requests.js";
import { AUTH_TOKEN, useGatewayOnFakeTwilio } from "../support/gateway.js";
import { checkedInOperation } from "../support/operations.js";
import { itHandlesUpstreamFailures } from "../support/upstream-failures.js";

const INTERACTION_SID = "KD" + "a".repeat(32);
const CHANNEL_SID = "UO" + "b".repeat(32);
const PARTICIPANT_SID = "UT" + "c".repeat(32);
const TASK_SID = "WT" + "d".repeat(32);
const WORKER_SID = "WK" + "e".repeat(32);

/** The checked-in operation that frontends use. */
const ADD = checkedInOperation("interaction.graphql", "AddInteractionParticipant");

const PARTICIPANTS_PATH = `/v1/Interactions/${INTERACTION_SID}/Channels/${CHANNEL_SID}/Participants`;
const PARTICIPANT_URL = `https://flex-api.twilio.com${PARTICIPANTS_PATH}/${PARTICIPANT_SID}`;

const MEDIA_PROPERTIES = {
  level: "to",
  name: "Ana María",
  address: "+15558675310",
  type: "sms",
};
const ROUTING_PROPERTIES = { task_sid: TASK_SID, worker_sid: WORKER_SID };

const TWILIO_ANSWER = {
  sid: PARTICIPANT_SID,
  channel_sid: CHANNEL_SID,
  interaction_sid: INTERACTION_SID,
  type: "customer",
  routing_properties: ROUTING_PROPERTIES,
  url: PARTICIPANT_URL,
};

const MINIMAL_INPUT = {
  interactionSid: INTERACTION_SID,
  channelSid: CHANNEL_SID,
  type: "CUSTOMER",
  mediaProperties: MEDIA_PROPERTIES,
};

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake, { TWILIO_TIMEOUT_MS: "300" });

describe("addInteractionParticipant", () => {
  it("sends every parameter exactly as twilio-node does and maps Twilio's 200 answer", async () => {
    fake.reply({ status: 200, body: TWILIO_ANSWER });
    const result = await gateway.graphql(ADD, {
      input: { ...MINIMAL_INPUT, routingProperties: ROUTING_PROPERTIES },
    });

    expect(result.errors).toBeUndefined();
    const request = theFormPost(fake, PARTICIPANTS_PATH);
    // Written out by hand: compact JSON text, UTF-8 percent-encoded, %20 for the space.
    expect(request!.body).toBe(
      "Type=customer" +
        "&MediaProperties=%7B%22level%22%3A%22to%22%2C%22name%22%3A%22Ana%20Mar%C3%ADa%22" +
        "%2C%22address%22%3A%22%2B15558675310%22%2C%22type%22%3A%22sms%22%7D" +
        `&RoutingProperties=%7B%22task_sid%22%3A%22${TASK_SID}%22%2C%22worker_sid%22%3A%22${WORKER_SID}%22%7D`,
    );

    expect(result.data).toEqual({
      addInteractionParticipant: {
        __typename: "InteractionParticipant",
        sid: PARTICIPANT_SID,
        kind: "INTERACTION",
        type: "CUSTOMER",
        interactionSid: INTERACTION_SID,
        channelSid: CHANNEL_SID,
        routingProperties: ROUTING_PROPERTIES,
        url: PARTICIPANT_URL,
        accountSid: null,
        dateCreated: null,
        dateUpdated: null,
      },
    });
  });

  it("sends nested media properties as JSON text and omits absent routing properties", async () => {
    fake.reply({
      status: 200,
      body: { ...TWILIO_ANSWER, type: "agent", routing_properties: null },
    });
    const result = await gateway.graphql<{ addInteractionParticipant: Record<string, unknown> }>(
      ADD,
      {
        input: {
          ...MINIMAL_INPUT,
          type: "AGENT",
          mediaProperties: { level: "to", tags: ["vip", 1, true, null], meta: { k: "v w" } },
        },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(fake.requests[0]!.body).toBe(
      "Type=agent&MediaProperties=%7B%22level%22%3A%22to%22%2C%22tags%22%3A%5B%22vip%22%2C1%2Ctrue" +
        "%2Cnull%5D%2C%22meta%22%3A%7B%22k%22%3A%22v%20w%22%7D%7D",
    );
    expect(result.data!.addInteractionParticipant).toMatchObject({
      type: "AGENT",
      routingProperties: null,
    });
  });

  it("reads routing properties that Twilio returns as JSON text", async () => {
    fake.reply({
      status: 200,
      body: { ...TWILIO_ANSWER, routing_properties: JSON.stringify(ROUTING_PROPERTIES) },
    });
    const result = await gateway.graphql<{ addInteractionParticipant: Record<string, unknown> }>(
      ADD,
      { input: MINIMAL_INPUT },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.addInteractionParticipant.routingProperties).toEqual(ROUTING_PROPERTIES);
  });

  it("maps a participant type it does not know to null rather than failing", async () => {
    fake.reply({ status: 200, body: { ...TWILIO_ANSWER, type: "bot" } });
    const result = await gateway.graphql<{ addInteractionParticipant: Record<string, unknown> }>(
      ADD,
      { input: MINIMAL_INPUT },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.addInteractionParticipant.type).toBeNull();
  });

  it("passes Flex's invalid-participant-properties error through with its code and status", async () => {
    const message =
      "Channel Participant properties must contain exactly one of identity or an address/proxy_address pair";
    fake.reply(twilioError(400, 45351, message));
    const result = await gateway.graphql(ADD, { input: MINIMAL_INPUT });
    expect(fake.requests).toHaveLength(1);
    expect(result.data).toEqual({ addInteractionParticipant: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      message,
      path: ["addInteractionParticipant"],
      extensions: {
        code: "TWILIO_API_ERROR",
        twilio: {
          code: 45351,
          status: 400,
          message,
          moreInfo: "https://www.twilio.com/docs/errors/45351",
        },
      },
    });
  });

  itHandlesUpstreamFailures({
    fake: () => fake,
    send: () => gateway.graphql(ADD, { input: MINIMAL_INPUT }),
    success: { status: 200, body: TWILIO_ANSWER },
  });

  it("rejects every bad field at once and sends nothing", async () => {
    const result = await gateway.graphql(ADD, {
      input: {
        interactionSid: "KD123",
        channelSid: PARTICIPANT_SID,
        type: "CUSTOMER",
        mediaProperties: [MEDIA_PROPERTIES],
        routingProperties: JSON.stringify(ROUTING_PROPERTIES),
      },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.data).toEqual({ addInteractionParticipant: null });
    expect(result.errors!.map((e) => e.message)).toEqual([
      "input.interactionSid: must be a KD SID: KD followed by 32 hex digits",
      "input.channelSid: must be a UO SID: UO followed by 32 hex digits",
      "input.mediaProperties: must be a JSON object",
      "input.routingProperties: must be a JSON object",
    ]);
    expect(result.errors!.map((e) => e.extensions!.code)).toEqual(Array(4).fill("BAD_USER_INPUT"));
  });

  it.each([
    ["JSON text", JSON.stringify(MEDIA_PROPERTIES)],
    ["a number", 42],
  ])("rejects media properties given as %s", async (_what, mediaProperties) => {
    const result = await gateway.graphql(ADD, { input: { ...MINIMAL_INPUT, mediaProperties } });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors!.map((e) => e.extensions)).toEqual([
      { code: "BAD_USER_INPUT", field: "input.mediaProperties", outcome: "NOT_SENT" },
    ]);
  });

  it("rejects a participant type outside Twilio's list", async () => {
    const result = await gateway.graphql(ADD, { input: { ...MINIMAL_INPUT, type: "BOT" } });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors!.map((e) => e.extensions)).toEqual([
      { code: "BAD_USER_INPUT", field: "input.type" },
    ]);
  });

  it("reports missing media properties by name and sends nothing", async () => {
    const result = await gateway.graphql(ADD, {
      input: { interactionSid: INTERACTION_SID, channelSid: CHANNEL_SID, type: "AGENT" },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.mediaProperties",
    });
  });

  it("never writes the auth token, the media properties or the upstream URL to the log", async () => {
    fake.reply(twilioError(400, 45367, "Failed to add participant due to invalid parameters"));
    await gateway.graphql(ADD, {
      input: {
        ...MINIMAL_INPUT,
        mediaProperties: { ...MEDIA_PROPERTIES, address: "+15550001111" },
      },
    });
    const log = gateway.logLines.join("\n");
    expect(log).toContain("interaction.participant.create");
    expect(log).not.toContain(AUTH_TOKEN);
    expect(log).not.toContain("+15550001111");
    expect(log).not.toContain(fake.url);
  });
});
