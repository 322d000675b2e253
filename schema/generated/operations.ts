/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Dials a phone, client, SIP or app endpoint into a Voice conference. */
export type AddConferenceParticipantInput = {
  /** The account that owns the conference; defaults to the configured account. */
  accountSid?: string | null | undefined;
  amdStatusCallback?: string | null | undefined;
  amdStatusCallbackMethod?: CallbackMethod | null | undefined;
  beep?: Beep | null | undefined;
  /** A BYOC trunk SID (BY…). */
  byoc?: string | null | undefined;
  callReason?: string | null | undefined;
  callSidToCoach?: string | null | undefined;
  callToken?: string | null | undefined;
  /** 2 to 255 characters; SIP calls only. */
  callerDisplayName?: string | null | undefined;
  callerId?: string | null | undefined;
  clientNotificationUrl?: string | null | undefined;
  /** When true, `callSidToCoach` is required. */
  coaching?: boolean | null | undefined;
  conferenceRecord?: ConferenceRecord | null | undefined;
  conferenceRecordingStatusCallback?: string | null | undefined;
  conferenceRecordingStatusCallbackEvent?: Array<ConferenceRecordingStatusEvent> | null | undefined;
  conferenceRecordingStatusCallbackMethod?: CallbackMethod | null | undefined;
  /** The conference SID (CF…) or the conference's friendly name (a new name starts a new conference). A value that looks like a SID (CF followed only by hex digits, at least one of them 0–9, or any two letters followed by 32 hex digits) must be a valid CF SID: a mistyped SID is refused, never taken for a name. */
  conferenceSid: string;
  conferenceStatusCallback?: string | null | undefined;
  conferenceStatusCallbackEvent?: Array<ConferenceStatusEvent> | null | undefined;
  conferenceStatusCallbackMethod?: CallbackMethod | null | undefined;
  conferenceTrim?: RecordingTrim | null | undefined;
  earlyMedia?: boolean | null | undefined;
  emergencyAddress?: string | null | undefined;
  emergencyCallerLocation?: string | null | undefined;
  /** GPS position "latitude longitude". */
  emergencyCallerPosition?: string | null | undefined;
  emergencyCity?: string | null | undefined;
  emergencyCountry?: string | null | undefined;
  emergencyName?: string | null | undefined;
  emergencyState?: string | null | undefined;
  emergencyZipCode?: string | null | undefined;
  endConferenceOnExit?: boolean | null | undefined;
  /** Caller ID: an E.164 number or client:name (any SIP user name when `to` is a SIP address). */
  from: string;
  jitterBufferSize?: JitterBufferSize | null | undefined;
  /** A name that can later stand in for the call SID. */
  label?: string | null | undefined;
  machineDetection?: MachineDetection | null | undefined;
  /** Milliseconds: 2000 to 10000. */
  machineDetectionSilenceTimeout?: number | null | undefined;
  /** Milliseconds: 500 to 5000. */
  machineDetectionSpeechEndThreshold?: number | null | undefined;
  /** Milliseconds: 1000 to 6000. */
  machineDetectionSpeechThreshold?: number | null | undefined;
  /** Seconds to try detecting a machine (default 30). */
  machineDetectionTimeout?: number | null | undefined;
  /** 2 to 250. */
  maxParticipants?: number | null | undefined;
  muted?: boolean | null | undefined;
  /** STIR/SHAKEN passports, base64, comma separated. */
  passports?: string | null | undefined;
  record?: boolean | null | undefined;
  recordingChannels?: RecordingChannels | null | undefined;
  recordingConfigurationId?: string | null | undefined;
  recordingStatusCallback?: string | null | undefined;
  recordingStatusCallbackEvent?: Array<RecordingStatusEvent> | null | undefined;
  recordingStatusCallbackMethod?: CallbackMethod | null | undefined;
  recordingTrack?: RecordingTrack | null | undefined;
  region?: ConferenceRegion | null | undefined;
  /** Sent to Twilio only; never logged or returned. */
  sipAuthPassword?: string | null | undefined;
  sipAuthUsername?: string | null | undefined;
  startConferenceOnEnter?: boolean | null | undefined;
  statusCallback?: string | null | undefined;
  statusCallbackEvent?: Array<CallStatusEvent> | null | undefined;
  statusCallbackMethod?: CallbackMethod | null | undefined;
  /** Maximum call duration in seconds. */
  timeLimit?: number | null | undefined;
  /** Seconds to ring before giving up: 5 to 600. */
  timeout?: number | null | undefined;
  /** Who to dial: an E.164 number, client:name, sip:user@host or app:AP…. */
  to: string;
  trim?: RecordingTrim | null | undefined;
  waitMethod?: CallbackMethod | null | undefined;
  /** Music or TwiML played while waiting for the conference to start; an empty string plays nothing (sent as `WaitUrl=`, as Twilio documents), leaving it out plays Twilio's hold music. */
  waitUrl?: string | null | undefined;
};

/** Adds a chat user (identity) or an SMS/WhatsApp address (messagingBinding) to a Conversation. */
export type AddConversationParticipantInput = {
  /** Any JSON value; Twilio stores it as JSON text. */
  attributes?: unknown;
  /** A Conversation Service (IS…): adds the participant through that service's API rather than the default service's. */
  chatServiceSid?: string | null | undefined;
  /** The conversation's SID (CH…) or its unique name. A value that looks like a SID (CH followed only by hex digits, at least one of them 0–9, or any two letters followed by 32 hex digits) must be a valid CH SID: a mistyped SID is refused, never taken for a name. */
  conversationSid: string;
  /** Backdates the participant. */
  dateCreated?: string | null | undefined;
  dateUpdated?: string | null | undefined;
  /** The Conversations user identity, up to 256 characters. */
  identity?: string | null | undefined;
  messagingBinding?: MessagingBindingInput | null | undefined;
  /** A conversation-level role (RL…). */
  roleSid?: string | null | undefined;
  /** Sent as the X-Twilio-Webhook-Enabled header. A REST call fires the conversation webhooks only when this is true. */
  webhookEnabled?: boolean | null | undefined;
};

