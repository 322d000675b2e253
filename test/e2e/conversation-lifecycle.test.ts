import { describe, expect, it } from "vitest";
import { checkedInOperation } from "../support/operations.js";
import { useSimulatorApp } from "../support/simulator-app.js";

const IS = "IS" + "5".repeat(32);

const ADD = checkedInOperation("conversation.graphql", "AddConversationParticipant");
const FETCH = checkedInOperation("conversation.graphql", "ConversationParticipant");
const LIST = checkedInOperation("conversation.graphql", "ConversationParticipants");
const UPDATE = checkedInOperation("conversation.graphql", "UpdateConversationParticipant");
const REMOVE = checkedInOperation("conversation.graphql", "RemoveConversationParticipant");

interface Participant {
  sid: string;
  chatServiceSid: string | null;
  identity: string | null;
  attributes: unknown;
  messagingBinding: unknown;
  lastReadMessageIndex: number | null;
}

const simulator = useSimulatorApp();
const { graphql } = simulator;

/** Each run gets its own conversation, so the two scopes below cannot see each other's data. */
const conversationSid = (digit: string) => "CH" + digit.repeat(32);

describe.each([
  // An address pair may belong to one conversation of the account only: each run has its own.
  {
    scope: "the default Conversation Service",
    chatServiceSid: null,
    ch: conversationSid("3"),
    address: "+15558675313",
  },
  {
    scope: "a named Conversation Service",
    chatServiceSid: IS,
    ch: conversationSid("4"),
    address: "+15558675314",
  },
])("a conversation participant's lifecycle in $scope", ({ chatServiceSid, ch, address }) => {
  const where = { conversationSid: ch, chatServiceSid };

  it("adds, lists, updates, fetches (by SID and identity), removes, and then finds nothing", async () => {
    const added = await graphql<{ addConversationParticipant: Participant }>(ADD, {
      input: { ...where, identity: "alice", attributes: { role: "guest" } },
    });
    expect(added.errors).toBeUndefined();
    const sid = added.data!.addConversationParticipant.sid;
    expect(sid).toMatch(/^MB[0-9a-f]{32}$/);
    expect(added.data!.addConversationParticipant.chatServiceSid).toBe(chatServiceSid);
    const sms = await graphql(ADD, {
      input: {
        ...where,
        messagingBinding: { address, proxyAddress: "+15017122661" },
      },
    });
    expect(sms.errors).toBeUndefined();

    const listed = await graphql<{
      conversationParticipants: {
        edges: Array<{
          node: Pick<Participant, "sid" | "identity" | "attributes" | "messagingBinding">;
        }>;
      };
    }>(LIST, where);
    expect(listed.errors).toBeUndefined();
    const nodes = listed.data!.conversationParticipants.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(2);
    expect(nodes).toContainEqual({
      sid,
      identity: "alice",
      messagingBinding: null,
      attributes: { role: "guest" },
    });

    const updated = await graphql<{ updateConversationParticipant: Participant }>(UPDATE, {
      input: { ...where, sid, attributes: { role: "lead" }, lastReadMessageIndex: 3 },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateConversationParticipant).toMatchObject({
      sid,
      attributes: { role: "lead" },
      lastReadMessageIndex: 3,
    });

    for (const name of [sid, "alice"]) {
      const fetched = await graphql<{ conversationParticipant: Participant }>(FETCH, {
        ...where,
        sid: name,
      });
      expect(fetched.errors).toBeUndefined();
      expect(fetched.data!.conversationParticipant).toMatchObject({
        sid,
        chatServiceSid,
        identity: "alice",
        attributes: { role: "lead" },
        lastReadMessageIndex: 3,
      });
    }

    // twilio-node sends an explicit null as an empty value, which clears the index.
    const cleared = await graphql<{ updateConversationParticipant: Participant }>(UPDATE, {
      input: { ...where, sid, lastReadMessageIndex: null },
    });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updateConversationParticipant.lastReadMessageIndex).toBeNull();

    const removed = await graphql<{ removeConversationParticipant: Participant }>(REMOVE, {
      input: { ...where, sid: "alice", webhookEnabled: false },
    });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeConversationParticipant).toMatchObject({ sid, identity: "alice" });

    const after = await graphql(FETCH, { ...where, sid });
    expect(after).toEqual({ data: { conversationParticipant: null } });
    const again = await graphql(REMOVE, { input: { ...where, sid } });
    expect(again.errors![0]!.extensions).toEqual({ code: "NOT_FOUND", outcome: "NOT_SENT" });
  });

  it("removes a group-MMS projected address with an explicit null", async () => {
    // A conversation of its own, so the lifecycle test's list sees only its own participants.
    const where = { chatServiceSid, conversationSid: `${ch.slice(0, -1)}f` };
    const added = await graphql<{ addConversationParticipant: Participant }>(ADD, {
      input: { ...where, identity: "bob", messagingBinding: { projectedAddress: "+15017122662" } },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data!.addConversationParticipant.messagingBinding).toEqual({
      type: "sms",
      address: null,
      proxyAddress: null,
      projectedAddress: "+15017122662",
      name: null,
      level: null,
    });

    const cleared = await graphql<{ updateConversationParticipant: Participant }>(UPDATE, {
      input: { ...where, sid: "bob", messagingBinding: { projectedAddress: null } },
    });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updateConversationParticipant.messagingBinding).toBeNull();
  });
});

it("keeps a service's participants out of the default service's conversation of that SID", async () => {
  const ch = conversationSid("6");
  const added = await graphql<{ addConversationParticipant: Participant }>(ADD, {
    input: { conversationSid: ch, chatServiceSid: IS, identity: "carol" },
  });
  expect(added.errors).toBeUndefined();
  const elsewhere = await graphql(FETCH, { conversationSid: ch, sid: "carol" });
  expect(elsewhere).toEqual({ data: { conversationParticipant: null } });
  const there = await graphql(FETCH, { conversationSid: ch, sid: "carol", chatServiceSid: IS });
  expect(there.data).toMatchObject({ conversationParticipant: { identity: "carol" } });
});
