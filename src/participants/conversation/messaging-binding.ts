import { Field, ObjectType } from "type-graphql";

/**
 * A Conversations participant's messaging binding, one shape wherever Twilio reports it: the
 * REST answer's `messaging_binding` object (snake_case, lower-case type) and the webhooks'
 * `MessagingBinding.*` parameters (upper-case type) are both read by `readMessagingBinding`.
 */
@ObjectType({
  description:
    "How a non-chat participant exchanges messages: Twilio's `messaging_binding`, field by field.",
})
export class ConversationMessagingBinding {
  @Field(() => String, {
    nullable: true,
    description:
      'The channel in lower case, as Twilio\'s REST API reports it: "sms", "whatsapp", "rcs", … (an open set).',
  })
  type: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The participant's own phone number or channel address, e.g. whatsapp:+15558675310.",
  })
  address: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The Twilio number or channel address the participant talks to.",
  })
  proxyAddress: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The Twilio number that stands for a chat participant in a group MMS.",
  })
  projectedAddress: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The binding's name, where Twilio reports one (Event Streams' `Name`).",
  })
  name: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The binding's level, where Twilio reports one (Event Streams' `Level`).",
  })
  level: string | null;
}

/** Each field: its REST key and its webhook parameter. */
const FIELDS = {
  type: ["type", "MessagingBinding.Type"],
  address: ["address", "MessagingBinding.Address"],
  proxyAddress: ["proxy_address", "MessagingBinding.ProxyAddress"],
  projectedAddress: ["projected_address", "MessagingBinding.ProjectedAddress"],
  name: ["name", "MessagingBinding.Name"],
  level: ["level", "MessagingBinding.Level"],
} as const satisfies Record<keyof ConversationMessagingBinding, readonly [string, string]>;

type BindingField = keyof typeof FIELDS;

/** Where a binding's values come from: each field's value by its REST key and webhook name. */
export type BindingSource = (restKey: string, webhookName: string) => string | null;

/**
 * The binding, or null when there is none: a binding that names nothing but its type (a
 * webhook's `CHAT`) is none, as Twilio's REST answer gives null for a chat participant.
 */
export function readMessagingBinding(source: BindingSource): ConversationMessagingBinding | null {
  const binding = {} as ConversationMessagingBinding;
  for (const [field, [restKey, webhookName]] of Object.entries(FIELDS) as Array<
    [BindingField, readonly [string, string]]
  >) {
    binding[field] = source(restKey, webhookName);
  }
  const { type, ...addresses } = binding;
  if (Object.values(addresses).every((value) => value === null)) return null;
  return { ...binding, type: type === null ? null : type.toLowerCase() };
}

/** REST's `messaging_binding` object as a binding source (a field that is not text reads null). */
export function restBinding(answer: Readonly<Record<string, unknown>>): BindingSource {
  const object = answer.messaging_binding;
  const binding =
    typeof object === "object" && object !== null ? (object as Record<string, unknown>) : {};
  return (restKey) => {
    const value = binding[restKey];
    return typeof value === "string" ? value : null;
  };
}
