// The fake world every target and the fake Twilio agree on: one account, one conference, and
// participants whose facts follow from their call SID, so an answer can be checked without
// remembering what was sent.

export const ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
export const AUTH_TOKEN = "bench-fake-auth-token";
export const CONFERENCE_SID = "CF" + "c0ffee".repeat(5) + "00";
/** What Twilio's 2010 API puts in every participant's dates (its own docs' example). */
export const TWILIO_DATE = "Fri, 18 Feb 2011 21:07:19 +0000";

export const LIST_PAGE_SIZE = 20;
export const DISTINCT_ENTITIES = 10;
export const ENTITY_REPRESENTATIONS = 20;

export function callSidNumber(n) {
  return "CA" + n.toString(16).padStart(32, "0");
}

export function participantLabel(callSid) {
  return `agent-${callSid.slice(-4)}`;
}

export function participantMuted(callSid) {
  return parseInt(callSid.at(-1), 16) % 2 === 0;
}

/** 20 representations naming 10 participants, each twice, as a router batches them. */
export const ENTITY_KEYS = Array.from({ length: ENTITY_REPRESENTATIONS }, (_, i) => ({
  conferenceSid: CONFERENCE_SID,
  callSid: callSidNumber((i % DISTINCT_ENTITIES) + 1),
}));

/** The participant a single fetch reads. */
export const SINGLE_CALL_SID = callSidNumber(1);

/**
 * A realistic add: a PSTN leg with status callbacks, a beep on entry and a label to find the
 * call by later. GraphQL enum names here; `ADD_WIRE_PARAMS` is what Twilio must receive.
 */
export const ADD_INPUT = {
  conferenceSid: CONFERENCE_SID,
  from: "+15017122661",
  to: "+15558675310",
  label: "customer",
  statusCallback: "https://example.com/twilio/call-status",
  statusCallbackEvent: ["INITIATED", "RINGING", "ANSWERED", "COMPLETED"],
  beep: "ON_ENTER",
  startConferenceOnEnter: true,
  endConferenceOnExit: false,
  earlyMedia: true,
  timeout: 30,
};

/** The form every target must send for `ADD_INPUT`, as sorted [name, value] pairs. */
export const ADD_WIRE_PARAMS = [
  ["Beep", "onEnter"],
  ["EarlyMedia", "true"],
  ["EndConferenceOnExit", "false"],
  ["From", "+15017122661"],
  ["Label", "customer"],
  ["StartConferenceOnEnter", "true"],
  ["StatusCallback", "https://example.com/twilio/call-status"],
  ["StatusCallbackEvent", "answered"],
  ["StatusCallbackEvent", "completed"],
  ["StatusCallbackEvent", "initiated"],
  ["StatusCallbackEvent", "ringing"],
  ["Timeout", "30"],
  ["To", "+15558675310"],
];
