import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { JSONScalar } from "../../graphql/scalars.js";
import type { JsonValue } from "../../twilio/response-fields.js";
import { Participant, participantKind } from "../participant.js";
import { ConversationMessagingBinding } from "./messaging-binding.js";

export const CONVERSATION = participantKind("CONVERSATION", "ConversationParticipant");

// A participant of the default Conversation Service is named by the first key (Twilio reports
// no service for it); one of another service needs the second. `chatServiceSid` is the one
// nullable key field: Federation 2 allows it, and null there means the default service, whose
// SID Twilio does not report (filling it in would cost a Configuration read per participant).
@Directive('@key(fields: "conversationSid sid")')
@Directive('@key(fields: "chatServiceSid conversationSid sid")')
@ObjectType({
  implements: Participant,
  description:
    "A chat user or messaging address taking part in a Twilio Conversation. Its `sid` is MB….",
})
export class ConversationParticipant implements Participant {
  sid: string;
  kind: typeof CONVERSATION;
  accountSid: string | null;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  url: string | null;

  @Field(() => ID, { description: "The conversation's SID (CH…): a key field." })
  conversationSid: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The Conversation Service (IS…) when it is not the account's default one; null for the default service (a key field of the second key).",
  })
  chatServiceSid: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The Conversations user identity; null for an SMS or WhatsApp participant.",
  })
  identity: string | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description: "The participant's metadata: Twilio stores it as JSON text, returned here parsed.",
  })
  attributes: JsonValue | null;

  @Field(() => ConversationMessagingBinding, {
    nullable: true,
    description: "How the participant exchanges messages; null for a chat (SDK) participant.",
  })
  messagingBinding: ConversationMessagingBinding | null;

  @Field(() => String, { nullable: true, description: "The conversation-level role (RL…)." })
  roleSid: string | null;

  @Field(() => Int, { nullable: true })
  lastReadMessageIndex: number | null;

  @Field(() => String, { nullable: true })
  lastReadTimestamp: string | null;
}
