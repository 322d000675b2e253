// Twilio's conference status callbacks (ConferenceStatusCallback), signed as Twilio signs them:
// X-Twilio-Signature by twilio-node's own signer (independent of the gateway's verifier) with
// the account's auth token over PUBLIC_URL + the request target and the form parameters.
import http from "node:http";
import twilio from "twilio";
import { ACCOUNT_SID, AUTH_TOKEN } from "../fixtures.mjs";
import { PUBLIC_URL } from "./gateway.mjs";

export const CALLBACK_PATH = "/twilio/callbacks/conference";
const SIGNED_URL = PUBLIC_URL + CALLBACK_PATH;

export const conferenceSid = (n) => "CF" + n.toString(16).padStart(32, "0");
export const callSid = (n) => "CA" + n.toString(16).padStart(32, "0");

/** A participant event as Twilio posts it; `sequenceNumber` makes each one a distinct event. */
export function conferenceEvent({ conference, call, event, sequenceNumber }) {
  return {
    AccountSid: ACCOUNT_SID,
    ConferenceSid: conference,
    FriendlyName: "bench-room",
    CallSid: call,
    StatusCallbackEvent: event,
    SequenceNumber: String(sequenceNumber),
    Timestamp: new Date().toUTCString().replace("GMT", "+0000"),
    Muted: "false",
    Hold: "false",
    Coaching: "false",
    EndConferenceOnExit: "false",
    StartConferenceOnEnter: "true",
  };
}

/** The form body and headers of a signed callback. */
export function signedCallback(params, idempotencyToken) {
  const body = new URLSearchParams(params).toString();
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "user-agent": "TwilioProxy/1.1",
      "i-twilio-idempotency-token": idempotencyToken,
      "x-twilio-signature": twilio.getExpectedTwilioSignature(AUTH_TOKEN, SIGNED_URL, params),
    },
  };
}

const agent = new http.Agent({ keepAlive: true });

/** Posts one signed callback; `sentAt` is taken just before the request is written. */
export function postCallback(origin, params, idempotencyToken) {
  const { body, headers } = signedCallback(params, idempotencyToken);
  const url = new URL(CALLBACK_PATH, origin);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode, sentAt }));
      },
    );
    request.on("error", reject);
    const sentAt = performance.now();
    request.end(body);
  });
}
