import type { CallbackDelivery } from "../callbacks/delivery.js";
import type { FormPair } from "../callbacks/signature.js";
import { rfc2822 } from "../dates.js";
import type { ConferenceParticipant } from "../store.js";

export type TerminalCallStatus = "completed" | "busy" | "no-answer" | "failed" | "canceled";

/** `CallStatus` as call-progress callbacks report it: an answered call is `in-progress`. */
export type ReportedCallStatus = "initiated" | "ringing" | "in-progress" | TerminalCallStatus;

/** Twilio gives a call-related request 15 s at most. */
export const VOICE_TIMEOUT_MS = 15_000;

/** The SIP final response behind each way a call ends (486 Busy Here, 487 Request Terminated). */
const SIP_RESPONSE_CODES: Readonly<Record<TerminalCallStatus, string>> = {
  completed: "200",
  busy: "486",
  "no-answer": "487",
  canceled: "487",
  failed: "404",
};

/** The `StatusCallbackEvent` value that asks for a status; every way of ending is `completed`. */
function subscriptionFor(status: ReportedCallStatus): string {
  switch (status) {
    case "initiated":
    case "ringing":
      return status;
    case "in-progress":
      return "answered";
    default:
      return "completed";
  }
}

function isTerminal(status: ReportedCallStatus): status is TerminalCallStatus {
  return subscriptionFor(status) === "completed";
}

/** A participant's call-progress callbacks (`StatusCallback`), for the events it asked for. */
export class CallProgressReporter {
  constructor(private readonly delivery: CallbackDelivery) {}

  report(participant: ConferenceParticipant, status: ReportedCallStatus, at: Date): void {
    const { call } = participant;
    if (call.statusCallback === undefined || !call.events.has(subscriptionFor(status))) return;
    const params: FormPair[] = [
      ["AccountSid", participant.accountSid],
      ["ApiVersion", "2010-04-01"],
      ["CallSid", participant.callSid],
      ["CallStatus", status],
      ["Called", call.to],
      ["Caller", call.from],
      ["Direction", "outbound-api"],
      ["From", call.from],
      ["To", call.to],
    ];
    if (isTerminal(status)) {
      const answeredFor =
        call.answeredAt === undefined ? 0 : at.getTime() - call.answeredAt.getTime();
      const seconds = Math.ceil(answeredFor / 1000);
      params.push(["CallDuration", String(seconds)]);
      // Duration counts billed minutes, and an answered call is billed at least one.
      if (status === "completed")
        params.push(["Duration", String(Math.max(1, Math.ceil(seconds / 60)))]);
      params.push(["SipResponseCode", SIP_RESPONSE_CODES[status]]);
    }
    params.push(
      ["Timestamp", rfc2822(at)],
      ["CallbackSource", "call-progress-events"],
      ["SequenceNumber", String(call.nextSequence++)],
    );
    this.delivery.send({
      ...call.statusCallback,
      accountSid: participant.accountSid,
      params,
      timeoutMs: VOICE_TIMEOUT_MS,
    });
  }
}
