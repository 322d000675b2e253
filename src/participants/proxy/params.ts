import { argsType, inputType } from "../../params/input-class.js";
import { form, path, text } from "../../params/param.js";
import { length, messagingAddress, sid } from "../../validation/formats.js";

/** Which session: Proxy paths carry no account, the credentials name it. */
const session = {
  serviceSid: path(text, {
    required: true,
    description: "The Proxy service (KS…).",
    rules: [sid("KS")],
  }),
  sessionSid: path(text, {
    required: true,
    description: "The session within that service (KC…).",
    rules: [sid("KC")],
  }),
};

const participantRef = {
  ...session,
  sid: path(text, { required: true, description: "The participant (KP…).", rules: [sid("KP")] }),
};

/** Create parameters in the spec's (and twilio-node's) order. */
export const AddProxyParticipantInput = inputType(
  "AddProxyParticipantInput",
  {
    ...session,
    identifier: form("Identifier", text, {
      required: true,
      description:
        "An E.164 phone number or a channel address such as whatsapp:+15558675310 or messenger:1234; at most 191 characters.",
      // Twilio stores at most 191 characters for an identifier.
      rules: [messagingAddress, length(1, 191)],
    }),
    friendlyName: form("FriendlyName", text, {
      description: "At most 255 characters. Twilio asks that it hold no personal data.",
      rules: [length(0, 255)],
    }),
    proxyIdentifier: form("ProxyIdentifier", text, {
      description:
        "The masked number to use; Proxy picks one from the service's pool when omitted.",
      rules: [messagingAddress],
    }),
    proxyIdentifierSid: form("ProxyIdentifierSid", text, {
      description: "The SID (PN…) of the service's number to use as proxy identifier.",
      rules: [sid("PN")],
    }),
  },
  { description: "Adds a phone number or channel address to a Proxy session." },
);

export const RemoveProxyParticipantInput = inputType(
  "RemoveProxyParticipantInput",
  participantRef,
  { description: "Removes a participant from its Proxy session." },
);

export const ProxySessionArgs = argsType("ProxySessionArgs", session);

export const ProxyParticipantArgs = argsType("ProxyParticipantArgs", participantRef);
