import { describe, expect, it } from "vitest";
import {
  AddConferenceParticipantDocument,
  ConferenceParticipantDocument,
  ConferenceParticipantsDocument,
  RemoveConferenceParticipantDocument,
  UpdateConferenceParticipantDocument,
} from "../../schema/generated/operations.js";
import { execute } from "../support/typed-client.js";
import { useSimulatorApp } from "../support/simulator-app.js";

const CF = "CF" + "1".repeat(32);

const simulator = useSimulatorApp();
const { graphql } = simulator;

describe("zero-config start against the embedded simulator", () => {
  it("says where everything is in one line", () => {
    expect(simulator.app.banner).toMatch(
      /^participant-gateway ready: GraphQL http:\/\/127\.0\.0\.1:\d+\/graphql \| GraphiQL http:\/\/127\.0\.0\.1:\d+\/graphiql \| Console http:\/\/127\.0\.0\.1:\d+\/console \| upstream: Twilio simulator at http:\/\/127\.0\.0\.1:\d+ /,
    );
    expect(simulator.app.banner).not.toContain("\n");
  });

  it("reports simulator mode", async () => {
    const result = await graphql(`
      {
        gatewayInfo {
          twilioMode
          hasCredentials
        }
      }
    `);
    expect(result.data).toEqual({ gatewayInfo: { twilioMode: "simulator", hasCredentials: true } });
  });

  it("adds a conference participant, then lists, mutes and removes it", async () => {
    const url = simulator.app.gateway.graphqlUrl;
    const added = await execute(url, AddConferenceParticipantDocument, {
      input: { conferenceSid: CF, from: "+15017122661", to: "+15558675310", label: "alice" },
    });
    expect(added.errors).toBeUndefined();
    const callSid = added.data!.addConferenceParticipant!.callSid!;
    expect(callSid).toMatch(/^CA[0-9a-f]{32}$/);

    const listed = await execute(url, ConferenceParticipantsDocument, { conferenceSid: CF });
    const listedSids = listed.data!.conferenceParticipants.edges.map((edge) => edge.node.callSid);
    expect(listedSids).toContain(callSid);

    const muted = await execute(url, UpdateConferenceParticipantDocument, {
      input: { conferenceSid: CF, callSid: "alice", muted: true },
    });
    expect(muted.data!.updateConferenceParticipant).toMatchObject({ callSid, muted: true });

    const mutedOnly = await execute(url, ConferenceParticipantsDocument, {
      conferenceSid: CF,
      muted: true,
    });
    expect(mutedOnly.data!.conferenceParticipants.edges.map((edge) => edge.node.callSid)).toEqual([
      callSid,
    ]);

    const removed = await execute(url, RemoveConferenceParticipantDocument, {
      input: { conferenceSid: CF, callSid },
    });
    expect(removed.data!.removeConferenceParticipant).toMatchObject({ callSid, label: "alice" });
    const after = await execute(url, ConferenceParticipantDocument, { conferenceSid: CF, callSid });
    expect(after.data).toEqual({ conferenceParticipant: null });
  });

  it("passes the simulator's Twilio errors through", async () => {
    const otherAccount = "AC" + "2".repeat(32);
    const result = await graphql(
      `mutation { addConferenceParticipant(input: { accountSid: "${otherAccount}", conferenceSid: "${CF}", from: "+15017122661", to: "+15558675310" }) { callSid } }`,
    );
    expect(result.errors![0]!.extensions).toMatchObject({
      code: "TWILIO_API_ERROR",
      twilio: { code: 20404, status: 404, requestId: expect.stringMatching(/^RQ[0-9a-f]{32}$/) },
    });
  });

  // Changed deliberately: this was TWILIO_API_ERROR; credentials of the caller's own that
  // Twilio refuses are the caller's to fix, so UNAUTHENTICATED, with Twilio's details kept.
  it("rejects a client's own wrong credentials as UNAUTHENTICATED, with the simulator's 20003", async () => {
    const basic = Buffer.from(`AC${"e".repeat(32)}:wrong`).toString("base64");
    const result = await graphql(
      `{ conferenceParticipant(conferenceSid: "${CF}", callSid: "CA${"e".repeat(32)}") { callSid } }`,
      undefined,
      { authorization: `Basic ${basic}` },
    );
    expect(result.errors![0]!.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      twilio: { code: 20003, status: 401 },
    });
  });
});
