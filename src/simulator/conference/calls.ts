import type { CallbackDelivery } from "../callbacks/delivery.js";
import type { Scheduler } from "../clock.js";
import type { AccountState, Conference, ConferenceParticipant } from "../store.js";
import { CallProgressReporter, type TerminalCallStatus } from "./call-progress.js";
import {
  ConferenceEventReporter,
  type ConferenceEnding,
  type ReasonParticipantLeft,
} from "./conference-events.js";
import { callStages, type CallStage } from "./dial-outcomes.js";

/** What an update may have changed, to tell which conference events it causes. */
export type ParticipantSnapshot = Pick<
  ConferenceParticipant,
  "muted" | "hold" | "coaching" | "endConferenceOnExit" | "beepOnExit" | "waitUrl"
>;

export function snapshot(p: ConferenceParticipant): ParticipantSnapshot {
  const { muted, hold, coaching, endConferenceOnExit, beepOnExit, waitUrl } = p;
  return { muted, hold, coaching, endConferenceOnExit, beepOnExit, waitUrl };
}

/**
 * The calls that bring conference participants in, on a clock: each added participant's call is
 * placed, rings and is answered (or not) one step apart, and every change is reported to the
 * participant's and the conference's callbacks as Twilio reports it.
 */
export class ConferenceCalls {
  private readonly calls: CallProgressReporter;
  private readonly events: ConferenceEventReporter;
  /** The pending next stage of each call still on its way, by call SID. */
  private readonly nextStage = new Map<string, () => void>();

  constructor(
    private readonly scheduler: Scheduler,
    delivery: CallbackDelivery,
    private readonly stepMs: number,
  ) {
    if (!Number.isFinite(stepMs) || stepMs < 0) {
      throw new RangeError("callProgressStepMs must be a finite number of milliseconds, 0 or more");
    }
    this.calls = new CallProgressReporter(delivery);
    this.events = new ConferenceEventReporter(delivery);
  }

  /** Places the call of a participant just added (status `queued`). */
  dial(account: AccountState, conference: Conference, participant: ConferenceParticipant): void {
    this.schedule(account, conference, participant, callStages(participant.call.to), 0);
  }

  /** Reports what an update changed; a participant not yet in the conference causes no events. */
  updated(conference: Conference, p: ConferenceParticipant, before: ParticipantSnapshot): void {
    if (p.status !== "connected") return;
    if (p.muted !== before.muted) {
      this.events.participant(conference, p, p.muted ? "participant-mute" : "participant-unmute");
    }
    if (p.hold !== before.hold) {
      this.events.participant(conference, p, p.hold ? "participant-hold" : "participant-unhold");
    }
    const modified =
      p.coaching !== before.coaching ||
      p.endConferenceOnExit !== before.endConferenceOnExit ||
      p.beepOnExit !== before.beepOnExit ||
      p.waitUrl !== before.waitUrl;
    if (modified) this.events.participant(conference, p, "participant-modify");
  }

  /** Removal through the API: an answered call is hung up, one still ringing is canceled. */
  remove(account: AccountState, conference: Conference, p: ConferenceParticipant): void {
    const status = p.status === "connected" ? "completed" : "canceled";
    this.leave(account, conference, p, status, "participant_updated_via_api", true);
  }

  private schedule(
    account: AccountState,
    conference: Conference,
    p: ConferenceParticipant,
    stages: readonly CallStage[],
    index: number,
  ): void {
    const stage = stages[index];
    if (stage === undefined) {
      this.nextStage.delete(p.callSid);
      return;
    }
    const cancel = this.scheduler.after(this.stepMs, () => {
      this.nextStage.delete(p.callSid);
      if (this.enter(account, conference, p, stage)) {
        this.schedule(account, conference, p, stages, index + 1);
      }
    });
    this.nextStage.set(p.callSid, cancel);
  }

  /** Moves a call to its next stage; false once the participant is gone. */
  private enter(
    account: AccountState,
    conference: Conference,
    p: ConferenceParticipant,
    stage: CallStage,
  ): boolean {
    const now = new Date();
    switch (stage) {
      case "initiated":
        p.status = "connecting";
        p.dateUpdated = now;
        this.calls.report(p, "initiated", now);
        return true;
      case "ringing":
        p.status = "ringing";
        p.dateUpdated = now;
        this.calls.report(p, "ringing", now);
        return true;
      case "answered":
        this.answer(conference, p, now);
        return true;
      case "hung-up":
        this.leave(account, conference, p, "completed", "participant_hung_up", false);
        return false;
      default:
        this.leave(account, conference, p, stage, "participant_add_failed", false);
        return false;
    }
  }

  private answer(conference: Conference, p: ConferenceParticipant, now: Date): void {
    p.status = "connected";
    p.dateUpdated = now;
    p.call.answeredAt = now;
    this.calls.report(p, "in-progress", now);
    this.events.participant(conference, p, "participant-join");
    // A conference starts once two are in it and one of them may start it.
    const inConference = conference.participants
      .list()
      .map((entry) => entry.value)
      .filter((member) => member.status === "connected");
    if (
      !conference.started &&
      inConference.length >= 2 &&
      inConference.some((member) => member.startConferenceOnEnter)
    ) {
      conference.started = true;
      this.events.started(conference);
    }
  }

  /** A participant leaves; the conference ends after a moderator, or after the last one. */
  private leave(
    account: AccountState,
    conference: Conference,
    p: ConferenceParticipant,
    callStatus: TerminalCallStatus,
    reason: ReasonParticipantLeft,
    kicked: boolean,
  ): void {
    const wasConnected = p.status === "connected";
    this.drop(conference, p, callStatus, reason);
    if (wasConnected && p.endConferenceOnExit) {
      this.end(account, conference, { by: p, endConferenceOnExit: true, kicked });
    } else if (conference.participants.list().length === 0) {
      this.end(account, conference, { by: p, endConferenceOnExit: false, kicked });
    }
  }

  /** Everyone still there leaves with the conference; one that never started never ends. */
  private end(account: AccountState, conference: Conference, ending: ConferenceEnding): void {
    for (const { value: other } of [...conference.participants.list()]) {
      const status = other.status === "connected" ? "completed" : "canceled";
      this.drop(conference, other, status, "moderator_ended_conference");
    }
    if (conference.started) this.events.ended(conference, ending);
    account.endConference(conference);
  }

  private drop(
    conference: Conference,
    p: ConferenceParticipant,
    callStatus: TerminalCallStatus,
    reason: ReasonParticipantLeft,
  ): void {
    this.nextStage.get(p.callSid)?.();
    this.nextStage.delete(p.callSid);
    conference.participants.delete(p.callSid);
    // A call canceled before it was placed reports nothing about itself.
    if (p.status !== "queued") this.calls.report(p, callStatus, new Date());
    this.events.left(conference, p, callStatus, reason);
  }
}
