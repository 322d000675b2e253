import { loadersFor, requireCredentials } from "../../context.js";
import type { EntityResolver } from "../entity.js";

/** `@key(fields: "conferenceSid callSid")`: the account is the caller's own. */
export const conferenceParticipantEntity: EntityResolver = {
  typeName: "ConferenceParticipant",
  resolveReference(representation, context) {
    return loadersFor(context).conferenceParticipant.load({
      accountSid: requireCredentials(context).accountSid,
      conferenceSid: String(representation.conferenceSid),
      callSid: String(representation.callSid),
    });
  },
};
