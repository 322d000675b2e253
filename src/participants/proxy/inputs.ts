import { ArgsType, Field, InputType } from "type-graphql";
import { length, messagingAddress, sid } from "../../validation/formats.js";
import { Check } from "../../validation/rules.js";

@InputType({ description: "Adds a phone number or channel address to a Proxy session." })
export class AddProxyParticipantInput {
  @Field(() => String, { description: "The Proxy service (KS…)." })
  @Check(sid("KS"))
  serviceSid: string;

  @Field(() => String, { description: "The session within that service (KC…)." })
  @Check(sid("KC"))
  sessionSid: string;

  @Field(() => String, {
    description:
      "An E.164 phone number or a channel address such as whatsapp:+15558675310 or messenger:1234; at most 191 characters.",
  })
  // Twilio stores at most 191 characters for an identifier.
  @Check(messagingAddress, length(1, 191))
  identifier: string;

  @Field(() => String, {
    nullable: true,
    description: "At most 255 characters. Twilio asks that it hold no personal data.",
  })
  @Check(length(0, 255))
  friendlyName?: string;

  @Field(() => String, {
    nullable: true,
    description: "The masked number to use; Proxy picks one from the service's pool when omitted.",
  })
  @Check(messagingAddress)
  proxyIdentifier?: string;

  @Field(() => String, {
    nullable: true,
    description: "The SID (PN…) of the service's number to use as proxy identifier.",
  })
  @Check(sid("PN"))
  proxyIdentifierSid?: string;
}

/**
 * The same three fields as ProxyParticipantArgs: type-graphql keeps argument and input types
 * apart, so an input cannot inherit from arguments.
 */
@InputType({ description: "Removes a participant from its Proxy session." })
export class RemoveProxyParticipantInput {
  @Field(() => String, { description: "The Proxy service (KS…)." })
  @Check(sid("KS"))
  serviceSid: string;

  @Field(() => String, { description: "The session within that service (KC…)." })
  @Check(sid("KC"))
  sessionSid: string;

  @Field(() => String, { description: "The participant (KP…)." })
  @Check(sid("KP"))
  sid: string;
}

/** Which session's participants to list; the paging arguments are ConnectionArgs. */
@ArgsType()
export class ProxySessionArgs {
  @Field(() => String, { description: "The Proxy service (KS…)." })
  @Check(sid("KS"))
  serviceSid: string;

  @Field(() => String, { description: "The session within that service (KC…)." })
  @Check(sid("KC"))
  sessionSid: string;
}

/** Names one participant of a Proxy session, as query arguments. */
@ArgsType()
export class ProxyParticipantArgs extends ProxySessionArgs {
  @Field(() => String, { description: "The participant (KP…)." })
  @Check(sid("KP"))
  sid: string;
}
