import type { CallbackMethod, CallbackTarget } from "./callbacks/delivery.js";
import { OrderedCollection } from "./collection.js";
import { newSid } from "./sids.js";

export interface ProxyParticipant {
  sid: string;
  accountSid: string;
  serviceSid: string;
  sessionSid: string;
  friendlyName: string | null;
  identifier: string;
  proxyIdentifier: string;
  proxyIdentifierSid: string;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface ProxySession {
  participants: OrderedCollection<ProxyParticipant>;
  /** Proxy deletes softly: a removed identifier cannot join the same session again. */
  removedIdentifiers: Set<string>;
}

export type InteractionParticipantType =
  "supervisor" | "customer" | "external" | "agent" | "unknown";
export type InteractionParticipantStatus = "closed" | "wrapup";

export interface InteractionParticipant {
  sid: string;
  interactionSid: string;
  channelSid: string;
  type: InteractionParticipantType;
  /** Not part of the resource's representation, but Flex keeps it and so do we. */
  mediaProperties: unknown;
  routingProperties: unknown;
  status: InteractionParticipantStatus | undefined;
}

export interface MessagingBinding {
  type: string;
  address?: string;
  proxyAddress?: string;
  projectedAddress?: string;
}

export interface ConversationParticipant {
  sid: string;
  accountSid: string;
  /** Set when the participant was reached through `/v1/Services/{IS}/...`. */
  chatServiceSid: string | undefined;
  conversationSid: string;
  identity: string | null;
  attributes: string;
  binding: MessagingBinding | null;
  roleSid: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  lastReadMessageIndex: number | null;
  lastReadTimestamp: string | null;
}

export interface Conversation {
  sid: string;
  participants: OrderedCollection<ConversationParticipant>;
}

export type ConferenceParticipantStatus =
  "queued" | "connecting" | "ringing" | "connected" | "complete" | "failed";

/** The outbound call Twilio places to bring a participant in. */
export interface ParticipantCall {
  from: string;
  to: string;
  statusCallback: CallbackTarget | undefined;
  /** The call-progress events asked for (`StatusCallbackEvent`), lower-case. */
  events: ReadonlySet<string>;
  /** SequenceNumber of the call's next callback: Twilio counts from 0. */
  nextSequence: number;
  answeredAt: Date | undefined;
}

export interface ConferenceParticipant {
  callSid: string;
  accountSid: string;
  conferenceSid: string;
  label: string | null;
  callSidToCoach: string | null;
  coaching: boolean;
  endConferenceOnExit: boolean;
  muted: boolean;
  hold: boolean;
  startConferenceOnEnter: boolean;
  /** Not in the representation; kept because changing them is a `participant-modify`. */
  beepOnExit: boolean;
  waitUrl: string | null;
  status: ConferenceParticipantStatus;
  dateCreated: Date;
  dateUpdated: Date;
  call: ParticipantCall;
}

/** The conference's event callback, fixed by its first participant. */
export interface ConferenceCallbackSettings {
  target: CallbackTarget | undefined;
  /** `ConferenceStatusCallbackEvent` values asked for (start, end, join, ...), lower-case. */
  events: ReadonlySet<string>;
}

export interface Conference {
  sid: string;
  accountSid: string;
  friendlyName: string;
  participants: OrderedCollection<ConferenceParticipant>;
  /** Undefined until the first participant is added. */
  callbacks: ConferenceCallbackSettings | undefined;
  nextSequence: number;
  started: boolean;
}

/** A Conversations webhook configuration: the account-wide one, or a service's own. */
export interface ConversationWebhookSettings {
  preWebhookUrl: string | null;
  postWebhookUrl: string | null;
  method: CallbackMethod;
  filters: string[];
}

export interface AccountWebhookSettings extends ConversationWebhookSettings {
  /** `flex` hands the events to Flex instead of the URLs. */
  target: "webhook" | "flex";
}

/** The Conversation Service used by `/v1/Conversations/...` (no `/Services/IS...` prefix). */
export const DEFAULT_CONVERSATION_SERVICE = "default";

interface ConversationService {
  bySid: Map<string, Conversation>;
  byUniqueName: Map<string, Conversation>;
}

/**
 * Everything one account owns. Parents (sessions, channels, conversations, conferences) exist as
 * soon as they are named: the simulator has no endpoints to create them.
 */
export class AccountState {
  private readonly proxySessions = new Map<string, ProxySession>();
  private readonly interactionChannels = new Map<
    string,
    OrderedCollection<InteractionParticipant>
  >();
  private readonly conversationServices = new Map<string, ConversationService>();
  private readonly conferencesBySid = new Map<string, Conference>();
  private readonly conferencesByName = new Map<string, Conference>();
  /**
   * Address + proxy address pairs in use across the account, with the conversation holding
   * each: Twilio routes inbound messages by that pair, so it may belong to one conversation only.
   */
  readonly bindings = new Map<string, string>();
  readonly conversationWebhooks: AccountWebhookSettings;
  /** Per Conversation Service (IS SID); one with a URL set overrides the account's settings. */
  readonly serviceWebhooks = new Map<string, ConversationWebhookSettings>();

