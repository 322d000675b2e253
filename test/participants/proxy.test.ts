import { describe, expect, it } from "vitest";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";
import { theFormPost } from "../support/twilio-requests.js";
import { ACCOUNT_SID, AUTH_TOKEN, useGatewayOnFakeTwilio } from "../support/gateway.js";
import { checkedInOperation } from "../support/operations.js";
import { itHandlesUpstreamFailures } from "../support/upstream-failures.js";

const SERVICE_SID = "KS" + "a".repeat(32);
const SESSION_SID = "KC" + "b".repeat(32);
const PARTICIPANT_SID = "KP" + "c".repeat(32);
const NUMBER_SID = "PN" + "d".repeat(32);

/** The checked-in operation that frontends use. */
const ADD = checkedInOperation("proxy.graphql", "AddProxyParticipant");

const PARTICIPANTS_PATH = `/v1/Services/${SERVICE_SID}/Sessions/${SESSION_SID}/Participants`;
const PARTICIPANT_URL = `https://proxy.twilio.com${PARTICIPANTS_PATH}/${PARTICIPANT_SID}`;

const TWILIO_ANSWER = {
  sid: PARTICIPANT_SID,
  session_sid: SESSION_SID,
  service_sid: SERVICE_SID,
  account_sid: ACCOUNT_SID,
  identifier: "+15558675310",
  proxy_identifier: "+15017122661",
  proxy_identifier_sid: NUMBER_SID,
  friendly_name: "Alice Buyer (order 42)",
  date_deleted: null,
  date_updated: "2015-07-30T20:00:01Z",
  date_created: "2015-07-30T20:00:00Z",
  url: PARTICIPANT_URL,
  links: { message_interactions: `${PARTICIPANT_URL}/MessageInteractions` },
};

const MINIMAL_INPUT = {
  serviceSid: SERVICE_SID,
  sessionSid: SESSION_SID,
  identifier: "+15558675310",
};

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake, { TWILIO_TIMEOUT_MS: "300" });

