import { argsType, inputType } from "../../params/input-class.js";
import { bool, dateTime, form, header, int, json, nested, path, text } from "../../params/param.js";
import { wireOrder } from "../../params/wire.js";
import {
  e164,
  length,
  messagingAddress,
  minInt,
  sid,
  sidOrName,
  sidOrNameNote,
} from "../../validation/formats.js";

const webhookEnabled = header("X-Twilio-Webhook-Enabled", bool, {
  description:
    "Sent as the X-Twilio-Webhook-Enabled header. A REST call fires the conversation webhooks only when this is true.",
});

const conversationSid = path(text, {
  required: true,
  description: `The conversation's SID (CH…) or its unique name. ${sidOrNameNote("CH")}`,
  rules: [sidOrName("CH", "conversation unique name")],
});

/** Which conversation: in the default Conversation Service, or the given one. */
const conversation = {
  conversationSid,
  chatServiceSid: path(text, {
    description:
      "The Conversation Service (IS…) the conversation belongs to; leave out for the default service.",
    rules: [sid("IS")],
  }),
};

/** An identity may well be another system's id shaped like a SID of another kind. */
const IDENTITY = { otherKinds: "allow" } as const;

/** Names one participant: by MB SID or by identity. */
const participantRef = {
  ...conversation,
  sid: path(text, {
    required: true,
    description: `The participant's SID (MB…) or its identity. ${sidOrNameNote("MB", IDENTITY)}`,
    rules: [sidOrName("MB", "participant identity", IDENTITY)],
  }),
};

const identity = (description: string) =>
  form("Identity", text, { description, rules: [length(1, 256)] });
const roleSid = form("RoleSid", text, {
  description: "A conversation-level role (RL…).",
  rules: [sid("RL")],
});
const PROJECTED_ADDRESS = "The Twilio number that stands for a chat participant in a group MMS.";
const PROXY_ADDRESS = "The Twilio number or channel address the participant talks to.";

/** What Twilio documents as the value that removes a binding address: the text `null`. */
const CLEARS =
  " An explicit null removes it (sent as the text `null`, Twilio's way to clear it); leave the field out to keep it.";
const clearable = (value: string | null) => (value === null ? "null" : value);

const addParams = {
  conversationSid,
  chatServiceSid: path(text, {
    description:
      "A Conversation Service (IS…): adds the participant through that service's API rather than the default service's.",
    rules: [sid("IS")],
  }),
  identity: identity("The Conversations user identity, up to 256 characters."),
  messagingBinding: nested({
    typeName: "MessagingBindingInput",
    description:
      "Where a non-chat participant's messages go: sent as Twilio's MessagingBinding.* parameters.",
    fields: {
      address: form("MessagingBinding.Address", text, {
        description: "The participant's own number or channel address, e.g. whatsapp:+15558675310.",
        rules: [messagingAddress],
      }),
      proxyAddress: form("MessagingBinding.ProxyAddress", text, {
        description: PROXY_ADDRESS,
        rules: [messagingAddress],
      }),
      projectedAddress: form("MessagingBinding.ProjectedAddress", text, {
        description: PROJECTED_ADDRESS,
        rules: [e164],
      }),
    },
  }),
  dateCreated: form("DateCreated", dateTime, { description: "Backdates the participant." }),
  dateUpdated: form("DateUpdated", dateTime),
  attributes: form("Attributes", json, {
    description: "Any JSON value; Twilio stores it as JSON text.",
  }),
  roleSid,
  webhookEnabled,
};

export const AddConversationParticipantInput = inputType(
  "AddConversationParticipantInput",
  addParams,
  {
    description:
      "Adds a chat user (identity) or an SMS/WhatsApp address (messagingBinding) to a Conversation.",
    // Twilio cannot create a participant that has neither a chat identity nor a device address.
    rules: [
      (input) =>
        (input.identity === undefined || input.identity === null) &&
        ((input.messagingBinding as { address?: unknown } | null | undefined)?.address ?? null) ===
          null
          ? [{ field: "identity", message: "is required unless messagingBinding.address is given" }]
          : [],
    ],
  },
);

/** Create parameters in the spec's (and twilio-node's) order. */
export const ADD_ORDER = wireOrder(addParams, [
  "Identity",
  "MessagingBinding.Address",
  "MessagingBinding.ProxyAddress",
  "DateCreated",
  "DateUpdated",
  "Attributes",
  "MessagingBinding.ProjectedAddress",
  "RoleSid",
]);

/** In the order of the spec's UpdateConversationParticipant (twilio-node's). */
const updateParams = {
  ...participantRef,
  dateCreated: form("DateCreated", dateTime),
  dateUpdated: form("DateUpdated", dateTime),
  attributes: form("Attributes", json, {
    description: "Any JSON value; replaces the stored attributes and is sent as JSON text.",
  }),
  roleSid,
  messagingBinding: nested({
    typeName: "MessagingBindingUpdateInput",
    description:
      "Changes a participant's messaging binding: sent as Twilio's MessagingBinding.* update parameters.",
    fields: {
      proxyAddress: form("MessagingBinding.ProxyAddress", text, {
        description: PROXY_ADDRESS + CLEARS,
        rules: [messagingAddress],
        encode: clearable,
      }),
      projectedAddress: form("MessagingBinding.ProjectedAddress", text, {
        description: PROJECTED_ADDRESS + CLEARS,
        rules: [e164],
        encode: clearable,
      }),
    },
  }),
  identity: identity(
    "A Conversations user identity, up to 256 characters; Twilio lets only a participant without one (e.g. a group MMS one) get one.",
  ),
  lastReadMessageIndex: form("LastReadMessageIndex", int, {
    description:
      "Index of the last message the participant has read (0 or more). An explicit null is sent as an empty value, exactly as twilio-node sends a null option.",
    rules: [minInt(0)],
  }),
  lastReadTimestamp: form("LastReadTimestamp", text, {
    description: "Timestamp of the last message the participant has read, as Twilio takes it.",
  }),
  webhookEnabled,
};

export const UpdateConversationParticipantInput = inputType(
  "UpdateConversationParticipantInput",
  updateParams,
  { description: "Changes a participant of a Conversation." },
);

/**
 * The service-scoped update takes the same parameters, but the spec (and so twilio-node's
 * service participant) lists them in another order: Identity comes third.
 */
export const SERVICE_UPDATE_ORDER = wireOrder(updateParams, [
  "DateCreated",
  "DateUpdated",
  "Identity",
  "Attributes",
  "RoleSid",
  "MessagingBinding.ProxyAddress",
  "MessagingBinding.ProjectedAddress",
  "LastReadMessageIndex",
  "LastReadTimestamp",
]);

export const RemoveConversationParticipantInput = inputType(
  "RemoveConversationParticipantInput",
  { ...participantRef, webhookEnabled },
  { description: "Removes a participant from a Conversation." },
);

export const ConversationParticipantsArgs = argsType("ConversationParticipantsArgs", conversation);

export const ConversationParticipantArgs = argsType("ConversationParticipantArgs", participantRef);
