/** How a call that is not answered ends, as `CallStatus` reports it. */
export type UnansweredStatus = "busy" | "no-answer" | "failed";

/**
 * What a dialled participant's call goes through, one clock step per stage. Every call is placed
 * (`initiated`); then it rings, is answered, and may hang up again, or it ends unanswered.
 */
export type CallStage = "initiated" | "ringing" | "answered" | "hung-up" | UnansweredStatus;

const ANSWERS: readonly CallStage[] = ["initiated", "ringing", "answered"];

/**
 * `To` numbers that behave differently, in Twilio's test range +1 500 555 (clear of its magic
 * test numbers +1500555000x). The last digits are the SIP response each outcome reports.
 */
const SPECIAL_NUMBERS: ReadonlyMap<string, readonly CallStage[]> = new Map([
  ["+15005550486", ["initiated", "ringing", "busy"]],
  ["+15005550487", ["initiated", "ringing", "no-answer"]],
  ["+15005550404", ["initiated", "failed"]],
  ["+15005550200", ["initiated", "ringing", "answered", "hung-up"]],
]);

/** Any other number (or client, SIP or app address) answers and stays until removed. */
export function callStages(to: string): readonly CallStage[] {
  return SPECIAL_NUMBERS.get(to) ?? ANSWERS;
}
