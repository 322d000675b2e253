import type { ParticipantEventFilter } from "./operations.js";

export type TargetKind = "CONFERENCE" | "CONVERSATION";

/** Twilio's SIDs of the two parents: two letters, 32 hex digits. */
const SID = { CONFERENCE: /^CF[0-9a-f]{32}$/i, CONVERSATION: /^CH[0-9a-f]{32}$/i };

/**
 * What the user watches: a conference (by SID or friendly name) or a conversation (by SID or
 * unique name, in the default Conversation Service unless a chat service is given). Events name
 * the parent by its SID only, so a name is watched through its SID once the console learns it
 * (from a listed participant, or from the first add).
 */
export class Target {
  sid: string | undefined;

  constructor(
    readonly kind: TargetKind,
    /** As the user typed it: a SID or a name. */
    readonly given: string,
    readonly chatServiceSid: string | undefined,
  ) {
    this.sid = SID[kind].test(given) ? given : undefined;
  }

  /**
   * The subscription's filter: the parent's own events when its SID is known, else every event
   * of the kind (matched here once the SID is learnt).
   */
  filter(): ParticipantEventFilter {
    if (this.sid === undefined) return { kind: this.kind };
    return this.kind === "CONFERENCE"
      ? { kind: this.kind, conferenceSid: this.sid }
      : { kind: this.kind, conversationSid: this.sid, chatServiceSid: this.chatServiceSid };
  }

  /** Whether a participant of this parent: undefined while the parent's SID is not known. */
  owns(parentSid: string | null | undefined): boolean | undefined {
    if (this.sid === undefined) return undefined;
    return parentSid === this.sid;
  }
}
