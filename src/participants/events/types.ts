import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import type { ParticipantEventFilter as EventFilter } from "../../events/filter.js";
import {
  ParticipantEventSource,
  ParticipantEventType,
  SCOPE_FIELDS,
  type ScopeField,
} from "../../events/record.js";
import { DateTimeScalar } from "../../graphql/scalars.js";
import { sid } from "../../validation/formats.js";
import { Check } from "../../validation/rules.js";
import { Participant, ParticipantKind } from "../participant.js";

registerEnumType(ParticipantEventType, {
  name: "ParticipantEventType",
  description: "What happened to a participant.",
  valuesConfig: {
    ADDED: { description: "Added: by the gateway, or (Conversations) reported by Twilio." },
    UPDATED: { description: "Changed: by the gateway, or (Conversations) reported by Twilio." },
    REMOVED: { description: "Removed: by the gateway, or (Conversations) reported by Twilio." },
    QUEUED: {
      description:
        "Twilio queued the participant's call. Its callbacks do not report this stage; the gateway's ADDED event does (status QUEUED).",
    },
    INITIATED: { description: "Twilio placed the participant's call." },
    RINGING: { description: "The participant's phone is ringing." },
    ANSWERED: { description: "The participant answered (Twilio's in-progress)." },
    COMPLETED: { description: "The participant's call ended after it was answered." },
    BUSY: { description: "The call was not answered: busy." },
    NO_ANSWER: { description: "The call was not answered in time." },
    FAILED: { description: "The call could not be placed." },
    CANCELED: { description: "The call was hung up before it was answered." },
    JOINED: { description: "The participant joined the conference." },
    LEFT: { description: "The participant left the conference." },
    MUTED: { description: "The participant was muted." },
    UNMUTED: { description: "The participant was unmuted." },
    HELD: { description: "The participant was put on hold." },
    UNHELD: { description: "The participant was taken off hold." },
    MODIFIED: { description: "The participant's coaching or end-on-exit setting changed." },
    SPEECH_STARTED: { description: "The participant started speaking." },
    SPEECH_STOPPED: { description: "The participant stopped speaking." },
  },
});

registerEnumType(ParticipantEventSource, {
  name: "ParticipantEventSource",
  description: "Who reported an event.",
  valuesConfig: {
    TWILIO: { description: "Twilio, in a signed callback or webhook." },
    GATEWAY: { description: "This gateway, after its own add, update or remove succeeded." },
  },
});

@ObjectType({ description: "Something that happened to a participant, as it was reported." })
export class ParticipantEvent {
  @Field(() => ParticipantEventType)
  type: ParticipantEventType;

  @Field(() => ParticipantKind)
  kind: string;

  @Field(() => ParticipantEventSource)
  source: ParticipantEventSource;

  @Field(() => DateTimeScalar, {
    description:
      "When it happened: Twilio's time for a Twilio event (the gateway's when Twilio gave none), the gateway's for its own.",
  })
  occurredAt: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Twilio's SequenceNumber (Voice): the order Twilio fired the events in, whatever order they arrived in.",
  })
  sequenceNumber: number | null;

  @Field(() => Participant, {
    nullable: true,
    description:
      "The participant as the event reports it: fields the event does not carry are null (no Twilio call is made to fill them).",
  })
  participant: object | null;
}

/** Each SID a subscriber can narrow to: its prefix, and what it names. */
const SCOPES: Readonly<Record<ScopeField, readonly [prefix: string, names: string]>> = {
  conferenceSid: ["CF", "conference"],
  conversationSid: ["CH", "conversation"],
  chatServiceSid: ["IS", "Conversation Service"],
  serviceSid: ["KS", "Proxy service"],
  sessionSid: ["KC", "Proxy session"],
  interactionSid: ["KD", "Flex interaction"],
  channelSid: ["UO", "interaction channel"],
};

const atLeastOneType = (value: unknown) =>
  Array.isArray(value) && value.length === 0
    ? "must name at least one type (leave it out for every type)"
    : undefined;

/**
 * `input ParticipantEventFilter`: every field given narrows; none given is the caller's whole
 * account. The scope fields are declared from `SCOPE_FIELDS`, so the filter and the records
 * cannot disagree on them.
 */
export const ParticipantEventFilterInput = { ParticipantEventFilter: class {} }
  .ParticipantEventFilter as new () => EventFilter;
Field(() => ParticipantKind, { nullable: true, description: "Only participants of this kind." })(
  ParticipantEventFilterInput.prototype,
  "kind",
);
for (const field of SCOPE_FIELDS) {
  const [prefix, names] = SCOPES[field];
  Field(() => String, {
    nullable: true,
    description: `Only participants of this ${names} (${prefix}…).`,
  })(ParticipantEventFilterInput.prototype, field);
  Check(sid(prefix))(ParticipantEventFilterInput.prototype, field);
}
Field(() => [ParticipantEventType], { nullable: true, description: "Only these types of event." })(
  ParticipantEventFilterInput.prototype,
  "types",
);
Check(atLeastOneType)(ParticipantEventFilterInput.prototype, "types");
InputType("ParticipantEventFilter", {
  description:
    "Which of your account's participant events to receive; every field given narrows, an empty filter is all of them.",
})(ParticipantEventFilterInput);
