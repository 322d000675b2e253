import { beforeEach, describe, expect, it } from "vitest";
import {
  FakeTwilio,
  twilioError,
  type CapturedRequest,
  twilioErrorDetails,
} from "../support/fake-twilio.js";
import { theFormPost } from "../support/twilio-requests.js";
import { useGatewayOnFakeTwilio } from "../support/gateway.js";
import { checkedInOperation } from "../support/operations.js";

const KD = "KD" + "a".repeat(32);
const UO = (n: number) => "UO" + n.toString(16).padStart(32, "0");
const UT = (n: number) => "UT" + n.toString(16).padStart(32, "0");
const WT = "WT" + "d".repeat(32);
const WK = "WK" + "e".repeat(32);
const HOST = "https://flex-api.twilio.com";
const base = (channelSid: string) => `/v1/Interactions/${KD}/Channels/${channelSid}/Participants`;

const LIST = checkedInOperation("interaction.graphql", "InteractionParticipants");
const UPDATE = checkedInOperation("interaction.graphql", "UpdateInteractionParticipant");

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on InteractionParticipant { sid type } }
}`;

/** Which participants each channel holds, and of which type, in the fake's answers. */
const TYPES: Record<string, string> = {
  [UT(1)]: "customer",
  [UT(2)]: "agent",
  [UT(3)]: "supervisor",
  [UT(4)]: "customer",
  [UT(5)]: "external",
};

/** A channel participant as Flex answers it (the shape of the spec's `read` example). */
function participant(channelSid: string, sid: string) {
  return {
    sid,
    channel_sid: channelSid,
    interaction_sid: KD,
    type: TYPES[sid] ?? "unknown",
    routing_properties:
      TYPES[sid] === "agent" ? { task_sid: WT, worker_sid: WK, reservation_sid: null } : null,
    url: `${HOST}${base(channelSid)}/${sid}`,
  };
}

/** One page of Flex's v1 list answer; `next` is the absolute next_page_url or null. */
function page(channelSid: string, sids: string[], next: string | null) {
  return {
    status: 200,
    body: {
      participants: sids.map((sid) => participant(channelSid, sid)),
      meta: {
        page: 0,
        page_size: 50,
        first_page_url: `${HOST}${base(channelSid)}?PageSize=50&Page=0`,
        previous_page_url: null,
        url: `${HOST}${base(channelSid)}?PageSize=50&Page=0`,
        next_page_url: next,
        key: "participants",
      },
    },
  };
}

const channelOf = (request: CapturedRequest) =>
  /Channels\/(UO[0-9a-f]{32})\//.exec(request.url)![1]!;

const representation = (channelSid: string, sid: string) => ({
  __typename: "InteractionParticipant",
  interactionSid: KD,
  channelSid,
  sid,
});

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake, { TWILIO_TIMEOUT_MS: "300" });
beforeEach(() => {
  fake.reset();
  fake.setFallback({ status: 500, body: "no answer queued" });
});

type ListData = {
  interactionParticipants: {
    edges: Array<{ cursor: string; node: { sid: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe("updateInteractionParticipant", () => {
  it("closes a participant with Status=closed and maps Flex's answer", async () => {
    fake.reply({ status: 200, body: participant(UO(1), UT(2)) });
    const result = await gateway.graphql(UPDATE, {
      input: { interactionSid: KD, channelSid: UO(1), sid: UT(2), status: "CLOSED" },
    });
    expect(result.errors).toBeUndefined();
    const request = theFormPost(fake, `${base(UO(1))}/${UT(2)}`);
    expect(request.body).toBe("Status=closed");
    expect(result.data).toEqual({
      updateInteractionParticipant: {
        __typename: "InteractionParticipant",
        sid: UT(2),
        kind: "INTERACTION",
        type: "AGENT",
        interactionSid: KD,
        channelSid: UO(1),
        routingProperties: { task_sid: WT, worker_sid: WK, reservation_sid: null },
        url: `${HOST}${base(UO(1))}/${UT(2)}`,
      },
    });
  });

  it("sends Status=wrapup for WRAPUP", async () => {
    fake.reply({ status: 200, body: participant(UO(1), UT(2)) });
    const result = await gateway.graphql(UPDATE, {
      input: { interactionSid: KD, channelSid: UO(1), sid: UT(2), status: "WRAPUP" },
    });
    expect(result.errors).toBeUndefined();
    expect(fake.requests[0]!.body).toBe("Status=wrapup");
  });

  // Changed deliberately: an update of a participant that does not exist was TWILIO_API_ERROR;
  // the one not-found rule makes it NOT_FOUND, as a removal is, with Twilio's details kept.
  it("says NOT_FOUND for an unknown participant, with Flex's 404 under extensions.twilio", async () => {
    fake.reply(twilioError(404, 20404, "The requested resource was not found"));
    const result = await gateway.graphql(UPDATE, {
      input: { interactionSid: KD, channelSid: UO(1), sid: UT(9), status: "CLOSED" },
    });
    expect(result.data).toEqual({ updateInteractionParticipant: null });
    expect(result.errors![0]!.message).toBe(`Interaction participant ${UT(9)} was not found`);
    expect(result.errors![0]!.extensions).toEqual({
      code: "NOT_FOUND",
      outcome: "REJECTED",
      twilio: twilioErrorDetails(404, 20404, "The requested resource was not found"),
    });
  });

  it("never retries an update that may have reached Flex", async () => {
    fake.reply({ status: 500, body: "<html><body>Internal error</body></html>" });
    const result = await gateway.graphql(UPDATE, {
      input: { interactionSid: KD, channelSid: UO(1), sid: UT(2), status: "CLOSED" },
    });
    expect(result.errors![0]!.extensions).toEqual({
      code: "UPSTREAM_UNAVAILABLE",
      outcome: "UNKNOWN",
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("rejects every bad SID at once, and an unknown status, sending nothing", async () => {
    const result = await gateway.graphql(UPDATE, {
      input: {
        interactionSid: UO(1),
        channelSid: "UO",
        sid: "UT" + "x".repeat(32),
        status: "CLOSED",
      },
    });
    expect(result.data).toEqual({ updateInteractionParticipant: null });
    expect(result.errors!.map((e) => e.message)).toEqual([
      "input.interactionSid: must be a KD SID: KD followed by 32 hex digits",
      "input.channelSid: must be a UO SID: UO followed by 32 hex digits",
      "input.sid: must be a UT SID: UT followed by 32 hex digits",
    ]);
    expect(result.errors!.every((e) => e.extensions!.code === "BAD_USER_INPUT")).toBe(true);

    const badStatus = await gateway.graphql(UPDATE, {
      input: { interactionSid: KD, channelSid: UO(1), sid: UT(2), status: "closed" },
    });
    expect(badStatus.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(fake.requests).toHaveLength(0);
  });
});

describe("interactionParticipants", () => {
  it("pages through a channel with opaque cursors bound to that channel", async () => {
    fake.reply(
      page(UO(1), [UT(1), UT(2)], `${HOST}${base(UO(1))}?PageSize=2&Page=1&PageToken=PAUT2`),
      page(UO(1), [UT(3)], null),
    );
    const first = await gateway.graphql<ListData>(LIST, {
      interactionSid: KD,
      channelSid: UO(1),
      first: 2,
    });
    expect(first.errors).toBeUndefined();
    const firstPage = first.data!.interactionParticipants;
    expect(firstPage.edges.map((e) => e.node.sid)).toEqual([UT(1), UT(2)]);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);

    const second = await gateway.graphql<ListData>(LIST, {
      interactionSid: KD,
      channelSid: UO(1),
      first: 2,
      after: firstPage.pageInfo.endCursor,
    });
    expect(second.data!.interactionParticipants.edges.map((e) => e.node.sid)).toEqual([UT(3)]);
    expect(second.data!.interactionParticipants.pageInfo.hasNextPage).toBe(false);
    expect(fake.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["GET", `${base(UO(1))}?PageSize=2&Page=0`, ""],
      ["GET", `${base(UO(1))}?PageSize=2&Page=1&PageToken=PAUT2`, ""],
    ]);

    fake.reset();
    const otherChannel = await gateway.graphql(LIST, {
      interactionSid: KD,
      channelSid: UO(2),
      first: 2,
      after: firstPage.pageInfo.endCursor,
    });
    expect(otherChannel.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    expect(fake.requests).toHaveLength(0);
  });

  it("maps every field of a listed participant and asks for 50 by default", async () => {
    fake.reply(page(UO(1), [UT(2)], null));
    const result = await gateway.graphql(LIST, { interactionSid: KD, channelSid: UO(1) });
    expect(result.data).toMatchObject({
      interactionParticipants: {
        edges: [
          {
            node: {
              sid: UT(2),
              type: "AGENT",
              interactionSid: KD,
              channelSid: UO(1),
              routingProperties: { task_sid: WT, worker_sid: WK, reservation_sid: null },
              url: `${HOST}${base(UO(1))}/${UT(2)}`,
            },
          },
        ],
        pageInfo: { hasNextPage: false },
      },
    });
    expect(fake.requests[0]!.url).toBe(`${base(UO(1))}?PageSize=50&Page=0`);
  });

  it("takes 1000 at most and reports bad SIDs and a bad first together", async () => {
    fake.reply(page(UO(1), [], null));
    const largest = await gateway.graphql(LIST, {
      interactionSid: KD,
      channelSid: UO(1),
      first: 1000,
    });
    expect(largest.errors).toBeUndefined();
    expect(fake.requests[0]!.url).toBe(`${base(UO(1))}?PageSize=1000&Page=0`);

    fake.reset();
    const result = await gateway.graphql(LIST, {
      interactionSid: "KD1",
      channelSid: KD,
      first: 1001,
    });
    expect(result.errors!.map((e) => e.message)).toEqual([
      "interactionSid: must be a KD SID: KD followed by 32 hex digits",
      "channelSid: must be a UO SID: UO followed by 32 hex digits",
      "first: must be an integer from 1 to 1000",
    ]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("InteractionParticipant as a Federation entity", () => {
  const CHANNELS: Record<string, string[]> = {
    [UO(1)]: [UT(1), UT(2), UT(3)],
    [UO(2)]: [UT(4), UT(5)],
  };

  it("resolves five representations over two channels with exactly two list reads", async () => {
    fake.setFallback((request) => page(channelOf(request), CHANNELS[channelOf(request)]!, null));
    const result = await gateway.graphql(ENTITIES, {
      representations: [
        representation(UO(1), UT(1)),
        representation(UO(2), UT(4)),
        representation(UO(1), UT(3)),
        representation(UO(2), UT(5)),
        representation(UO(1), UT(2)),
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { sid: UT(1), type: "CUSTOMER" },
        { sid: UT(4), type: "CUSTOMER" },
        { sid: UT(3), type: "SUPERVISOR" },
        { sid: UT(5), type: "EXTERNAL" },
        { sid: UT(2), type: "AGENT" },
      ],
    });
    expect(fake.requests.map((r) => [r.method, r.url]).sort()).toEqual([
      ["GET", `${base(UO(1))}?PageSize=1000&Page=0`],
      ["GET", `${base(UO(2))}?PageSize=1000&Page=0`],
    ]);
  });

  it("reads every page of a channel, and answers null for a participant it does not hold", async () => {
    fake.reply(
      page(UO(1), [UT(1)], `${HOST}${base(UO(1))}?PageSize=1000&Page=1&PageToken=PAUT1`),
      page(UO(1), [UT(2)], null),
    );
    const result = await gateway.graphql(ENTITIES, {
      representations: [representation(UO(1), UT(2)), representation(UO(1), UT(9))],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ sid: UT(2), type: "AGENT" }, null] });
    expect(fake.requests.map((r) => r.url)).toEqual([
      `${base(UO(1))}?PageSize=1000&Page=0`,
      `${base(UO(1))}?PageSize=1000&Page=1&PageToken=PAUT1`,
    ]);
  });

  it("answers null for the participants of a channel Flex does not know", async () => {
    fake.reply(twilioError(404, 20404, "The requested resource was not found"));
    const result = await gateway.graphql(ENTITIES, {
      representations: [representation(UO(7), UT(1)), representation(UO(7), UT(2))],
    });
    expect(result).toEqual({ status: 200, data: { _entities: [null, null] } });
    expect(fake.requests).toHaveLength(1);
  });

  it("fails only the entities of a channel whose list fails", async () => {
    fake.setFallback((request) =>
      channelOf(request) === UO(1)
        ? twilioError(403, 20403, "Forbidden")
        : page(channelOf(request), CHANNELS[channelOf(request)]!, null),
    );
    const result = await gateway.graphql(ENTITIES, {
      representations: [
        representation(UO(1), UT(1)),
        representation(UO(2), UT(4)),
        representation(UO(1), UT(2)),
        representation(UO(2), UT(5)),
      ],
    });
    expect(result.data).toEqual({
      _entities: [null, { sid: UT(4), type: "CUSTOMER" }, null, { sid: UT(5), type: "EXTERNAL" }],
    });
    expect(result.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([
      [["_entities", 0], "TWILIO_API_ERROR"],
      [["_entities", 2], "TWILIO_API_ERROR"],
    ]);
    expect(fake.requests).toHaveLength(2);
  });
});