describe("addProxyParticipant", () => {
  it("sends every parameter exactly as twilio-node does and maps the answer", async () => {
    fake.reply({ status: 201, body: TWILIO_ANSWER });
    const result = await gateway.graphql(ADD, {
      input: {
        serviceSid: SERVICE_SID,
        sessionSid: SESSION_SID,
        identifier: "+15558675310",
        friendlyName: "Alice Buyer (order 42)",
        proxyIdentifier: "+15017122661",
        proxyIdentifierSid: NUMBER_SID,
      },
    });

    expect(result.errors).toBeUndefined();
    const request = theFormPost(fake, PARTICIPANTS_PATH);
    // Written out by hand: spec order, %20 for spaces, RFC 3986 escapes for ( and ).
    expect(request!.body).toBe(
      "Identifier=%2B15558675310" +
        "&FriendlyName=Alice%20Buyer%20%28order%2042%29" +
        "&ProxyIdentifier=%2B15017122661" +
        `&ProxyIdentifierSid=${NUMBER_SID}`,
    );

    expect(result.data).toEqual({
      addProxyParticipant: {
        __typename: "ProxyParticipant",
        sid: PARTICIPANT_SID,
        kind: "PROXY",
        sessionSid: SESSION_SID,
        serviceSid: SERVICE_SID,
        accountSid: ACCOUNT_SID,
        friendlyName: "Alice Buyer (order 42)",
        identifier: "+15558675310",
        proxyIdentifier: "+15017122661",
        proxyIdentifierSid: NUMBER_SID,
        dateDeleted: null,
        dateCreated: "2015-07-30T20:00:00.000Z",
        dateUpdated: "2015-07-30T20:00:01.000Z",
        url: PARTICIPANT_URL,
        links: { messageInteractions: `${PARTICIPANT_URL}/MessageInteractions` },
      },
    });
  });

  it("adds a channel address with only the parameters given", async () => {
    fake.reply({
      status: 201,
      body: {
        ...TWILIO_ANSWER,
        identifier: "messenger:123456",
        proxy_identifier: "messenger:987654532",
        friendly_name: "a facebook user",
        date_deleted: "2015-07-31T08:30:00Z",
      },
    });
    const result = await gateway.graphql<{ addProxyParticipant: Record<string, unknown> }>(ADD, {
      input: {
        serviceSid: SERVICE_SID,
        sessionSid: SESSION_SID,
        identifier: "messenger:123456",
        friendlyName: "a facebook user",
        proxyIdentifier: "messenger:987654532",
      },
    });
    expect(result.errors).toBeUndefined();
    expect(fake.requests[0]!.body).toBe(
      "Identifier=messenger%3A123456&FriendlyName=a%20facebook%20user&ProxyIdentifier=messenger%3A987654532",
    );
    expect(result.data!.addProxyParticipant).toMatchObject({
      identifier: "messenger:123456",
      proxyIdentifier: "messenger:987654532",
      dateDeleted: "2015-07-31T08:30:00.000Z",
    });
  });

  it("sends a WhatsApp identifier alone", async () => {
    fake.reply({ status: 201, body: TWILIO_ANSWER });
    const result = await gateway.graphql(ADD, {
      input: { ...MINIMAL_INPUT, identifier: "whatsapp:+15558675310" },
    });
    expect(result.errors).toBeUndefined();
    expect(fake.requests[0]!.body).toBe("Identifier=whatsapp%3A%2B15558675310");
  });

  it("passes Proxy's 'already in session' error through with its code and status", async () => {
    const message = `Identifier +15558675310 is already a participant in Session ${SESSION_SID}`;
    fake.reply(twilioError(400, 80103, message));
    const result = await gateway.graphql(ADD, { input: MINIMAL_INPUT });
    expect(fake.requests).toHaveLength(1);
    expect(result.data).toEqual({ addProxyParticipant: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      message,
      path: ["addProxyParticipant"],
      extensions: {
        code: "TWILIO_API_ERROR",
        twilio: {
          code: 80103,
          status: 400,
          message,
          moreInfo: "https://www.twilio.com/docs/errors/80103",
        },
      },
    });
  });

  it("passes Proxy's 409 for a concurrent create of the same identifier through", async () => {
    fake.reply(
      twilioError(409, 80623, "Possible duplicate Participant created in multiple Sessions."),
    );
    const result = await gateway.graphql(ADD, { input: MINIMAL_INPUT });
    expect(result.errors![0]!.extensions).toMatchObject({
      code: "TWILIO_API_ERROR",
      twilio: { code: 80623, status: 409 },
    });
  });

  itHandlesUpstreamFailures({
    fake: () => fake,
    send: () => gateway.graphql(ADD, { input: MINIMAL_INPUT }),
    success: { status: 201, body: TWILIO_ANSWER },
  });

  it("rejects every bad field at once and sends nothing", async () => {
    const result = await gateway.graphql(ADD, {
      input: {
        serviceSid: "KS123",
        sessionSid: "KC" + "z".repeat(32),
        identifier: "5558675310",
        friendlyName: "x".repeat(256),
        proxyIdentifier: "not a number",
        proxyIdentifierSid: SESSION_SID,
      },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.data).toEqual({ addProxyParticipant: null });
    expect(result.errors!.map((e) => [e.extensions!.code, e.extensions!.field])).toEqual(
      [
        "input.serviceSid",
        "input.sessionSid",
        "input.identifier",
        "input.friendlyName",
        "input.proxyIdentifier",
        "input.proxyIdentifierSid",
      ].map((field) => ["BAD_USER_INPUT", field]),
    );
    expect(result.errors!.map((e) => e.message)).toEqual([
      "input.serviceSid: must be a KS SID: KS followed by 32 hex digits",
      "input.sessionSid: must be a KC SID: KC followed by 32 hex digits",
      "input.identifier: must be an E.164 phone number or a channel address such as whatsapp:+15558675310",
      "input.friendlyName: must be at most 255 characters",
      "input.proxyIdentifier: must be an E.164 phone number or a channel address such as whatsapp:+15558675310",
      "input.proxyIdentifierSid: must be a PN SID: PN followed by 32 hex digits",
    ]);
  });

  it("accepts a 255-character friendly name and a 191-character identifier, not one more", async () => {
    const longest = "messenger:" + "1".repeat(181);
    fake.reply({ status: 201, body: TWILIO_ANSWER });
    const accepted = await gateway.graphql(ADD, {
      input: { ...MINIMAL_INPUT, identifier: longest, friendlyName: "é".repeat(255) },
    });
    expect(accepted.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(1);

    fake.reset();
    const rejected = await gateway.graphql(ADD, {
      input: { ...MINIMAL_INPUT, identifier: longest + "1", friendlyName: "é".repeat(256) },
    });
    expect(fake.requests).toHaveLength(0);
    expect(rejected.errors!.map((e) => e.message)).toEqual([
      "input.identifier: must be from 1 to 191 characters",
      "input.friendlyName: must be at most 255 characters",
    ]);
  });

  it("reports a missing identifier by name and sends nothing", async () => {
    const result = await gateway.graphql(ADD, {
      input: { serviceSid: SERVICE_SID, sessionSid: SESSION_SID },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.identifier",
    });
  });

  it("never writes the auth token, the participant's number or the upstream URL to the log", async () => {
    fake.reply(twilioError(400, 80103, "The identifier is already a participant in the Session"));
    await gateway.graphql(ADD, { input: { ...MINIMAL_INPUT, identifier: "+15550001111" } });
    const log = gateway.logLines.join("\n");
    expect(log).toContain("proxy.participant.create");
    expect(log).not.toContain(AUTH_TOKEN);
    expect(log).not.toContain("+15550001111");
    expect(log).not.toContain(fake.url);
  });
});