  constructor(
    readonly accountSid: string,
    conversationWebhooks: AccountWebhookSettings,
  ) {
    this.conversationWebhooks = conversationWebhooks;
  }

  proxySession(serviceSid: string, sessionSid: string): ProxySession {
    return getOrCreate(this.proxySessions, `${serviceSid}/${sessionSid}`, () => ({
      participants: new OrderedCollection<ProxyParticipant>(),
      removedIdentifiers: new Set<string>(),
    }));
  }

  interactionChannel(
    interactionSid: string,
    channelSid: string,
  ): OrderedCollection<InteractionParticipant> {
    return getOrCreate(
      this.interactionChannels,
      `${interactionSid}/${channelSid}`,
      () => new OrderedCollection<InteractionParticipant>(),
    );
  }

  /** `sidOrUniqueName` is a CH SID when `isSid` says so, otherwise the conversation's unique name. */
  conversation(serviceKey: string, sidOrUniqueName: string, isSid: boolean): Conversation {
    const service = getOrCreate(this.conversationServices, serviceKey, () => ({
      bySid: new Map<string, Conversation>(),
      byUniqueName: new Map<string, Conversation>(),
    }));
    if (isSid)
      return getOrCreate(service.bySid, sidOrUniqueName, () => newConversation(sidOrUniqueName));
    return getOrCreate(service.byUniqueName, sidOrUniqueName, () => {
      const conversation = newConversation(newSid("CH"));
      service.bySid.set(conversation.sid, conversation);
      return conversation;
    });
  }

  /** A conference first named by its SID has that SID as friendly name. */
  conferenceBySid(sid: string): Conference {
    return getOrCreate(this.conferencesBySid, sid, () => newConference(this.accountSid, sid, sid));
  }

  /** Joining a conference by friendly name starts it if no conference of that name is running. */
  conferenceByName(friendlyName: string): Conference {
    return getOrCreate(this.conferencesByName, friendlyName, () => {
      const conference = newConference(this.accountSid, newSid("CF"), friendlyName);
      this.conferencesBySid.set(conference.sid, conference);
      return conference;
    });
  }

  /** An ended conference is forgotten: its name or SID next starts a fresh one. */
  endConference(conference: Conference): void {
    if (this.conferencesBySid.get(conference.sid) === conference) {
      this.conferencesBySid.delete(conference.sid);
    }
    if (this.conferencesByName.get(conference.friendlyName) === conference) {
      this.conferencesByName.delete(conference.friendlyName);
    }
  }
}

export class SimulatorStore {
  private readonly accounts = new Map<string, AccountState>();

  /** `initialWebhooks` gives each new account its Conversations webhook settings. */
  constructor(private readonly initialWebhooks: () => AccountWebhookSettings) {}

  account(accountSid: string): AccountState {
    return getOrCreate(
      this.accounts,
      accountSid,
      () => new AccountState(accountSid, this.initialWebhooks()),
    );
  }
}

function newConversation(sid: string): Conversation {
  return { sid, participants: new OrderedCollection<ConversationParticipant>() };
}

function newConference(accountSid: string, sid: string, friendlyName: string): Conference {
  return {
    sid,
    accountSid,
    friendlyName,
    participants: new OrderedCollection<ConferenceParticipant>(),
    callbacks: undefined,
    nextSequence: 1,
    started: false,
  };
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
