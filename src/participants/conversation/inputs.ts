import { ArgsType, Field, InputType, Int } from "type-graphql";
import { DateTimeScalar, JSONScalar } from "../../graphql/scalars.js";
import type { JsonValue } from "../../twilio/response-fields.js";
import {
  e164,
  length,
  messagingAddress,
  minInt,
  sid,
  sidOrName,
} from "../../validation/formats.js";
import { Check, CheckObject, Nested } from "../../validation/rules.js";

const WEBHOOK_ENABLED_DESCRIPTION =
  "Sent as the X-Twilio-Webhook-Enabled header. A REST call fires the conversation webhooks only when this is true.";

@InputType({
  description:
    "Where a non-chat participant's messages go: sent as Twilio's MessagingBinding.* parameters.",
})
export class MessagingBindingInput {
  @Field(() => String, {
    nullable: true,
    description: "The participant's own number or channel address, e.g. whatsapp:+15558675310.",
  })
  @Check(messagingAddress)
  address?: string;

  @Field(() => String, {
    nullable: true,
    description: "The Twilio number or channel address the participant talks to.",
  })
  @Check(messagingAddress)
  proxyAddress?: string;

  @Field(() => String, {
    nullable: true,
    description: "The Twilio number that stands for a chat participant in a group MMS.",
  })
  @Check(e164)
  projectedAddress?: string;
}

@InputType({
  description:
    "Adds a chat user (identity) or an SMS/WhatsApp address (messagingBinding) to a Conversation.",
})
// Twilio cannot create a participant that has neither a chat identity nor a device address.
@CheckObject<AddConversationParticipantInput>((input) =>
  (input.identity === undefined || input.identity === null) &&
  (input.messagingBinding?.address === undefined || input.messagingBinding.address === null)
    ? [{ field: "identity", message: "is required unless messagingBinding.address is given" }]
    : [],
)
export class AddConversationParticipantInput {
  @Field(() => String, {
    description: "The conversation's SID (CH…) or its unique name.",
  })
  @Check(sidOrName("CH", "conversation unique name"))
  conversationSid: string;

  @Field(() => String, {
    nullable: true,
    description:
      "A Conversation Service (IS…): adds the participant through that service's API rather than the default service's.",
  })
  @Check(sid("IS"))
  chatServiceSid?: string;

  @Field(() => String, {
    nullable: true,
    description: "The Conversations user identity, up to 256 characters.",
  })
  @Check(length(1, 256))
  identity?: string;

  @Field(() => MessagingBindingInput, { nullable: true })
  @Nested(() => MessagingBindingInput)
  messagingBinding?: MessagingBindingInput;

  @Field(() => DateTimeScalar, { nullable: true, description: "Backdates the participant." })
  dateCreated?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  dateUpdated?: Date;

  @Field(() => JSONScalar, {
    nullable: true,
    description: "Any JSON value; Twilio stores it as JSON text.",
  })
  attributes?: JsonValue;

  @Field(() => String, { nullable: true, description: "A conversation-level role (RL…)." })
  @Check(sid("RL"))
  roleSid?: string;

  @Field(() => Boolean, { nullable: true, description: WEBHOOK_ENABLED_DESCRIPTION })
  webhookEnabled?: boolean;
}

@InputType({
  description:
    "Changes a participant's messaging binding: sent as Twilio's MessagingBinding.* update parameters.",
})
export class MessagingBindingUpdateInput {
  @Field(() => String, {
    nullable: true,
    description:
      "The Twilio number or channel address the participant talks to. An explicit null removes it (sent as the text `null`, Twilio's way to clear it); leave the field out to keep it.",
  })
  @Check(messagingAddress)
  proxyAddress?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The Twilio number that stands for a chat participant in a group MMS. An explicit null removes it (sent as the text `null`, Twilio's way to clear it); leave the field out to keep it.",
  })
  @Check(e164)
  projectedAddress?: string | null;
}

/**
 * Names one conversation participant: by MB SID or by identity, in the default Conversation
 * Service or a given one. The argument and input types below inherit its fields and rules;
 * type-graphql only passes input fields down from an @InputType, and as no field uses this one
 * it stays out of the schema.
 */
@InputType("ConversationParticipantRef")
export abstract class ConversationParticipantRef {
  @Field(() => String, { description: "The conversation's SID (CH…) or its unique name." })
  @Check(sidOrName("CH", "conversation unique name"))
  conversationSid: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The Conversation Service (IS…) the conversation belongs to; leave out for the default service.",
  })
  @Check(sid("IS"))
  chatServiceSid?: string | null;

  @Field(() => String, { description: "The participant's SID (MB…) or its identity." })
  @Check(sidOrName("MB", "participant identity"))
  sid: string;
}

/** Which conversation's participants to list; the paging arguments are ConnectionArgs. */
@ArgsType()
export class ConversationParticipantsArgs {
  @Field(() => String, { description: "The conversation's SID (CH…) or its unique name." })
  @Check(sidOrName("CH", "conversation unique name"))
  conversationSid: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The Conversation Service (IS…) the conversation belongs to; leave out for the default service.",
  })
  @Check(sid("IS"))
  chatServiceSid?: string | null;
}

/** The same three fields as ConversationParticipantRef, as query arguments. */
@ArgsType()
export class ConversationParticipantArgs extends ConversationParticipantsArgs {
  @Field(() => String, { description: "The participant's SID (MB…) or its identity." })
  @Check(sidOrName("MB", "participant identity"))
  sid: string;
}

@InputType({ description: "Changes a participant of a Conversation." })
export class UpdateConversationParticipantInput extends ConversationParticipantRef {
  @Field(() => DateTimeScalar, { nullable: true })
  dateCreated?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  dateUpdated?: Date | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description: "Any JSON value; replaces the stored attributes and is sent as JSON text.",
  })
  attributes?: JsonValue;

  @Field(() => String, { nullable: true, description: "A conversation-level role (RL…)." })
  @Check(sid("RL"))
  roleSid?: string | null;

  @Field(() => MessagingBindingUpdateInput, { nullable: true })
  @Nested(() => MessagingBindingUpdateInput)
  messagingBinding?: MessagingBindingUpdateInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A Conversations user identity, up to 256 characters; Twilio lets only a participant without one (e.g. a group MMS one) get one.",
  })
  @Check(length(1, 256))
  identity?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Index of the last message the participant has read (0 or more). An explicit null is sent as an empty value, exactly as twilio-node sends a null option.",
  })
  @Check(minInt(0))
  lastReadMessageIndex?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Timestamp of the last message the participant has read, as Twilio takes it.",
  })
  lastReadTimestamp?: string | null;

  @Field(() => Boolean, { nullable: true, description: WEBHOOK_ENABLED_DESCRIPTION })
  webhookEnabled?: boolean | null;
}

@InputType({ description: "Removes a participant from a Conversation." })
export class RemoveConversationParticipantInput extends ConversationParticipantRef {
  @Field(() => Boolean, { nullable: true, description: WEBHOOK_ENABLED_DESCRIPTION })
  webhookEnabled?: boolean | null;
}
