import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { buildDefaultDocument } from "../../src/graphiql/default-document.js";

const CONFERENCE = `# Dials someone in.
mutation AddConferenceParticipant($input: AddConferenceParticipantInput!) {
  addConferenceParticipant(input: $input) { callSid }
}
query ConferenceParticipant($conferenceSid: String!, $callSid: String!) {
  conferenceParticipant(conferenceSid: $conferenceSid, callSid: $callSid) { callSid }
}`;

describe("buildDefaultDocument", () => {
  it("keeps the first operation per opening field, in a fixed order, with its comments", () => {
    const { document, problems } = buildDefaultDocument([
      { name: "gateway.graphql", text: "query GatewayInfo { gatewayInfo { name } }" },
      { name: "conference.graphql", text: CONFERENCE },
      {
        name: "later.graphql",
        text: "mutation AddConferenceAgain { addConferenceParticipant(input: {}) { sid } }",
      },
    ]);
    const names = parse(document.query).definitions.map((d) => ("name" in d ? d.name?.value : ""));
    expect(names).toEqual(["AddConferenceParticipant", "GatewayInfo"]);
    expect(document.query).toContain("# Dials someone in.\nmutation AddConferenceParticipant(");
    expect(problems).toEqual([
      "no named operation WatchConference selects only participantEvents",
      "no named operation selects only addProxyParticipant",
      "no named operation selects only addInteractionParticipant",
      "no named operation selects only addConversationParticipant",
      "no named operation selects only addParticipant",
    ]);
  });

  it("renames only variable names that two operations share, and fills in their examples", () => {
    const { document } = buildDefaultDocument([
      { name: "conference.graphql", text: CONFERENCE },
      {
        name: "proxy.graphql",
        text: `mutation AddProxyParticipant($input: AddProxyParticipantInput!, $extra: Int) {
          addProxyParticipant(input: $input) { sid }
        }`,
      },
    ]);
    expect(document.query).toContain(
      "mutation AddProxyParticipant($addProxyParticipantInput: AddProxyParticipantInput!, $extra: Int) {\n" +
        "  addProxyParticipant(input: $addProxyParticipantInput) {",
    );
    expect(document.query).toContain(
      "addConferenceParticipant(input: $addConferenceParticipantInput)",
    );
    const variables = JSON.parse(document.variables) as Record<string, Record<string, unknown>>;
    expect(Object.keys(variables)).toEqual([
      "addProxyParticipantInput",
      "addConferenceParticipantInput",
    ]);
    expect(variables.addProxyParticipantInput).toEqual({
      serviceSid: "KS00000000000000000000000000000001",
      sessionSid: "KC00000000000000000000000000000001",
      identifier: "+15558675310",
      friendlyName: "Alice",
    });
    expect(document.variables).toBe(JSON.stringify(variables, null, 2));
  });

  it("finds examples for variables nested inside an argument", () => {
    const { document } = buildDefaultDocument([
      {
        name: "interaction.graphql",
        text: `mutation AddInteractionParticipant($channel: String!, $media: JSON!, $kind: InteractionParticipantType!) {
          addInteractionParticipant(input: {
            interactionSid: "KD00000000000000000000000000000009",
            channelSid: $channel, type: $kind, mediaProperties: $media
          }) { sid }
        }`,
      },
    ]);
    expect(JSON.parse(document.variables)).toEqual({
      channel: "UO00000000000000000000000000000001",
      kind: "CUSTOMER",
      media: { level: "to", name: "Alice", address: "+15558675310", type: "sms" },
    });
  });

  it("brings along the fragments the chosen operations use, and only those", () => {
    const { document } = buildDefaultDocument([
      {
        name: "conference.graphql",
        text: `mutation AddConferenceParticipant($input: AddConferenceParticipantInput!) {
          addConferenceParticipant(input: $input) { ...Call }
        }
        fragment Call on ConferenceParticipant { callSid ...Labels }
        fragment Labels on ConferenceParticipant { label }
        fragment Unused on ConferenceParticipant { muted }`,
      },
    ]);
    const fragments = parse(document.query)
      .definitions.filter((d) => d.kind === "FragmentDefinition")
      .map((d) => ("name" in d ? d.name?.value : ""));
    expect(fragments.sort()).toEqual(["Call", "Labels"]);
  });

  it("opens with the named subscription, watching the conference the conference add dials into", () => {
    const { document, problems } = buildDefaultDocument([
      { name: "conference.graphql", text: CONFERENCE },
      {
        name: "events.graphql",
        text: `subscription ParticipantEvents($filter: ParticipantEventFilter!) {
          participantEvents(filter: $filter) { type }
        }
        subscription WatchConference($filter: ParticipantEventFilter!) {
          participantEvents(filter: $filter) { type participant { sid } }
        }`,
      },
    ]);
    const names = parse(document.query).definitions.map((d) => ("name" in d ? d.name?.value : ""));
    expect(names).toEqual(["WatchConference", "AddConferenceParticipant"]);
    expect(problems).not.toContain(
      "no named operation WatchConference selects only participantEvents",
    );
    const variables = JSON.parse(document.variables) as {
      filter: { conferenceSid: string };
      input: { conferenceSid: string };
    };
    // `$input` is used once here, so it keeps its name.
    expect(Object.keys(variables)).toEqual(["filter", "input"]);
    expect(variables.filter).toEqual({ conferenceSid: "CF00000000000000000000000000000001" });
    expect(variables.filter.conferenceSid).toBe(variables.input.conferenceSid);
  });

  it("reports a file that does not parse and carries on with the rest", () => {
    const { document, problems } = buildDefaultDocument([
      { name: "broken.graphql", text: "mutation AddProxyParticipant(" },
      { name: "gateway.graphql", text: "query GatewayInfo { gatewayInfo { name } }" },
    ]);
    expect(problems[0]).toMatch(/^broken\.graphql: Syntax Error/);
    expect(document.query).toContain("query GatewayInfo {");
    expect(document.variables).toBe("{}");
  });

  it("skips anonymous operations and ones selecting more than one field", () => {
    const { document } = buildDefaultDocument([
      {
        name: "x.graphql",
        text: `{ gatewayInfo { name } }
        query Both { gatewayInfo { name } conferenceParticipant(conferenceSid: "x", callSid: "y") { sid } }
        query GatewayInfo { __typename gatewayInfo { version } }`,
      },
    ]);
    expect(document.query).toContain("query GatewayInfo {\n  __typename\n  gatewayInfo {");
    expect(document.query).not.toContain("Both");
  });
});
