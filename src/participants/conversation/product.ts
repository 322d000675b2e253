import type { ParticipantProduct } from "../product.js";
import { addMutation, type AddSpec } from "../resolvers/add-mutation.js";
import { fetchQuery } from "../resolvers/fetch-query.js";
import { listQuery, type ListSpec } from "../resolvers/list-query.js";
import { parentParticipants } from "../resolvers/parent-participants.js";
import { removeMutation } from "../resolvers/remove-mutation.js";
import { updateMutation } from "../resolvers/update-mutation.js";
import { conversationCallbacks } from "./callbacks.js";
import { Conversation } from "./parent.js";
import {
  ADD_ORDER,
  AddConversationParticipantInput,
  ConversationParticipantArgs,
  ConversationParticipantsArgs,
  RemoveConversationParticipantInput,
  SERVICE_UPDATE_ORDER,
  UpdateConversationParticipantInput,
} from "./params.js";
import {
  conversationParticipantCache as cache,
  conversationParticipantKey as key,
  conversationParticipants as resource,
} from "./resource.js";
import { ConversationParticipant } from "./types.js";

const type = ConversationParticipant;
/** One participant, named by its key: what its fetch, update and remove share. */
const keyed = { type, resource, key, cache };
const list: ListSpec<typeof ConversationParticipantsArgs.params, ConversationParticipant> = {
  type,
  resource,
  args: ConversationParticipantsArgs,
};
const add: AddSpec<typeof AddConversationParticipantInput.params, ConversationParticipant> = {
  resource,
  input: AddConversationParticipantInput,
  order: ADD_ORDER,
};

/** Conversations participants: `conversations.twilio.com/v1/[Services/{IS}/]Conversations/{CH}/Participants`. */
export const conversationProduct: ParticipantProduct = {
  name: "conversation",
  resolvers: [
    fetchQuery({
      description:
        "One participant of a Conversation by SID (MB…) or identity; null when it does not exist.",
      args: ConversationParticipantArgs,
      ...keyed,
    }),
    listQuery({
      ...list,
      description: "The participants of a Conversation, in the default or the given service.",
    }),
    addMutation({
      ...add,
      description:
        "Adds a participant to a Conversation (POST /v1/Conversations/{CH}/Participants, or under /v1/Services/{IS}/ when chatServiceSid is given).",
      type,
    }),
    updateMutation({
      description:
        "Changes a Conversation participant's attributes, role, binding addresses, identity or read horizon.",
      input: UpdateConversationParticipantInput,
      ...keyed,
      order: (input) => (input.chatServiceSid ? SERVICE_UPDATE_ORDER : undefined),
    }),
    removeMutation({
      description:
        "Removes a participant from a Conversation. Returns the participant as it was just before; NOT_FOUND when already gone.",
      input: RemoveConversationParticipantInput,
      ...keyed,
      // Twilio documents the identity in place of the SID for fetches only: delete by the SID.
      deleteKey: (asked, participant) =>
        participant.sid ? { ...asked, sid: participant.sid } : asked,
    }),
    parentParticipants({
      parent: Conversation,
      description:
        "The conversation's participants, like `conversationParticipants`; cursors are shared.",
      list,
      listArgs: (conversation) => ({
        conversationSid: conversation.sid,
        chatServiceSid: conversation.chatServiceSid,
      }),
    }),
  ],
  orphanedTypes: [Conversation],
  entities: [
    {
      // `@key(fields: "conversationSid sid")` and `@key(fields: "chatServiceSid conversationSid sid")`:
      // without a service (or with a null one, as Twilio reports a default-service participant)
      // the default Conversation Service's path is used; the account is the caller's own.
      typeName: "ConversationParticipant",
      resolveReference: (representation, context) =>
        cache.load(context, {
          chatServiceSid:
            representation.chatServiceSid === undefined || representation.chatServiceSid === null
              ? null
              : String(representation.chatServiceSid),
          conversationSid: String(representation.conversationSid),
          sid: String(representation.sid),
        }),
    },
    {
      // Nothing to fetch: a conversation reference is all its `participants` field needs.
      typeName: "Conversation",
      resolveReference: (representation) => ({
        sid: String(representation.sid),
        chatServiceSid:
          typeof representation.chatServiceSid === "string" ? representation.chatServiceSid : null,
      }),
    },
  ],
  add: add as ParticipantProduct["add"],
  callbacks: conversationCallbacks,
  explorer: {
    field: "addConversationParticipant",
    arguments: {
      input: {
        conversationSid: `CH${"0".repeat(31)}1`,
        messagingBinding: { address: "+15558675310", proxyAddress: "+15017122661" },
        attributes: { customerId: "c-1001", vip: true },
      },
    },
  },
};
