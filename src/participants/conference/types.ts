import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { EnumValue } from "../../params/twilio-enum.js";
import { Participant, participantKind } from "../participant.js";
import { ConferenceParticipantStatus } from "./enums.js";

export const CONFERENCE = participantKind("CONFERENCE", "ConferenceParticipant");

@Directive('@key(fields: "conferenceSid callSid")')
@ObjectType({
  implements: Participant,
  description: "A call connected to a Twilio Voice conference. Its `sid` is the call SID.",
})
export class ConferenceParticipant implements Participant {
  sid: string;
  kind: typeof CONFERENCE;
  accountSid: string | null;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  url: string | null;

  @Field(() => ID, { description: "The participant's call SID (CA…): a key field." })
  callSid: string;

  @Field(() => ID, { description: "The conference SID (CF…): a key field." })
  conferenceSid: string;

  @Field(() => String, { nullable: true })
  label: string | null;

  @Field(() => String, { nullable: true })
  callSidToCoach: string | null;

  @Field(() => Boolean, { nullable: true })
  coaching: boolean | null;

  @Field(() => Boolean, { nullable: true })
  endConferenceOnExit: boolean | null;

  @Field(() => Boolean, { nullable: true })
  muted: boolean | null;

  @Field(() => Boolean, { nullable: true })
  hold: boolean | null;

  @Field(() => Boolean, { nullable: true })
  startConferenceOnEnter: boolean | null;

  @Field(() => ConferenceParticipantStatus, { nullable: true })
  status: EnumValue<typeof ConferenceParticipantStatus> | null;

  @Field(() => String, {
    nullable: true,
    description: "Milliseconds the participant waited in the queue.",
  })
  queueTime: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The resource's path relative to the API host.",
  })
  uri: string | null;
}
