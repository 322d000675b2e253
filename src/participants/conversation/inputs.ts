import { Field, InputType } from "type-graphql";
import { DateTimeScalar, JSONScalar } from "../../scalars.js";
import type { JsonValue } from "../../twilio/form.js";
import { e164, length, messagingAddress, sid, sidOrName } from "../../validation/formats.js";
import { Check, CheckObject, Nested } from "../../validation/rules.js";

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

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Sent as the X-Twilio-Webhook-Enabled header. A REST call fires the conversation webhooks only when this is true.",
  })
  webhookEnabled?: boolean;
}
