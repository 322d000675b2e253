import { registerEnumType } from "type-graphql";

// GraphQL names are the enum keys; the values are Twilio's exact wire strings.

export enum InteractionParticipantType {
  SUPERVISOR = "supervisor",
  CUSTOMER = "customer",
  EXTERNAL = "external",
  AGENT = "agent",
  UNKNOWN = "unknown",
}

/** The states a channel participant can be moved to by an update. */
export enum InteractionParticipantStatus {
  CLOSED = "closed",
  WRAPUP = "wrapup",
}

registerEnumType(InteractionParticipantType, { name: "InteractionParticipantType" });
registerEnumType(InteractionParticipantStatus, { name: "InteractionParticipantStatus" });