/** Adds a participant to a channel of a Flex interaction. */
export type AddInteractionParticipantInput = {
  /** The interaction's channel (UO…). */
  channelSid: string;
  /** The interaction (KD…). */
  interactionSid: string;
  /** How to reach the participant, a JSON object such as {"level": "to", "name": "…", "address": "+1555…", "type": "sms"}. Sent to Twilio as JSON text. */
  mediaProperties: unknown;
  /** A JSON object with routing details (task, worker, reservation SIDs). */
  routingProperties?: unknown;
  type: InteractionParticipantType;
};

/** Exactly one kind of participant to add, each with the same fields as its own add mutation. */
export type AddParticipantInput =
  {   conference: AddConferenceParticipantInput; conversation?: never; interaction?: never; proxy?: never; }
  |  { conference?: never;   conversation: AddConversationParticipantInput; interaction?: never; proxy?: never; }
  |  { conference?: never; conversation?: never;   interaction: AddInteractionParticipantInput; proxy?: never; }
  |  { conference?: never; conversation?: never; interaction?: never;   proxy: AddProxyParticipantInput; };

/** Adds a phone number or channel address to a Proxy session. */
export type AddProxyParticipantInput = {
  /** At most 255 characters. Twilio asks that it hold no personal data. */
  friendlyName?: string | null | undefined;
  /** An E.164 phone number or a channel address such as whatsapp:+15558675310 or messenger:1234; at most 191 characters. */
  identifier: string;
  /** The masked number to use; Proxy picks one from the service's pool when omitted. */
  proxyIdentifier?: string | null | undefined;
  /** The SID (PN…) of the service's number to use as proxy identifier. */
  proxyIdentifierSid?: string | null | undefined;
  /** The Proxy service (KS…). */
  serviceSid: string;
  /** The session within that service (KC…). */
  sessionSid: string;
};

export type Beep =
  | 'FALSE'
  | 'ON_ENTER'
  | 'ON_EXIT'
  | 'TRUE';

export type CallStatusEvent =
  | 'ANSWERED'
  | 'COMPLETED'
  | 'INITIATED'
  | 'RINGING';

/** The HTTP method Twilio uses to call one of your URLs. */
export type CallbackMethod =
  | 'GET'
  | 'POST';

export type ConferenceParticipantStatus =
  | 'COMPLETE'
  | 'CONNECTED'
  | 'CONNECTING'
  | 'FAILED'
  | 'QUEUED'
  | 'RINGING';

export type ConferenceRecord =
  | 'DO_NOT_RECORD'
  | 'FALSE'
  | 'RECORD_FROM_START'
  | 'TRUE';

export type ConferenceRecordingStatusEvent =
  | 'ABSENT'
  | 'COMPLETED'
  | 'FAILED'
  | 'IN_PROGRESS';

export type ConferenceRegion =
  | 'AU1'
  | 'BR1'
  | 'DE1'
  | 'IE1'
  | 'JP1'
  | 'SG1'
  | 'US1'
  | 'US2';

export type ConferenceStatusEvent =
  | 'ANNOUNCEMENT'
  | 'END'
  | 'HOLD'
  | 'JOIN'
  | 'LEAVE'
  | 'MODIFY'
  | 'MUTE'
  | 'SPEAKER'
  | 'START';

export type InteractionParticipantStatus =
  | 'CLOSED'
  | 'WRAPUP';

export type InteractionParticipantType =
  | 'AGENT'
  | 'CUSTOMER'
  | 'EXTERNAL'
  | 'SUPERVISOR'
  | 'UNKNOWN';

export type JitterBufferSize =
  | 'LARGE'
  | 'MEDIUM'
  | 'OFF'
  | 'SMALL';

export type MachineDetection =
  | 'DETECT_MESSAGE_END'
  | 'ENABLE';

/** Where a non-chat participant's messages go: sent as Twilio's MessagingBinding.* parameters. */
export type MessagingBindingInput = {
  /** The participant's own number or channel address, e.g. whatsapp:+15558675310. */
  address?: string | null | undefined;
  /** The Twilio number that stands for a chat participant in a group MMS. */
  projectedAddress?: string | null | undefined;
  /** The Twilio number or channel address the participant talks to. */
  proxyAddress?: string | null | undefined;
};

/** Changes a participant's messaging binding: sent as Twilio's MessagingBinding.* update parameters. */
export type MessagingBindingUpdateInput = {
  /** The Twilio number that stands for a chat participant in a group MMS. An explicit null removes it (sent as the text `null`, Twilio's way to clear it); leave the field out to keep it. */
  projectedAddress?: string | null | undefined;
  /** The Twilio number or channel address the participant talks to. An explicit null removes it (sent as the text `null`, Twilio's way to clear it); leave the field out to keep it. */
  proxyAddress?: string | null | undefined;
};

/** Which of your account's participant events to receive; every field given narrows, an empty filter is all of them. */
export type ParticipantEventFilter = {
  /** Only participants of this interaction channel (UO…). */
  channelSid?: string | null | undefined;
  /** Only participants of this Conversation Service (IS…). */
  chatServiceSid?: string | null | undefined;
  /** Only participants of this conference (CF…). */
  conferenceSid?: string | null | undefined;
  /** Only participants of this conversation (CH…). */
  conversationSid?: string | null | undefined;
  /** Only participants of this Flex interaction (KD…). */
  interactionSid?: string | null | undefined;
  /** Only participants of this kind. */
  kind?: ParticipantKind | null | undefined;
  /** Only participants of this Proxy service (KS…). */
  serviceSid?: string | null | undefined;
  /** Only participants of this Proxy session (KC…). */
  sessionSid?: string | null | undefined;
  /** Only these types of event. */
  types?: Array<ParticipantEventType> | null | undefined;
};

/** Who reported an event. */
export type ParticipantEventSource =
  /** This gateway, after its own add, update or remove succeeded. */
  | 'GATEWAY'
  /** Twilio, in a signed callback or webhook. */
  | 'TWILIO';

