import { Kind, type ObjectTypeDefinitionNode, parse, print } from "graphql";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeTwilio, twilioError, twilioErrorDetails } from "../support/fake-twilio.js";
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  type GraphQLResult,
  useGatewayOnFakeTwilio,
} from "../support/gateway.js";
import { checkedInOperation } from "../support/operations.js";

const CH = "CH" + "a".repeat(32);
const OTHER_CH = "CH" + "e".repeat(32);
const IS = "IS" + "d".repeat(32);
const RL = "RL" + "c".repeat(32);
const MB = (n: number) => "MB" + n.toString(16).padStart(32, "0");

const BASE = `/v1/Conversations/${CH}/Participants`;
const SERVICE_BASE = `/v1/Services/${IS}/Conversations/${CH}/Participants`;
const TWILIO = "https://conversations.twilio.com";

const FETCH = checkedInOperation("conversation.graphql", "ConversationParticipant");
const LIST = checkedInOperation("conversation.graphql", "ConversationParticipants");
const UPDATE = checkedInOperation("conversation.graphql", "UpdateConversationParticipant");
const REMOVE = checkedInOperation("conversation.graphql", "RemoveConversationParticipant");

/** A participant as Twilio answers for it; a service-scoped one also carries chat_service_sid. */
function participant(sid: string, extra: Record<string, unknown> = {}) {
  return {
    account_sid: ACCOUNT_SID,
    conversation_sid: CH,
    sid,
    identity: null,
    attributes: "{}",
    messaging_binding: { type: "sms", address: "+15558675310", proxy_address: "+15017122661" },
    role_sid: RL,
    date_created: "2016-03-24T21:05:50Z",
    date_updated: "2016-03-24T21:05:50Z",
    url: `${TWILIO}${BASE}/${sid}`,
    last_read_message_index: null,
    last_read_timestamp: null,
    ...extra,
  };
}

/** One page of Twilio's v1 list: paging lives in `meta`, the next page as an absolute URL. */
function page(sids: string[], nextPageUrl: string | null, extra: Record<string, unknown> = {}) {
  return {
    status: 200,
    body: {
      meta: {
        page: 0,
        page_size: sids.length,
        first_page_url: `${TWILIO}${BASE}?PageSize=2&Page=0`,
        previous_page_url: null,
        url: `${TWILIO}${BASE}?PageSize=2&Page=0`,
        next_page_url: nextPageUrl,
        key: "participants",
      },
      participants: sids.map((sid) => participant(sid, extra)),
    },
  };
}

const BASIC = "Basic " + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64");

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake);
beforeEach(() => {
  fake.reset();
  fake.setFallback({ status: 500, body: "no answer queued" });
});

