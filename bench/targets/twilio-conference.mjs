// What the two hand-written targets share about Twilio's conference participants: the create
// parameters' wire names and the mapping of Twilio's answer onto the fields clients read.

/** Create parameters: input field → Twilio's form name (only those the bench sends). */
export const CREATE_WIRE_NAMES = {
  from: "From",
  to: "To",
  label: "Label",
  statusCallback: "StatusCallback",
  statusCallbackEvent: "StatusCallbackEvent",
  beep: "Beep",
  startConferenceOnEnter: "StartConferenceOnEnter",
  endConferenceOnExit: "EndConferenceOnExit",
  earlyMedia: "EarlyMedia",
  timeout: "Timeout",
  muted: "Muted",
};

/** Twilio's snake_case participant (RFC 2822 dates) → camelCase with an ISO date. */
export function toParticipant(json) {
  return {
    callSid: json.call_sid,
    conferenceSid: json.conference_sid,
    label: json.label,
    status: json.status,
    muted: json.muted,
    hold: json.hold,
    dateCreated: json.date_created ? new Date(json.date_created).toISOString() : null,
  };
}

/** The PageToken of Twilio's `next_page_uri`, or null at the end of the list. */
export function nextPageToken(json) {
  if (!json.next_page_uri) return null;
  return new URL(json.next_page_uri, "https://twilio.invalid").searchParams.get("PageToken");
}
