import { twilioEnum } from "../../params/twilio-enum.js";

// Twilio's exact wire values, in Twilio's order; the GraphQL names are derived from them.

export const InteractionParticipantType = twilioEnum(
  "InteractionParticipantType",
  "supervisor customer external agent unknown",
);

/** The states a channel participant can be moved to by an update. */
export const InteractionParticipantStatus = twilioEnum(
  "InteractionParticipantStatus",
  "closed wrapup",
);