/** What happened to a participant. */
export type ParticipantEventType =
  /** Added: by the gateway, or (Conversations) reported by Twilio. */
  | 'ADDED'
  /** The participant answered (Twilio's in-progress). */
  | 'ANSWERED'
  /** The call was not answered: busy. */
  | 'BUSY'
  /** The call was hung up before it was answered. */
  | 'CANCELED'
  /** The participant's call ended after it was answered. */
  | 'COMPLETED'
  /** The call could not be placed. */
  | 'FAILED'
  /** The participant was put on hold. */
  | 'HELD'
  /** Twilio placed the participant's call. */
  | 'INITIATED'
  /** The participant joined the conference. */
  | 'JOINED'
  /** The participant left the conference. */
  | 'LEFT'
  /** The participant's coaching or end-on-exit setting changed. */
  | 'MODIFIED'
  /** The participant was muted. */
  | 'MUTED'
  /** The call was not answered in time. */
  | 'NO_ANSWER'
  /** Twilio queued the participant's call. Its callbacks do not report this stage; the gateway's ADDED event does (status QUEUED). */
  | 'QUEUED'
  /** Removed: by the gateway, or (Conversations) reported by Twilio. */
  | 'REMOVED'
  /** The participant's phone is ringing. */
  | 'RINGING'
  /** The participant started speaking. */
  | 'SPEECH_STARTED'
  /** The participant stopped speaking. */
  | 'SPEECH_STOPPED'
  /** The participant was taken off hold. */
  | 'UNHELD'
  /** The participant was unmuted. */
  | 'UNMUTED'
  /** Changed: by the gateway, or (Conversations) reported by Twilio. */
  | 'UPDATED';

/** Which Twilio product a participant belongs to. */
export type ParticipantKind =
  | 'CONFERENCE'
  | 'CONVERSATION'
  | 'INTERACTION'
  | 'PROXY';

export type RecordingChannels =
  | 'DUAL'
  | 'MONO';

export type RecordingStatusEvent =
  | 'ABSENT'
  | 'COMPLETED'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'PAUSED'
  | 'RESUMED'
  | 'STARTED'
  | 'STOPPED';

export type RecordingTrack =
  | 'BOTH'
  | 'INBOUND'
  | 'OUTBOUND';

export type RecordingTrim =
  | 'DO_NOT_TRIM'
  | 'TRIM_SILENCE';

/** Hangs up one participant's call and removes it from the conference. */
export type RemoveConferenceParticipantInput = {
  /** The account that owns the conference; defaults to the configured account. */
  accountSid?: string | null | undefined;
  /** The participant's call SID (CA…) or its label. A value that looks like a SID (CA followed only by hex digits, at least one of them 0–9, or any two letters followed by 32 hex digits) must be a valid CA SID: a mistyped SID is refused, never taken for a name. */
  callSid: string;
  conferenceSid: string;
};

/** Removes a participant from a Conversation. */
export type RemoveConversationParticipantInput = {
  /** The Conversation Service (IS…) the conversation belongs to; leave out for the default service. */
  chatServiceSid?: string | null | undefined;
  /** The conversation's SID (CH…) or its unique name. A value that looks like a SID (CH followed only by hex digits, at least one of them 0–9, or any two letters followed by 32 hex digits) must be a valid CH SID: a mistyped SID is refused, never taken for a name. */
  conversationSid: string;
  /** The participant's SID (MB…) or its identity. A value that looks like a SID (MB followed only by hex digits, at least one of them 0–9, or mb followed by 32 hex digits) must be a valid MB SID: a mistyped SID is refused, never taken for a name. */
  sid: string;
  /** Sent as the X-Twilio-Webhook-Enabled header. A REST call fires the conversation webhooks only when this is true. */
  webhookEnabled?: boolean | null | undefined;
};

/** Removes a participant from its Proxy session. */
export type RemoveProxyParticipantInput = {
  /** The Proxy service (KS…). */
  serviceSid: string;
  /** The session within that service (KC…). */
  sessionSid: string;
  /** The participant (KP…). */
  sid: string;
};

/** Changes how one participant takes part in the conference. */
export type UpdateConferenceParticipantInput = {
  /** The account that owns the conference; defaults to the configured account. */
  accountSid?: string | null | undefined;
  announceMethod?: CallbackMethod | null | undefined;
  /** An announcement played to this participant. */
  announceUrl?: string | null | undefined;
  beepOnExit?: boolean | null | undefined;
  /** The participant's call SID (CA…) or its label. A value that looks like a SID (CA followed only by hex digits, at least one of them 0–9, or any two letters followed by 32 hex digits) must be a valid CA SID: a mistyped SID is refused, never taken for a name. */
  callSid: string;
  callSidToCoach?: string | null | undefined;
  /** When true, `callSidToCoach` is required. */
  coaching?: boolean | null | undefined;
  conferenceSid: string;
  endConferenceOnExit?: boolean | null | undefined;
  hold?: boolean | null | undefined;
  holdMethod?: CallbackMethod | null | undefined;
  /** Music or TwiML played while on hold. */
  holdUrl?: string | null | undefined;
  muted?: boolean | null | undefined;
  waitMethod?: CallbackMethod | null | undefined;
  /** Music or TwiML played while waiting for the conference to start; an empty string plays nothing (sent as `WaitUrl=`, as Twilio documents), leaving it out plays Twilio's hold music. */
  waitUrl?: string | null | undefined;
};

/** Changes a participant of a Conversation. */
export type UpdateConversationParticipantInput = {
  /** Any JSON value; replaces the stored attributes and is sent as JSON text. */
  attributes?: unknown;
  /** The Conversation Service (IS…) the conversation belongs to; leave out for the default service. */
  chatServiceSid?: string | null | undefined;
  /** The conversation's SID (CH…) or its unique name. A value that looks like a SID (CH followed only by hex digits, at least one of them 0–9, or any two letters followed by 32 hex digits) must be a valid CH SID: a mistyped SID is refused, never taken for a name. */
  conversationSid: string;
  dateCreated?: string | null | undefined;
  dateUpdated?: string | null | undefined;
  /** A Conversations user identity, up to 256 characters; Twilio lets only a participant without one (e.g. a group MMS one) get one. */
  identity?: string | null | undefined;
  /** Index of the last message the participant has read (0 or more). An explicit null is sent as an empty value, exactly as twilio-node sends a null option. */
  lastReadMessageIndex?: number | null | undefined;
  /** Timestamp of the last message the participant has read, as Twilio takes it. */
  lastReadTimestamp?: string | null | undefined;
  messagingBinding?: MessagingBindingUpdateInput | null | undefined;
  /** A conversation-level role (RL…). */
  roleSid?: string | null | undefined;
  /** The participant's SID (MB…) or its identity. A value that looks like a SID (MB followed only by hex digits, at least one of them 0–9, or mb followed by 32 hex digits) must be a valid MB SID: a mistyped SID is refused, never taken for a name. */
  sid: string;
  /** Sent as the X-Twilio-Webhook-Enabled header. A REST call fires the conversation webhooks only when this is true. */
  webhookEnabled?: boolean | null | undefined;
};