type ListResult = {
  conversationParticipants: {
    edges: Array<{ cursor: string; node: { sid: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe("fetching one conversation participant", () => {
  it("GETs it by SID and maps every field", async () => {
    fake.reply({
      status: 200,
      body: participant(MB(1), {
        identity: "alice",
        attributes: '{ "role": "driver" }',
        messaging_binding: null,
        last_read_message_index: 4,
        last_read_timestamp: "2016-03-24T21:06:00Z",
      }),
    });
    const result = await gateway.graphql(FETCH, { conversationSid: CH, sid: MB(1) });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      conversationParticipant: {
        sid: MB(1),
        accountSid: ACCOUNT_SID,
        conversationSid: CH,
        chatServiceSid: null,
        identity: "alice",
        attributes: { role: "driver" },
        messagingBinding: null,
        roleSid: RL,
        dateCreated: "2016-03-24T21:05:50.000Z",
        dateUpdated: "2016-03-24T21:05:50.000Z",
        url: `${TWILIO}${BASE}/${MB(1)}`,
        lastReadMessageIndex: 4,
        lastReadTimestamp: "2016-03-24T21:06:00Z",
      },
    });
    const [request] = fake.requests;
    expect(request!.method).toBe("GET");
    expect(request!.url).toBe(`${BASE}/${MB(1)}`);
    expect(request!.headers.authorization).toBe(BASIC);
    expect(request!.headers.accept).toBe("application/json");
    expect(request!.headers).not.toHaveProperty("x-twilio-webhook-enabled");
    expect(request!.body).toBe("");
  });

  it("GETs it by identity in a conversation named by unique name, both percent-encoded", async () => {
    fake.reply({ status: 200, body: participant(MB(1), { identity: "ana/b c?" }) });
    const result = await gateway.graphql(FETCH, {
      conversationSid: "Support room #7",
      sid: "ana/b c?",
    });
    expect(result.errors).toBeUndefined();
    expect(fake.requests[0]!.url).toBe(
      "/v1/Conversations/Support%20room%20%237/Participants/ana%2Fb%20c%3F",
    );
  });

  it("GETs it through a Conversation Service when chatServiceSid is given", async () => {
    fake.reply({
      status: 200,
      body: participant(MB(1), { chat_service_sid: IS, url: `${TWILIO}${SERVICE_BASE}/${MB(1)}` }),
    });
    const result = await gateway.graphql(FETCH, {
      conversationSid: CH,
      sid: MB(1),
      chatServiceSid: IS,
    });
    expect(result.data).toMatchObject({
      conversationParticipant: { sid: MB(1), chatServiceSid: IS },
    });
    expect(fake.requests.map((r) => [r.method, r.url])).toEqual([
      ["GET", `${SERVICE_BASE}/${MB(1)}`],
    ]);
  });

  it("answers null for a participant Twilio does not know", async () => {
    fake.reply(twilioError(404, 20404, "The requested resource was not found"));
    const result = await gateway.graphql(FETCH, { conversationSid: CH, sid: "nobody" });
    expect(result).toEqual({ status: 200, data: { conversationParticipant: null } });
    expect(fake.requests.map((r) => r.url)).toEqual([`${BASE}/nobody`]);
  });

  it("rejects malformed SIDs by argument and sends nothing", async () => {
    const result = await gateway.graphql(FETCH, {
      conversationSid: "CH" + "z".repeat(32),
      sid: "MB" + "z".repeat(32),
      chatServiceSid: "IS1",
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors!.map((e) => e.extensions)).toEqual([
      { code: "BAD_USER_INPUT", field: "conversationSid" },
      { code: "BAD_USER_INPUT", field: "chatServiceSid" },
      { code: "BAD_USER_INPUT", field: "sid" },
    ]);
  });

  it("fetches each distinct participant once however often one operation asks for it", async () => {
    fake.setFallback((request) => ({
      status: 200,
      body: participant(request.url.split("/").at(-1)!),
    }));
    const result = await gateway.graphql(`{
      a: conversationParticipant(conversationSid: "${CH}", sid: "${MB(1)}") { sid }
      b: conversationParticipant(conversationSid: "${CH}", sid: "${MB(1)}") { identity }
      c: conversationParticipant(conversationSid: "${CH}", sid: "${MB(2)}") { sid }
      d: conversationParticipant(conversationSid: "${CH}", sid: "${MB(1)}", chatServiceSid: "${IS}") { sid }
      e: conversationParticipant(conversationSid: "${CH}", sid: "${MB(1)}", chatServiceSid: "${IS}") { url }
    }`);
    expect(result.errors).toBeUndefined();
    expect(fake.requests.map((r) => r.url).sort()).toEqual([
      `${BASE}/${MB(1)}`,
      `${BASE}/${MB(2)}`,
      `${SERVICE_BASE}/${MB(1)}`,
    ]);
  });

  it("keeps one participant's failure to its own field", async () => {
    fake.setFallback((request) =>
      request.url.endsWith(MB(2))
        ? { status: 500, body: "<html><body>Internal Server Error</body></html>" }
        : { status: 200, body: participant(MB(1)) },
    );
    const result = await gateway.graphql(`{
      ok: conversationParticipant(conversationSid: "${CH}", sid: "${MB(1)}") { sid }
      bad: conversationParticipant(conversationSid: "${CH}", sid: "${MB(2)}") { sid }
    }`);
    expect(result.data).toEqual({ ok: { sid: MB(1) }, bad: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.path).toEqual(["bad"]);
    expect(result.errors![0]!.extensions!.code).toBe("UPSTREAM_UNAVAILABLE");
  });
});

describe("listing a conversation's participants", () => {
  it("pages through Twilio's v1 pages with cursors bound to that conversation", async () => {
    const next = (pageNumber: number, token: string) =>
      `${TWILIO}${BASE}?PageSize=2&Page=${pageNumber}&PageToken=${token}`;
    fake.reply(
      page([MB(1), MB(2)], next(1, "PTone")),
      page([MB(3), MB(4)], next(2, "PTtwo")),
      page([MB(5)], null),
    );
    const seen: string[] = [];
    let after: string | null = null;
    let hasNextPage = true;
    for (let round = 0; hasNextPage && round < 5; round++) {
      const result: GraphQLResult<ListResult> = await gateway.graphql<ListResult>(LIST, {
        conversationSid: CH,
        first: 2,
        after,
      });
      expect(result.errors).toBeUndefined();
      const connection = result.data!.conversationParticipants;
      seen.push(...connection.edges.map((edge) => edge.node.sid));
      ({ hasNextPage, endCursor: after } = connection.pageInfo);
    }
    expect(seen).toEqual([MB(1), MB(2), MB(3), MB(4), MB(5)]);
    expect(fake.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["GET", `${BASE}?PageSize=2&Page=0`, ""],
      ["GET", `${BASE}?PageSize=2&Page=1&PageToken=PTone`, ""],
      ["GET", `${BASE}?PageSize=2&Page=2&PageToken=PTtwo`, ""],
    ]);
    expect(fake.requests[0]!.headers.authorization).toBe(BASIC);

    fake.reset();
    const cursor = (await listFirstPage({ conversationSid: CH })).pageInfo.endCursor;
    fake.reset();
    const elsewhere = [{ conversationSid: OTHER_CH }, { conversationSid: CH, chatServiceSid: IS }];
    for (const conversation of elsewhere) {
      const result = await gateway.graphql(LIST, { ...conversation, first: 2, after: cursor });
      expect(result.errors!.map((e) => e.extensions)).toEqual([
        { code: "BAD_USER_INPUT", field: "after" },
      ]);
    }
    expect(fake.requests).toHaveLength(0);
  });

  async function listFirstPage(conversation: Record<string, string>) {
    fake.reply(page([MB(1), MB(2)], `${TWILIO}${BASE}?PageSize=2&Page=1&PageToken=PTone`));
    const result = await gateway.graphql<ListResult>(LIST, { ...conversation, first: 2 });
    return result.data!.conversationParticipants;
  }

  it("lists a service's conversation at its own path, 50 a page unless asked", async () => {
    fake.reply(page([MB(1)], null, { chat_service_sid: IS }));
    const result = await gateway.graphql(
      `{ conversationParticipants(conversationSid: "${CH}", chatServiceSid: "${IS}") {
          edges { node { sid chatServiceSid } } pageInfo { hasNextPage }
        } }`,
    );
    expect(result.data).toEqual({
      conversationParticipants: {
        edges: [{ node: { sid: MB(1), chatServiceSid: IS } }],
        pageInfo: { hasNextPage: false },
      },
    });
    expect(fake.requests.map((r) => [r.method, r.url])).toEqual([
      ["GET", `${SERVICE_BASE}?PageSize=50&Page=0`],
    ]);
  });

  it("takes up to 100 a page, Conversations' limit, and rejects more before sending", async () => {
    fake.reply(page([], null));
    const most = await gateway.graphql(LIST, { conversationSid: CH, first: 100 });
    expect(most.errors).toBeUndefined();
    expect(fake.requests.map((r) => r.url)).toEqual([`${BASE}?PageSize=100&Page=0`]);

    fake.reset();
    for (const first of [101, 0]) {
      const result = await gateway.graphql(LIST, { conversationSid: CH, first });
      expect(result.errors!.map((e) => e.extensions)).toEqual([
        { code: "BAD_USER_INPUT", field: "first" },
      ]);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("reports a bad conversation and a bad page size together", async () => {
    const result = await gateway.graphql(LIST, {
      conversationSid: "CH" + "z".repeat(32),
      first: 101,
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors!.map((e) => e.extensions!.field)).toEqual(["conversationSid", "first"]);
  });
});

describe("updating a conversation participant", () => {
  const EVERY_PARAMETER = {
    conversationSid: CH,
    sid: "alice smith",
    dateCreated: "2024-03-05T06:07:08.123+02:00",
    dateUpdated: "2024-03-05T04:07:09Z",
    attributes: { role: "agent", tags: ["a b"] },
    roleSid: RL,
    messagingBinding: { proxyAddress: "whatsapp:+15017122661", projectedAddress: "+15017122662" },
    identity: "ana/1 b",
    lastReadMessageIndex: 12,
    lastReadTimestamp: "2024-03-05T04:07:10Z",
    webhookEnabled: true,
  };

  it("sends every parameter in the order of UpdateConversationParticipant", async () => {
    fake.reply({
      status: 200,
      body: participant(MB(1), {
        identity: "ana/1 b",
        attributes: '{"role":"agent","tags":["a b"]}',
        last_read_message_index: 12,
      }),
    });
    const result = await gateway.graphql(UPDATE, { input: EVERY_PARAMETER });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateConversationParticipant).toMatchObject({
      sid: MB(1),
      identity: "ana/1 b",
      attributes: { role: "agent", tags: ["a b"] },
      lastReadMessageIndex: 12,
    });
    const [request] = fake.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe(`${BASE}/alice%20smith`);
    expect(request!.headers.authorization).toBe(BASIC);
    expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request!.headers["x-twilio-webhook-enabled"]).toBe("true");
    expect(request!.body).toBe(
      [
        "DateCreated=2024-03-05T04%3A07%3A08Z",
        "DateUpdated=2024-03-05T04%3A07%3A09Z",
        "Attributes=%7B%22role%22%3A%22agent%22%2C%22tags%22%3A%5B%22a%20b%22%5D%7D",
        `RoleSid=${RL}`,
        "MessagingBinding.ProxyAddress=whatsapp%3A%2B15017122661",
        "MessagingBinding.ProjectedAddress=%2B15017122662",
        "Identity=ana%2F1%20b",
        "LastReadMessageIndex=12",
        "LastReadTimestamp=2024-03-05T04%3A07%3A10Z",
      ].join("&"),
    );
  });

  it("follows UpdateServiceConversationParticipant's own order under a service", async () => {
    fake.reply({ status: 200, body: participant(MB(1), { chat_service_sid: IS }) });
    const result = await gateway.graphql(UPDATE, {
      input: { ...EVERY_PARAMETER, chatServiceSid: IS, webhookEnabled: false },
    });
    expect(result.errors).toBeUndefined();
    const [request] = fake.requests;
    expect(request!.url).toBe(`${SERVICE_BASE}/alice%20smith`);
    expect(request!.headers["x-twilio-webhook-enabled"]).toBe("false");
    expect(request!.body).toBe(
      [
        "DateCreated=2024-03-05T04%3A07%3A08Z",
        "DateUpdated=2024-03-05T04%3A07%3A09Z",
        "Identity=ana%2F1%20b",
        "Attributes=%7B%22role%22%3A%22agent%22%2C%22tags%22%3A%5B%22a%20b%22%5D%7D",
        `RoleSid=${RL}`,
        "MessagingBinding.ProxyAddress=whatsapp%3A%2B15017122661",
        "MessagingBinding.ProjectedAddress=%2B15017122662",
        "LastReadMessageIndex=12",
        "LastReadTimestamp=2024-03-05T04%3A07%3A10Z",
      ].join("&"),
    );
  });

  it("clears binding addresses with Twilio's `null` text and sends a null index empty", async () => {
    fake.reply({ status: 200, body: participant(MB(1), { messaging_binding: null }) });
    const result = await gateway.graphql(UPDATE, {
      input: {
        conversationSid: CH,
        sid: MB(1),
        messagingBinding: { proxyAddress: null, projectedAddress: null },
        lastReadMessageIndex: null,
      },
    });
    expect(result.errors).toBeUndefined();
    const [request] = fake.requests;
    expect(request!.headers).not.toHaveProperty("x-twilio-webhook-enabled");
    expect(request!.body).toBe(
      "MessagingBinding.ProxyAddress=null&MessagingBinding.ProjectedAddress=null&LastReadMessageIndex=",
    );
  });

  it("sends only what is given", async () => {
    fake.reply({ status: 200, body: participant(MB(1)) });
    await gateway.graphql(UPDATE, {
      input: {
        conversationSid: CH,
        sid: MB(1),
        messagingBinding: { projectedAddress: "+15017122662" },
      },
    });
    expect(fake.requests[0]!.body).toBe("MessagingBinding.ProjectedAddress=%2B15017122662");
  });

  it("rejects every bad field at once, nested ones by their path, and sends nothing", async () => {
    const result = await gateway.graphql(UPDATE, {
      input: {
        conversationSid: "CH" + "z".repeat(32),
        chatServiceSid: "IS1",
        sid: "MB" + "z".repeat(32),
        roleSid: "RL1",
        messagingBinding: { proxyAddress: "not an address", projectedAddress: "whatsapp:+1555" },
        identity: "x".repeat(257),
        lastReadMessageIndex: -1,
      },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.data).toEqual({ updateConversationParticipant: null });
    expect(result.errors!.map((e) => e.extensions)).toEqual(
      [
        "input.conversationSid",
        "input.chatServiceSid",
        "input.sid",
        "input.roleSid",
        "input.identity",
        "input.lastReadMessageIndex",
        "input.messagingBinding.proxyAddress",
        "input.messagingBinding.projectedAddress",
      ].map((field) => ({ code: "BAD_USER_INPUT", field, outcome: "NOT_SENT" })),
    );
    expect(result.errors![5]!.message).toBe(
      "input.lastReadMessageIndex: must be an integer of at least 0",
    );
  });

  it("passes Twilio's refusal through with its code", async () => {
    fake.reply(twilioError(400, 50444, "Failed to add an identity to a participant"));
    const result = await gateway.graphql(UPDATE, {
      input: { conversationSid: CH, sid: MB(1), identity: "bob" },
    });
    expect(result.data).toEqual({ updateConversationParticipant: null });
    expect(result.errors![0]!.extensions).toEqual({
      code: "TWILIO_API_ERROR",
      outcome: "REJECTED",
      twilio: twilioErrorDetails(400, 50444, "Failed to add an identity to a participant"),
    });
  });

  it("primes the request's loader with the updated participant under its SID and identity", async () => {
    fake.reply({ status: 200, body: participant(MB(1), { identity: "alice" }) }, { status: 204 });
    const result = await gateway.graphql(`mutation {
      updated: updateConversationParticipant(input: { conversationSid: "${CH}", sid: "${MB(1)}", identity: "alice" }) { sid }
      removed: removeConversationParticipant(input: { conversationSid: "${CH}", sid: "alice" }) { sid identity }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      updated: { sid: MB(1) },
      removed: { sid: MB(1), identity: "alice" },
    });
    // No GET: the removal found the participant the update had just returned.
    expect(fake.requests.map((r) => [r.method, r.url])).toEqual([
      ["POST", `${BASE}/${MB(1)}`],
      ["DELETE", `${BASE}/${MB(1)}`],
    ]);
  });

  it("never writes the auth token or the participant's data to the log", async () => {
    fake.reply(twilioError(400, 50444, "Failed to add an identity to a participant"));
    await gateway.graphql(UPDATE, {
      input: {
        conversationSid: CH,
        sid: "alice-private",
        attributes: { ssn: "078-05-1120" },
      },
    });
    const log = gateway.logLines.join("\n");
    expect(log).toContain("conversation.participant.update");
    expect(log).not.toContain(AUTH_TOKEN);
    expect(log).not.toContain("alice-private");
    expect(log).not.toContain("078-05-1120");
  });
});

describe("removing a conversation participant", () => {
  it("reads it, DELETEs it by SID with the webhook header, and returns it as it was", async () => {
    fake.reply(
      { status: 200, body: participant(MB(1), { identity: "alice", messaging_binding: null }) },
      { status: 204 },
    );
    const result = await gateway.graphql(REMOVE, {
      input: { conversationSid: CH, sid: "alice", webhookEnabled: false },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      removeConversationParticipant: {
        sid: MB(1),
        conversationSid: CH,
        chatServiceSid: null,
        identity: "alice",
        messagingBinding: null,
      },
    });
    expect(fake.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["GET", `${BASE}/alice`, ""],
      ["DELETE", `${BASE}/${MB(1)}`, ""],
    ]);
    expect(fake.requests[0]!.headers).not.toHaveProperty("x-twilio-webhook-enabled");
    expect(fake.requests[1]!.headers["x-twilio-webhook-enabled"]).toBe("false");
    expect(fake.requests[1]!.headers.authorization).toBe(BASIC);
  });

  it("removes through a Conversation Service when chatServiceSid is given", async () => {
    fake.reply(
      { status: 200, body: participant(MB(1), { chat_service_sid: IS }) },
      { status: 204 },
    );
    const result = await gateway.graphql(REMOVE, {
      input: { conversationSid: CH, chatServiceSid: IS, sid: MB(1), webhookEnabled: true },
    });
    expect(result.errors).toBeUndefined();
    expect(fake.requests.map((r) => [r.method, r.url])).toEqual([
      ["GET", `${SERVICE_BASE}/${MB(1)}`],
      ["DELETE", `${SERVICE_BASE}/${MB(1)}`],
    ]);
    expect(fake.requests[1]!.headers["x-twilio-webhook-enabled"]).toBe("true");
  });

  it("says NOT_FOUND and deletes nothing when the participant does not exist", async () => {
    fake.reply(twilioError(404, 20404, "The requested resource was not found"));
    const result = await gateway.graphql(REMOVE, { input: { conversationSid: CH, sid: MB(9) } });
    expect(result.data).toEqual({ removeConversationParticipant: null });
    // Found missing by the read that comes first: the DELETE was never sent.
    expect(result.errors!.map((e) => e.extensions)).toEqual([
      { code: "NOT_FOUND", outcome: "NOT_SENT" },
    ]);
    expect(fake.requests.map((r) => r.method)).toEqual(["GET"]);
  });

  it("says NOT_FOUND when the participant is gone by the time of the DELETE", async () => {
    fake.reply(
      { status: 200, body: participant(MB(1)) },
      twilioError(404, 20404, "The requested resource was not found"),
    );
    const result = await gateway.graphql(REMOVE, { input: { conversationSid: CH, sid: MB(1) } });
    // Twilio's own 404 to the DELETE is kept under extensions.twilio.
    expect(result.errors!.map((e) => e.extensions)).toEqual([
      {
        code: "NOT_FOUND",
        outcome: "REJECTED",
        twilio: twilioErrorDetails(404, 20404, "The requested resource was not found"),
      },
    ]);
    expect(fake.requests.map((r) => r.method)).toEqual(["GET", "DELETE"]);
  });

  it("rejects a malformed reference before reading anything", async () => {
    const result = await gateway.graphql(REMOVE, {
      input: {
        conversationSid: CH,
        sid: "MB" + "z".repeat(32),
        chatServiceSid: "CH" + "a".repeat(32),
      },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors!.map((e) => e.extensions!.field)).toEqual([
      "input.chatServiceSid",
      "input.sid",
    ]);
  });
});

describe("ConversationParticipant as a Federation entity", () => {
  it("resolves N representations with one read per distinct participant, under either key", async () => {
    fake.setFallback((request) => {
      const sid = request.url.split("/").at(-1)!;
      const scoped = request.url.startsWith("/v1/Services/");
      return {
        status: 200,
        body: participant(sid, scoped ? { chat_service_sid: IS } : {}),
      };
    });
    /** A representation under the first key, or the second when a service is given. */
    const reference = (sid: string, service?: { chatServiceSid: string | null }) => ({
      __typename: "ConversationParticipant",
      conversationSid: CH,
      sid,
      ...service,
    });
    const representations = [
      reference(MB(1)),
      reference(MB(2)),
      reference(MB(1)),
      reference(MB(1), { chatServiceSid: IS }),
      reference(MB(2)),
      reference(MB(1), { chatServiceSid: IS }),
      // Twilio reports no service for a default-service participant: the same as the first key.
      reference(MB(1), { chatServiceSid: null }),
    ];
    const result = await gateway.graphql<{
      _entities: Array<{ sid: string; chatServiceSid: string | null }>;
    }>(
      `query($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on ConversationParticipant { sid chatServiceSid }
        }
      }`,
      { representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual(
      representations.map((r) => ({
        sid: r.sid,
        chatServiceSid: "chatServiceSid" in r ? r.chatServiceSid : null,
      })),
    );
    expect(fake.requests.map((r) => r.url).sort()).toEqual([
      `${BASE}/${MB(1)}`,
      `${BASE}/${MB(2)}`,
      `${SERVICE_BASE}/${MB(1)}`,
    ]);
  });

  it("declares both keys in the subgraph SDL", async () => {
    const result = await gateway.graphql<{ _service: { sdl: string } }>("{ _service { sdl } }");
    const type = parse(result.data!._service.sdl).definitions.find(
      (definition) =>
        definition.kind === Kind.OBJECT_TYPE_DEFINITION &&
        definition.name.value === "ConversationParticipant",
    ) as ObjectTypeDefinitionNode;
    expect(type.directives!.map((directive) => print(directive))).toEqual([
      '@key(fields: "conversationSid sid")',
      '@key(fields: "chatServiceSid conversationSid sid")',
    ]);
  });
});
