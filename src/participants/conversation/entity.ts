import { loadersFor } from "../../graphql/context.js";
import type { EntityResolver } from "../../graphql/entity.js";

/**
 * `@key(fields: "conversationSid sid")` and `@key(fields: "chatServiceSid conversationSid sid")`:
 * without a service (or with a null one, as Twilio reports a default-service participant) the
 * default Conversation Service's path is used; the account is the caller's own.
 */
export const conversationParticipantEntity: EntityResolver = {
  typeName: "ConversationParticipant",
  resolveReference(representation, context) {
    const { chatServiceSid } = representation;
    return loadersFor(context).conversationParticipant.load({
      chatServiceSid:
        chatServiceSid === undefined || chatServiceSid === null ? null : String(chatServiceSid),
      conversationSid: String(representation.conversationSid),
      sid: String(representation.sid),
    });
  },
};
