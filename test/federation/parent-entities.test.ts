import { describe, expect, it } from "vitest";
import { FakeTwilio } from "../support/fake-twilio.js";
import { ACCOUNT_SID, useGatewayOnFakeTwilio } from "../support/gateway.js";

const CF = "CF" + "1".repeat(32);
const KS = "KS" + "2".repeat(32);
const KC = "KC" + "3".repeat(32);
const KD = "KD" + "4".repeat(32);
const UO = "UO" + "5".repeat(32);
const CH = "CH" + "6".repeat(32);
const IS = "IS" + "7".repeat(32);
const sid = (prefix: string, n: number) => prefix + n.toString(16).padStart(32, "0");

/** Twilio's list answers, v1 (`meta`) or 2010 (flat), with one next page after the first. */
function listAnswer(request: { url: string }) {
  const path = request.url.split("?")[0]!;
  const secondPage = request.url.includes("PageToken=");
  if (path.startsWith("/2010-04-01/")) {
    return {
      participants: [{ call_sid: sid("CA", secondPage ? 2 : 1), conference_sid: CF }],
      next_page_uri: secondPage ? null : `${path}?PageSize=1&Page=1&PageToken=PT`,
    };
  }
  const prefix = path.includes("/Sessions/") ? "KP" : path.includes("/Channels/") ? "UT" : "MB";
  return {
    participants: [{ sid: sid(prefix, secondPage ? 2 : 1), type: "agent" }],
    meta: {
      key: "participants",
      next_page_url: secondPage ? null : `https://x${path}?Page=1&PageToken=PT`,
    },
  };
}

const fake = new FakeTwilio();
fake.setFallback((request) => ({ status: 200, body: listAnswer(request) }));
const gateway = useGatewayOnFakeTwilio(fake);

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Conference { participants(muted: true, first: 1) { edges { node { callSid } } pageInfo { endCursor } } }
    ... on ProxySession { participants(first: 1) { edges { node { sid } } } }
    ... on InteractionChannel { participants(first: 1) { edges { node { sid } } } }
    ... on Conversation { participants(first: 1) { edges { node { sid } } } }
  }
}`;

describe("parent entities a router can reach participants through", () => {
  it("lists each parent's participants with the same request as the list queries", async () => {
    const result = await gateway.graphql(ENTITIES, {
      representations: [
        { __typename: "Conference", sid: CF },
        { __typename: "ProxySession", serviceSid: KS, sid: KC },
        { __typename: "InteractionChannel", interactionSid: KD, sid: UO },
        { __typename: "Conversation", sid: CH },
        { __typename: "Conversation", chatServiceSid: IS, sid: CH },
      ],
    });
    expect(result.errors).toBeUndefined();
    const entities = (result.data as { _entities: Array<Record<string, unknown>> })._entities;
    expect(entities.map((entity) => entity.__typename)).toEqual([
      "Conference",
      "ProxySession",
      "InteractionChannel",
      "Conversation",
      "Conversation",
    ]);
    expect(entities[1]).toMatchObject({
      participants: { edges: [{ node: { sid: sid("KP", 1) } }] },
    });
    expect(fake.requests.map((request) => request.url).sort()).toEqual(
      [
        `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CF}/Participants.json?Muted=true&PageSize=1&Page=0`,
        `/v1/Services/${KS}/Sessions/${KC}/Participants?PageSize=1&Page=0`,
        `/v1/Interactions/${KD}/Channels/${UO}/Participants?PageSize=1&Page=0`,
        `/v1/Conversations/${CH}/Participants?PageSize=1&Page=0`,
        `/v1/Services/${IS}/Conversations/${CH}/Participants?PageSize=1&Page=0`,
      ].sort(),
    );
  });

  it("shares cursors with the list query of the same list", async () => {
    const first = await gateway.graphql<{
      _entities: Array<{ participants: { pageInfo: { endCursor: string } } }>;
    }>(ENTITIES, { representations: [{ __typename: "Conference", sid: CF }] });
    const cursor = first.data!._entities[0]!.participants.pageInfo.endCursor;
    const next = await gateway.graphql(
      `query($after: String) { conferenceParticipants(conferenceSid: "${CF}", muted: true, first: 1, after: $after) { edges { node { callSid } } } }`,
      { after: cursor },
    );
    expect(next.data).toEqual({
      conferenceParticipants: { edges: [{ node: { callSid: sid("CA", 2) } }] },
    });
  });

  it("rejects a malformed representation without calling Twilio", async () => {
    const result = await gateway.graphql(ENTITIES, {
      representations: [{ __typename: "ProxySession", serviceSid: "KS1", sid: KC }],
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", field: "serviceSid" });
  });
});
