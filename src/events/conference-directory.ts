import type { ExpiringStore } from "./expiring-store.js";

/**
 * A call may last up to 24 hours (Twilio's TimeLimit ceiling); every conference event about
 * the call writes the entry again, so an active call's entry does not lapse.
 */
export const CALL_CONFERENCE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Which conference a call is in. Call-progress callbacks carry the CallSid but not the
 * ConferenceSid, so the gateway remembers the pair when it learns it: from its own create
 * answer and from every conference event. Keyed by account too, so one account's callbacks
 * can never file a call under another account's conference.
 */
export class ConferenceDirectory {
  constructor(
    private readonly store: ExpiringStore,
    private readonly ttlMs = CALL_CONFERENCE_TTL_MS,
  ) {}

  rememberConference(accountSid: string, callSid: string, conferenceSid: string): Promise<void> {
    return this.store.put(key(accountSid, callSid), conferenceSid, this.ttlMs);
  }

  conferenceOf(accountSid: string, callSid: string): Promise<string | null> {
    return this.store.get(key(accountSid, callSid));
  }
}

function key(accountSid: string, callSid: string): string {
  return `call-conference:${accountSid}:${callSid}`;
}