/** Moves a participant of a Flex interaction channel to a new status. */
export type UpdateInteractionParticipantInput = {
  /** The interaction's channel (UO…). */
  channelSid: string;
  /** The interaction (KD…). */
  interactionSid: string;
  /** The channel participant (UT…). */
  sid: string;
  /** CLOSED takes the participant out of the channel; WRAPUP starts its wrap-up. */
  status: InteractionParticipantStatus;
};

export type AddConferenceParticipantMutationVariables = Exact<{
  input: AddConferenceParticipantInput;
}>;


export type AddConferenceParticipantMutation = { addConferenceParticipant: { __typename: 'ConferenceParticipant', sid: string, kind: ParticipantKind, callSid: string, conferenceSid: string, accountSid: string | null, label: string | null, status: ConferenceParticipantStatus | null, muted: boolean | null, hold: boolean | null, coaching: boolean | null, callSidToCoach: string | null, startConferenceOnEnter: boolean | null, endConferenceOnExit: boolean | null, queueTime: string | null, dateCreated: string | null, dateUpdated: string | null, uri: string | null, url: string | null } | null };

export type ConferenceParticipantQueryVariables = Exact<{
  accountSid?: string | null | undefined;
  conferenceSid: string;
  callSid: string;
}>;


export type ConferenceParticipantQuery = { conferenceParticipant: { callSid: string, label: string | null, status: ConferenceParticipantStatus | null, muted: boolean | null, hold: boolean | null, coaching: boolean | null } | null };

