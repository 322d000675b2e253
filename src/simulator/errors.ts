/**
 * Twilio error bodies. Every code here is a real Twilio error code; docs/simulator.md says where
 * each was checked and which HTTP statuses are the simulator's own choice.
 */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "TwilioError";
  }

  toBody(): TwilioErrorBody {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

export const authenticate = (): TwilioError => new TwilioError(401, 20003, "Authenticate");

export const notFound = (path: string): TwilioError =>
  new TwilioError(404, 20404, `The requested resource ${path} was not found`);

export const methodNotAllowed = (): TwilioError =>
  new TwilioError(405, 20004, "Method not allowed");

export const missingParameter = (name: string): TwilioError =>
  new TwilioError(400, 20001, `Missing required parameter ${name} in the post body`);

export const invalidParameter = (name: string, detail?: string): TwilioError =>
  new TwilioError(
    400,
    20001,
    `Invalid ${name} parameter${detail === undefined ? "" : `: ${detail}`}`,
  );

export const badRequest = (message: string): TwilioError => new TwilioError(400, 20001, message);

export const bodyTooLarge = (limit: number): TwilioError =>
  new TwilioError(413, 20001, `Request body is larger than ${limit} bytes`);

export const pageSizeTooLarge = (max: number): TwilioError =>
  new TwilioError(400, 20007, `Page size too large: the maximum is ${max}`);

export const tooManyRequests = (): TwilioError => new TwilioError(429, 20429, "Too Many Requests");

export const internalError = (): TwilioError =>
  new TwilioError(500, 20500, "Internal Server Error");

export const serviceUnavailable = (): TwilioError =>
  new TwilioError(503, 20503, "Service unavailable");

// Programmable Voice (2010 API, Calls and Participants)

export const toRequired = (): TwilioError =>
  new TwilioError(400, 21201, "No 'To' number specified");

export const fromRequired = (): TwilioError =>
  new TwilioError(400, 21213, "'From' phone number is required");

export const invalidTo = (to: string): TwilioError =>
  new TwilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);

export const invalidFrom = (from: string): TwilioError =>
  new TwilioError(400, 21212, `Invalid From Number (caller ID): ${from}`);

export const invalidTimeout = (value: string): TwilioError =>
  new TwilioError(400, 21208, `Invalid Timeout: ${value}. Timeout must be between 5 and 600`);

export const invalidMethod = (name: string, value: string): TwilioError =>
  new TwilioError(400, 21209, `Invalid ${name}: ${value}. Must be GET or POST`);

// Conversations

export const identityWithAddress = (): TwilioError =>
  new TwilioError(400, 50211, "Identity parameter not acceptable for this Participant");

export const addressEqualsProxyAddress = (): TwilioError =>
  new TwilioError(400, 50409, "Participant address equals proxy address");

export const emptyAddress = (): TwilioError =>
  new TwilioError(400, 50411, "Participant address is empty");

export const emptyProxyAddress = (): TwilioError =>
  new TwilioError(400, 50412, "Participant proxy address is empty");

export const proxyAddressNeedsAddress = (): TwilioError =>
  new TwilioError(400, 50441, "Failed to add a proxy address to a participant");

export const identityCannotChange = (): TwilioError =>
  new TwilioError(400, 50444, "Failed to add an identity to a participant");

export const bindingInUse = (conversationSid: string): TwilioError =>
  new TwilioError(
    409,
    50416,
    `A binding for this participant and proxy address already exists in Conversation ${conversationSid}`,
  );

export const participantExists = (): TwilioError =>
  new TwilioError(409, 50433, "Participant already exists");

// Proxy

export const alreadyInSession = (identifier: string, sessionSid: string): TwilioError =>
  new TwilioError(
    400,
    80103,
    `Identifier ${identifier} is already a participant in Session ${sessionSid}`,
  );

export const sessionFull = (max: number): TwilioError =>
  new TwilioError(400, 80609, `A Session may have at most ${max} participants`);
