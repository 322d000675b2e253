import { loadersFor, requireCredentials } from "../../graphql/context.js";
import type { EntityResolver } from "../../graphql/entity.js";

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