export type ConferenceParticipantsQueryVariables = Exact<{
  conferenceSid: string;
  muted?: boolean | null | undefined;
  hold?: boolean | null | undefined;
  coaching?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConferenceParticipantsQuery = { conferenceParticipants: { edges: Array<{ cursor: string, node: { callSid: string, label: string | null, status: ConferenceParticipantStatus | null, muted: boolean | null, hold: boolean | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UpdateConferenceParticipantMutationVariables = Exact<{
  input: UpdateConferenceParticipantInput;
}>;


export type UpdateConferenceParticipantMutation = { updateConferenceParticipant: { callSid: string, label: string | null, muted: boolean | null, hold: boolean | null, coaching: boolean | null, callSidToCoach: string | null } | null };

export type RemoveConferenceParticipantMutationVariables = Exact<{
  input: RemoveConferenceParticipantInput;
}>;


export type RemoveConferenceParticipantMutation = { removeConferenceParticipant: { callSid: string, label: string | null, conferenceSid: string } | null };

export type ConsoleConferenceParticipantFragment = { callSid: string, conferenceSid: string, label: string | null, status: ConferenceParticipantStatus | null, muted: boolean | null, hold: boolean | null };

export type ConsoleConversationParticipantFragment = { sid: string, conversationSid: string, chatServiceSid: string | null, identity: string | null, messagingBinding: { address: string | null } | null };

export type ConsoleConferenceParticipantsQueryVariables = Exact<{
  conferenceSid: string;
}>;


export type ConsoleConferenceParticipantsQuery = { conferenceParticipants: { edges: Array<{ node: { callSid: string, conferenceSid: string, label: string | null, status: ConferenceParticipantStatus | null, muted: boolean | null, hold: boolean | null } }>, pageInfo: { hasNextPage: boolean } } };

export type ConsoleConversationParticipantsQueryVariables = Exact<{
  conversationSid: string;
  chatServiceSid?: string | null | undefined;
}>;


export type ConsoleConversationParticipantsQuery = { conversationParticipants: { edges: Array<{ node: { sid: string, conversationSid: string, chatServiceSid: string | null, identity: string | null, messagingBinding: { address: string | null } | null } }>, pageInfo: { hasNextPage: boolean } } };

export type ConsoleParticipantEventsSubscriptionVariables = Exact<{
  filter: ParticipantEventFilter;
}>;


export type ConsoleParticipantEventsSubscription = { participantEvents: { type: ParticipantEventType, source: ParticipantEventSource, occurredAt: string, participant:
      | { sid: string, callSid: string, conferenceSid: string, label: string | null, status: ConferenceParticipantStatus | null, muted: boolean | null, hold: boolean | null }
      | { sid: string, conversationSid: string, chatServiceSid: string | null, identity: string | null, messagingBinding: { address: string | null } | null }
      | { sid: string }
      | { sid: string }
     | null } };

export type ConsoleAddConferenceParticipantMutationVariables = Exact<{
  input: AddConferenceParticipantInput;
}>;


export type ConsoleAddConferenceParticipantMutation = { addConferenceParticipant: { callSid: string, conferenceSid: string, label: string | null, status: ConferenceParticipantStatus | null, muted: boolean | null, hold: boolean | null } | null };

export type ConsoleUpdateConferenceParticipantMutationVariables = Exact<{
  input: UpdateConferenceParticipantInput;
}>;


export type ConsoleUpdateConferenceParticipantMutation = { updateConferenceParticipant: { callSid: string, conferenceSid: string, label: string | null, status: ConferenceParticipantStatus | null, muted: boolean | null, hold: boolean | null } | null };

export type ConsoleRemoveConferenceParticipantMutationVariables = Exact<{
  input: RemoveConferenceParticipantInput;
}>;


export type ConsoleRemoveConferenceParticipantMutation = { removeConferenceParticipant: { callSid: string } | null };

export type ConsoleRemoveConversationParticipantMutationVariables = Exact<{
  input: RemoveConversationParticipantInput;
}>;


export type ConsoleRemoveConversationParticipantMutation = { removeConversationParticipant: { sid: string } | null };

export type AddConversationParticipantMutationVariables = Exact<{
  input: AddConversationParticipantInput;
}>;


export type AddConversationParticipantMutation = { addConversationParticipant: { __typename: 'ConversationParticipant', sid: string, kind: ParticipantKind, accountSid: string | null, conversationSid: string, chatServiceSid: string | null, identity: string | null, attributes: unknown, roleSid: string | null, dateCreated: string | null, dateUpdated: string | null, url: string | null, lastReadMessageIndex: number | null, lastReadTimestamp: string | null, messagingBinding: { type: string | null, address: string | null, proxyAddress: string | null, projectedAddress: string | null, name: string | null, level: string | null } | null } | null };

export type ConversationParticipantQueryVariables = Exact<{
  conversationSid: string;
  sid: string;
  chatServiceSid?: string | null | undefined;
}>;


export type ConversationParticipantQuery = { conversationParticipant: { sid: string, accountSid: string | null, conversationSid: string, chatServiceSid: string | null, identity: string | null, attributes: unknown, roleSid: string | null, dateCreated: string | null, dateUpdated: string | null, url: string | null, lastReadMessageIndex: number | null, lastReadTimestamp: string | null, messagingBinding: { type: string | null, address: string | null, proxyAddress: string | null, projectedAddress: string | null, name: string | null, level: string | null } | null } | null };

export type ConversationParticipantsQueryVariables = Exact<{
  conversationSid: string;
  chatServiceSid?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConversationParticipantsQuery = { conversationParticipants: { edges: Array<{ cursor: string, node: { sid: string, identity: string | null, attributes: unknown, messagingBinding: { type: string | null, address: string | null, proxyAddress: string | null, projectedAddress: string | null, name: string | null, level: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UpdateConversationParticipantMutationVariables = Exact<{
  input: UpdateConversationParticipantInput;
}>;


export type UpdateConversationParticipantMutation = { updateConversationParticipant: { sid: string, conversationSid: string, chatServiceSid: string | null, identity: string | null, attributes: unknown, roleSid: string | null, dateCreated: string | null, dateUpdated: string | null, lastReadMessageIndex: number | null, lastReadTimestamp: string | null, messagingBinding: { type: string | null, address: string | null, proxyAddress: string | null, projectedAddress: string | null, name: string | null, level: string | null } | null } | null };

export type RemoveConversationParticipantMutationVariables = Exact<{
  input: RemoveConversationParticipantInput;
}>;


export type RemoveConversationParticipantMutation = { removeConversationParticipant: { sid: string, conversationSid: string, chatServiceSid: string | null, identity: string | null, messagingBinding: { type: string | null, address: string | null, proxyAddress: string | null, projectedAddress: string | null, name: string | null, level: string | null } | null } | null };

export type MessagingBindingFragment = { type: string | null, address: string | null, proxyAddress: string | null, projectedAddress: string | null, name: string | null, level: string | null };

export type ParticipantEventsSubscriptionVariables = Exact<{
  filter: ParticipantEventFilter;
}>;


export type ParticipantEventsSubscription = { participantEvents: { type: ParticipantEventType, kind: ParticipantKind, source: ParticipantEventSource, occurredAt: string, sequenceNumber: number | null, participant:
      | { __typename: 'ConferenceParticipant', callSid: string, conferenceSid: string, label: string | null, status: ConferenceParticipantStatus | null, muted: boolean | null, hold: boolean | null, sid: string, kind: ParticipantKind, accountSid: string | null }
      | { __typename: 'ConversationParticipant', conversationSid: string, chatServiceSid: string | null, identity: string | null, attributes: unknown, sid: string, kind: ParticipantKind, accountSid: string | null, messagingBinding: { type: string | null, address: string | null, proxyAddress: string | null, projectedAddress: string | null, name: string | null, level: string | null } | null }
      | { __typename: 'InteractionParticipant', interactionSid: string, channelSid: string, type: InteractionParticipantType | null, sid: string, kind: ParticipantKind, accountSid: string | null }
      | { __typename: 'ProxyParticipant', serviceSid: string, sessionSid: string, identifier: string | null, sid: string, kind: ParticipantKind, accountSid: string | null }
     | null } };

export type WatchConferenceSubscriptionVariables = Exact<{
  filter: ParticipantEventFilter;
}>;


export type WatchConferenceSubscription = { participantEvents: { type: ParticipantEventType, source: ParticipantEventSource, occurredAt: string, sequenceNumber: number | null, participant:
      | { __typename: 'ConferenceParticipant', callSid: string, conferenceSid: string, label: string | null, status: ConferenceParticipantStatus | null, muted: boolean | null, hold: boolean | null, sid: string }
      | { __typename: 'ConversationParticipant', sid: string }
      | { __typename: 'InteractionParticipant', sid: string }
      | { __typename: 'ProxyParticipant', sid: string }
     | null } };

export type GatewayInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type GatewayInfoQuery = { gatewayInfo: { name: string, version: string, twilioMode: string, hasCredentials: boolean } };

export type AddInteractionParticipantMutationVariables = Exact<{
  input: AddInteractionParticipantInput;
}>;


export type AddInteractionParticipantMutation = { addInteractionParticipant: { __typename: 'InteractionParticipant', sid: string, kind: ParticipantKind, type: InteractionParticipantType | null, interactionSid: string, channelSid: string, routingProperties: unknown, url: string | null, accountSid: string | null, dateCreated: string | null, dateUpdated: string | null } | null };

export type InteractionParticipantsQueryVariables = Exact<{
  interactionSid: string;
  channelSid: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InteractionParticipantsQuery = { interactionParticipants: { edges: Array<{ cursor: string, node: { sid: string, type: InteractionParticipantType | null, interactionSid: string, channelSid: string, routingProperties: unknown, url: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UpdateInteractionParticipantMutationVariables = Exact<{
  input: UpdateInteractionParticipantInput;
}>;


export type UpdateInteractionParticipantMutation = { updateInteractionParticipant: { __typename: 'InteractionParticipant', sid: string, kind: ParticipantKind, type: InteractionParticipantType | null, interactionSid: string, channelSid: string, routingProperties: unknown, url: string | null } | null };

export type AddProxyParticipantMutationVariables = Exact<{
  input: AddProxyParticipantInput;
}>;


export type AddProxyParticipantMutation = { addProxyParticipant: { __typename: 'ProxyParticipant', sid: string, kind: ParticipantKind, sessionSid: string, serviceSid: string, accountSid: string | null, friendlyName: string | null, identifier: string | null, proxyIdentifier: string | null, proxyIdentifierSid: string | null, dateDeleted: string | null, dateCreated: string | null, dateUpdated: string | null, url: string | null, links: { messageInteractions: string | null } | null } | null };

export type ProxyParticipantQueryVariables = Exact<{
  serviceSid: string;
  sessionSid: string;
  sid: string;
}>;


export type ProxyParticipantQuery = { proxyParticipant: { sid: string, serviceSid: string, sessionSid: string, accountSid: string | null, friendlyName: string | null, identifier: string | null, proxyIdentifier: string | null, proxyIdentifierSid: string | null, dateDeleted: string | null, dateCreated: string | null, dateUpdated: string | null, url: string | null, links: { messageInteractions: string | null } | null } | null };

export type ProxyParticipantsQueryVariables = Exact<{
  serviceSid: string;
  sessionSid: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProxyParticipantsQuery = { proxyParticipants: { edges: Array<{ cursor: string, node: { sid: string, identifier: string | null, proxyIdentifier: string | null, friendlyName: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RemoveProxyParticipantMutationVariables = Exact<{
  input: RemoveProxyParticipantInput;
}>;


export type RemoveProxyParticipantMutation = { removeProxyParticipant: { sid: string, serviceSid: string, sessionSid: string, identifier: string | null, proxyIdentifier: string | null, friendlyName: string | null } | null };

export type AddParticipantMutationVariables = Exact<{
  input: AddParticipantInput;
}>;


export type AddParticipantMutation = { addParticipant:
    | { __typename: 'ConferenceParticipant', callSid: string, conferenceSid: string, label: string | null, status: ConferenceParticipantStatus | null, sid: string, kind: ParticipantKind, accountSid: string | null, dateCreated: string | null, dateUpdated: string | null, url: string | null }
    | { __typename: 'ConversationParticipant', conversationSid: string, chatServiceSid: string | null, identity: string | null, attributes: unknown, sid: string, kind: ParticipantKind, accountSid: string | null, dateCreated: string | null, dateUpdated: string | null, url: string | null, messagingBinding: { type: string | null, address: string | null, proxyAddress: string | null, projectedAddress: string | null, name: string | null, level: string | null } | null }
    | { __typename: 'InteractionParticipant', interactionSid: string, channelSid: string, type: InteractionParticipantType | null, routingProperties: unknown, sid: string, kind: ParticipantKind, accountSid: string | null, dateCreated: string | null, dateUpdated: string | null, url: string | null }
    | { __typename: 'ProxyParticipant', serviceSid: string, sessionSid: string, identifier: string | null, proxyIdentifier: string | null, sid: string, kind: ParticipantKind, accountSid: string | null, dateCreated: string | null, dateUpdated: string | null, url: string | null }
   | null };

export const ConsoleConferenceParticipantFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleConferenceParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConferenceParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"conferenceSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"hold"}}]}}]} as unknown as DocumentNode<ConsoleConferenceParticipantFragment, unknown>;
export const ConsoleConversationParticipantFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleConversationParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"conversationSid"}},{"kind":"Field","name":{"kind":"Name","value":"chatServiceSid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"messagingBinding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]} as unknown as DocumentNode<ConsoleConversationParticipantFragment, unknown>;
export const MessagingBindingFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessagingBinding"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationMessagingBinding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"proxyAddress"}},{"kind":"Field","name":{"kind":"Name","value":"projectedAddress"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<MessagingBindingFragment, unknown>;
export const AddConferenceParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddConferenceParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddConferenceParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addConferenceParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"conferenceSid"}},{"kind":"Field","name":{"kind":"Name","value":"accountSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"hold"}},{"kind":"Field","name":{"kind":"Name","value":"coaching"}},{"kind":"Field","name":{"kind":"Name","value":"callSidToCoach"}},{"kind":"Field","name":{"kind":"Name","value":"startConferenceOnEnter"}},{"kind":"Field","name":{"kind":"Name","value":"endConferenceOnExit"}},{"kind":"Field","name":{"kind":"Name","value":"queueTime"}},{"kind":"Field","name":{"kind":"Name","value":"dateCreated"}},{"kind":"Field","name":{"kind":"Name","value":"dateUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<AddConferenceParticipantMutation, AddConferenceParticipantMutationVariables>;
export const ConferenceParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConferenceParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountSid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conferenceSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferenceParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"conferenceSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conferenceSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"callSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callSid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"hold"}},{"kind":"Field","name":{"kind":"Name","value":"coaching"}}]}}]}}]} as unknown as DocumentNode<ConferenceParticipantQuery, ConferenceParticipantQueryVariables>;
export const ConferenceParticipantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConferenceParticipants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conferenceSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"muted"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hold"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"coaching"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferenceParticipants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conferenceSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conferenceSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"muted"},"value":{"kind":"Variable","name":{"kind":"Name","value":"muted"}}},{"kind":"Argument","name":{"kind":"Name","value":"hold"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hold"}}},{"kind":"Argument","name":{"kind":"Name","value":"coaching"},"value":{"kind":"Variable","name":{"kind":"Name","value":"coaching"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"hold"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ConferenceParticipantsQuery, ConferenceParticipantsQueryVariables>;
export const UpdateConferenceParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateConferenceParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateConferenceParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateConferenceParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"hold"}},{"kind":"Field","name":{"kind":"Name","value":"coaching"}},{"kind":"Field","name":{"kind":"Name","value":"callSidToCoach"}}]}}]}}]} as unknown as DocumentNode<UpdateConferenceParticipantMutation, UpdateConferenceParticipantMutationVariables>;
export const RemoveConferenceParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveConferenceParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveConferenceParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeConferenceParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"conferenceSid"}}]}}]}}]} as unknown as DocumentNode<RemoveConferenceParticipantMutation, RemoveConferenceParticipantMutationVariables>;
export const ConsoleConferenceParticipantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleConferenceParticipants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conferenceSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferenceParticipants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conferenceSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conferenceSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleConferenceParticipant"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleConferenceParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConferenceParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"conferenceSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"hold"}}]}}]} as unknown as DocumentNode<ConsoleConferenceParticipantsQuery, ConsoleConferenceParticipantsQueryVariables>;
export const ConsoleConversationParticipantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleConversationParticipants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conversationSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"chatServiceSid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversationParticipants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conversationSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conversationSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"chatServiceSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"chatServiceSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleConversationParticipant"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleConversationParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"conversationSid"}},{"kind":"Field","name":{"kind":"Name","value":"chatServiceSid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"messagingBinding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]} as unknown as DocumentNode<ConsoleConversationParticipantsQuery, ConsoleConversationParticipantsQueryVariables>;
export const ConsoleParticipantEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleParticipantEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantEventFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participantEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConferenceParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleConferenceParticipant"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleConversationParticipant"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleConferenceParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConferenceParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"conferenceSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"hold"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleConversationParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"conversationSid"}},{"kind":"Field","name":{"kind":"Name","value":"chatServiceSid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"messagingBinding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]} as unknown as DocumentNode<ConsoleParticipantEventsSubscription, ConsoleParticipantEventsSubscriptionVariables>;
export const ConsoleAddConferenceParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAddConferenceParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddConferenceParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addConferenceParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleConferenceParticipant"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleConferenceParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConferenceParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"conferenceSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"hold"}}]}}]} as unknown as DocumentNode<ConsoleAddConferenceParticipantMutation, ConsoleAddConferenceParticipantMutationVariables>;
export const ConsoleUpdateConferenceParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleUpdateConferenceParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateConferenceParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateConferenceParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleConferenceParticipant"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleConferenceParticipant"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConferenceParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"conferenceSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"hold"}}]}}]} as unknown as DocumentNode<ConsoleUpdateConferenceParticipantMutation, ConsoleUpdateConferenceParticipantMutationVariables>;
export const ConsoleRemoveConferenceParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRemoveConferenceParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveConferenceParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeConferenceParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}}]}}]}}]} as unknown as DocumentNode<ConsoleRemoveConferenceParticipantMutation, ConsoleRemoveConferenceParticipantMutationVariables>;
export const ConsoleRemoveConversationParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRemoveConversationParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveConversationParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeConversationParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}}]}}]}}]} as unknown as DocumentNode<ConsoleRemoveConversationParticipantMutation, ConsoleRemoveConversationParticipantMutationVariables>;
export const AddConversationParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddConversationParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddConversationParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addConversationParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"accountSid"}},{"kind":"Field","name":{"kind":"Name","value":"conversationSid"}},{"kind":"Field","name":{"kind":"Name","value":"chatServiceSid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}},{"kind":"Field","name":{"kind":"Name","value":"messagingBinding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessagingBinding"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roleSid"}},{"kind":"Field","name":{"kind":"Name","value":"dateCreated"}},{"kind":"Field","name":{"kind":"Name","value":"dateUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"lastReadMessageIndex"}},{"kind":"Field","name":{"kind":"Name","value":"lastReadTimestamp"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessagingBinding"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationMessagingBinding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"proxyAddress"}},{"kind":"Field","name":{"kind":"Name","value":"projectedAddress"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<AddConversationParticipantMutation, AddConversationParticipantMutationVariables>;
export const ConversationParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConversationParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conversationSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"chatServiceSid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversationParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conversationSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conversationSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"sid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sid"}}},{"kind":"Argument","name":{"kind":"Name","value":"chatServiceSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"chatServiceSid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"accountSid"}},{"kind":"Field","name":{"kind":"Name","value":"conversationSid"}},{"kind":"Field","name":{"kind":"Name","value":"chatServiceSid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}},{"kind":"Field","name":{"kind":"Name","value":"messagingBinding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessagingBinding"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roleSid"}},{"kind":"Field","name":{"kind":"Name","value":"dateCreated"}},{"kind":"Field","name":{"kind":"Name","value":"dateUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"lastReadMessageIndex"}},{"kind":"Field","name":{"kind":"Name","value":"lastReadTimestamp"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessagingBinding"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationMessagingBinding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"proxyAddress"}},{"kind":"Field","name":{"kind":"Name","value":"projectedAddress"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<ConversationParticipantQuery, ConversationParticipantQueryVariables>;
export const ConversationParticipantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConversationParticipants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conversationSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"chatServiceSid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversationParticipants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conversationSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conversationSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"chatServiceSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"chatServiceSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"messagingBinding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessagingBinding"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessagingBinding"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationMessagingBinding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"proxyAddress"}},{"kind":"Field","name":{"kind":"Name","value":"projectedAddress"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<ConversationParticipantsQuery, ConversationParticipantsQueryVariables>;
export const UpdateConversationParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateConversationParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateConversationParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateConversationParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"conversationSid"}},{"kind":"Field","name":{"kind":"Name","value":"chatServiceSid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}},{"kind":"Field","name":{"kind":"Name","value":"messagingBinding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessagingBinding"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roleSid"}},{"kind":"Field","name":{"kind":"Name","value":"dateCreated"}},{"kind":"Field","name":{"kind":"Name","value":"dateUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"lastReadMessageIndex"}},{"kind":"Field","name":{"kind":"Name","value":"lastReadTimestamp"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessagingBinding"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationMessagingBinding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"proxyAddress"}},{"kind":"Field","name":{"kind":"Name","value":"projectedAddress"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<UpdateConversationParticipantMutation, UpdateConversationParticipantMutationVariables>;
export const RemoveConversationParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveConversationParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveConversationParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeConversationParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"conversationSid"}},{"kind":"Field","name":{"kind":"Name","value":"chatServiceSid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"messagingBinding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessagingBinding"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessagingBinding"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationMessagingBinding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"proxyAddress"}},{"kind":"Field","name":{"kind":"Name","value":"projectedAddress"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<RemoveConversationParticipantMutation, RemoveConversationParticipantMutationVariables>;
export const ParticipantEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ParticipantEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantEventFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participantEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"sequenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"accountSid"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConferenceParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"conferenceSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"hold"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversationSid"}},{"kind":"Field","name":{"kind":"Name","value":"chatServiceSid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"messagingBinding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessagingBinding"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProxyParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceSid"}},{"kind":"Field","name":{"kind":"Name","value":"sessionSid"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InteractionParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"interactionSid"}},{"kind":"Field","name":{"kind":"Name","value":"channelSid"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessagingBinding"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationMessagingBinding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"proxyAddress"}},{"kind":"Field","name":{"kind":"Name","value":"projectedAddress"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<ParticipantEventsSubscription, ParticipantEventsSubscriptionVariables>;
export const WatchConferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WatchConference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantEventFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participantEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"sequenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConferenceParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"conferenceSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"hold"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WatchConferenceSubscription, WatchConferenceSubscriptionVariables>;
export const GatewayInfoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GatewayInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gatewayInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"twilioMode"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}}]}}]}}]} as unknown as DocumentNode<GatewayInfoQuery, GatewayInfoQueryVariables>;
export const AddInteractionParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddInteractionParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddInteractionParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addInteractionParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"interactionSid"}},{"kind":"Field","name":{"kind":"Name","value":"channelSid"}},{"kind":"Field","name":{"kind":"Name","value":"routingProperties"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"accountSid"}},{"kind":"Field","name":{"kind":"Name","value":"dateCreated"}},{"kind":"Field","name":{"kind":"Name","value":"dateUpdated"}}]}}]}}]} as unknown as DocumentNode<AddInteractionParticipantMutation, AddInteractionParticipantMutationVariables>;
export const InteractionParticipantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InteractionParticipants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interactionSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channelSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"interactionParticipants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"interactionSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interactionSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"channelSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channelSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"interactionSid"}},{"kind":"Field","name":{"kind":"Name","value":"channelSid"}},{"kind":"Field","name":{"kind":"Name","value":"routingProperties"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<InteractionParticipantsQuery, InteractionParticipantsQueryVariables>;
export const UpdateInteractionParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateInteractionParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateInteractionParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateInteractionParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"interactionSid"}},{"kind":"Field","name":{"kind":"Name","value":"channelSid"}},{"kind":"Field","name":{"kind":"Name","value":"routingProperties"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<UpdateInteractionParticipantMutation, UpdateInteractionParticipantMutationVariables>;
export const AddProxyParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddProxyParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddProxyParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addProxyParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"sessionSid"}},{"kind":"Field","name":{"kind":"Name","value":"serviceSid"}},{"kind":"Field","name":{"kind":"Name","value":"accountSid"}},{"kind":"Field","name":{"kind":"Name","value":"friendlyName"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"proxyIdentifier"}},{"kind":"Field","name":{"kind":"Name","value":"proxyIdentifierSid"}},{"kind":"Field","name":{"kind":"Name","value":"dateDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"dateCreated"}},{"kind":"Field","name":{"kind":"Name","value":"dateUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageInteractions"}}]}}]}}]}}]} as unknown as DocumentNode<AddProxyParticipantMutation, AddProxyParticipantMutationVariables>;
export const ProxyParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProxyParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proxyParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"sessionSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"sid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"serviceSid"}},{"kind":"Field","name":{"kind":"Name","value":"sessionSid"}},{"kind":"Field","name":{"kind":"Name","value":"accountSid"}},{"kind":"Field","name":{"kind":"Name","value":"friendlyName"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"proxyIdentifier"}},{"kind":"Field","name":{"kind":"Name","value":"proxyIdentifierSid"}},{"kind":"Field","name":{"kind":"Name","value":"dateDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"dateCreated"}},{"kind":"Field","name":{"kind":"Name","value":"dateUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageInteractions"}}]}}]}}]}}]} as unknown as DocumentNode<ProxyParticipantQuery, ProxyParticipantQueryVariables>;
export const ProxyParticipantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProxyParticipants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionSid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proxyParticipants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"sessionSid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionSid"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"proxyIdentifier"}},{"kind":"Field","name":{"kind":"Name","value":"friendlyName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ProxyParticipantsQuery, ProxyParticipantsQueryVariables>;
export const RemoveProxyParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveProxyParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveProxyParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeProxyParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"serviceSid"}},{"kind":"Field","name":{"kind":"Name","value":"sessionSid"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"proxyIdentifier"}},{"kind":"Field","name":{"kind":"Name","value":"friendlyName"}}]}}]}}]} as unknown as DocumentNode<RemoveProxyParticipantMutation, RemoveProxyParticipantMutationVariables>;
export const AddParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"accountSid"}},{"kind":"Field","name":{"kind":"Name","value":"dateCreated"}},{"kind":"Field","name":{"kind":"Name","value":"dateUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProxyParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceSid"}},{"kind":"Field","name":{"kind":"Name","value":"sessionSid"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"proxyIdentifier"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InteractionParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"interactionSid"}},{"kind":"Field","name":{"kind":"Name","value":"channelSid"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"routingProperties"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversationSid"}},{"kind":"Field","name":{"kind":"Name","value":"chatServiceSid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}},{"kind":"Field","name":{"kind":"Name","value":"messagingBinding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessagingBinding"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConferenceParticipant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callSid"}},{"kind":"Field","name":{"kind":"Name","value":"conferenceSid"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessagingBinding"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationMessagingBinding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"proxyAddress"}},{"kind":"Field","name":{"kind":"Name","value":"projectedAddress"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]} as unknown as DocumentNode<AddParticipantMutation, AddParticipantMutationVariables>;