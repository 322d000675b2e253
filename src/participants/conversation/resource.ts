import { twilioPath } from "../../twilio/path.js";
import { date, integer, jsonText, text, type TwilioJson } from "../../twilio/response-fields.js";
import { ownSid, pathKey } from "../key-fields.js";
import { fetchCache, type ParticipantCache } from "../participant-cache.js";
import { participantResource } from "../resource.js";
import { readMessagingBinding, restBinding } from "./messaging-binding.js";
import { CONVERSATION, type ConversationParticipant } from "./types.js";

/** Which conversation, in the default Conversation Service or the given one. */
export interface ConversationRef {
  chatServiceSid?: string | null;
  conversationSid: string;
}

/**
 * What identifies a conversation participant at Twilio: `sid` may also be its identity and
 * `conversationSid` the conversation's unique name; no service means the default one. The
 * account is the one the request's credentials name.
 */
export interface ConversationParticipantKey extends ConversationRef {
  sid: string;
}

/**
 * ISO 8601 dates, an absolute `url`, attributes stored as JSON text. The request's path stands
 * in for key fields the answer lacks; only the service-scoped API reports `chat_service_sid`,
 * so a default-service participant has none.
 */
function readConversationParticipant(
  answer: TwilioJson,
  requested: ConversationRef & { sid?: string },
): ConversationParticipant {
  return {
    kind: CONVERSATION,
    sid: ownSid("conversations", "MB", text(answer, "sid"), requested.sid),
    accountSid: text(answer, "account_sid"),
    conversationSid: pathKey(text(answer, "conversation_sid"), requested.conversationSid),
    chatServiceSid: text(answer, "chat_service_sid") ?? requested.chatServiceSid ?? null,
    identity: text(answer, "identity"),
    attributes: jsonText(answer, "attributes"),
    messagingBinding: readMessagingBinding(restBinding(answer)),
    roleSid: text(answer, "role_sid"),
    dateCreated: date(answer, "date_created"),
    dateUpdated: date(answer, "date_updated"),
    url: text(answer, "url"),
    lastReadMessageIndex: integer(answer, "last_read_message_index"),
    lastReadTimestamp: text(answer, "last_read_timestamp"),
  };
}

/** `sid` may be an identity and `conversationSid` a unique name: twilioPath percent-encodes both. */
export const conversationParticipants = participantResource<
  ConversationRef,
  ConversationParticipantKey,
  ConversationParticipant
>({
  product: "conversations",
  name: "conversation.participant",
  listPath: (ref) =>
    ref.chatServiceSid
      ? twilioPath`/v1/Services/${ref.chatServiceSid}/Conversations/${ref.conversationSid}/Participants`
      : twilioPath`/v1/Conversations/${ref.conversationSid}/Participants`,
  instancePath: (key) =>
    key.chatServiceSid
      ? twilioPath`/v1/Services/${key.chatServiceSid}/Conversations/${key.conversationSid}/Participants/${key.sid}`
      : twilioPath`/v1/Conversations/${key.conversationSid}/Participants/${key.sid}`,
  maxPageSize: 100,
  read: (answer, _twilio, requested) => readConversationParticipant(answer, requested),
  describe: (key) => `Conversation participant ${key.sid}`,
});

/** Only the fields that name the participant, out of an argument or input object. */
export function conversationParticipantKey(
  ref: ConversationParticipantKey,
): ConversationParticipantKey {
  return {
    chatServiceSid: ref.chatServiceSid ?? null,
    conversationSid: ref.conversationSid,
    sid: ref.sid,
  };
}

/** JSON rather than a joined string: a unique name or an identity may contain any separator. */
const fetched = fetchCache(conversationParticipants, (key: ConversationParticipantKey) =>
  JSON.stringify([key.chatServiceSid ?? null, key.conversationSid, key.sid]),
);

/** A participant answers to its SID and to its identity, so it is cached under both. */
export const conversationParticipantCache: ParticipantCache<
  ConversationParticipantKey,
  ConversationParticipant
> = {
  load: fetched.load,
  updated(context, key, participant) {
    const loader = fetched.loader(context);
    // The update may have given the participant a new identity, so the name it was asked by
    // is forgotten and the ones it now answers to are primed.
    loader.clear(key);
    for (const name of [participant.sid, participant.identity]) {
      if (name) loader.clear({ ...key, sid: name }).prime({ ...key, sid: name }, participant);
    }
  },
  removed(context, key, participant) {
    const loader = fetched.loader(context);
    for (const name of [key.sid, participant.sid, participant.identity]) {
      if (name) loader.clear({ ...key, sid: name });
    }
  },
};
