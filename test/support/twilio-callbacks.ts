import http from "node:http";
import twilio from "twilio";

export interface CallbackAnswer {
  status: number;
  body: string;
}

export interface SignedCallback {
  /** Where the request goes: the gateway's own address, e.g. http://127.0.0.1:PORT. */
  gatewayUrl: string;
  /** The request target, e.g. `/twilio/callbacks/conference` (with a query if any). */
  target: string;
  params: Record<string, string>;
  /** The token to sign with; none: the request is sent unsigned. */
  token?: string;
  /** The URL the signature is made for; by default `publicUrl` + `target`. */
  signedUrl?: string;
  publicUrl?: string;
  /** More request headers (Host, X-Forwarded-Host, I-Twilio-Idempotency-Token…). */
  headers?: Record<string, string>;
}

/**
 * Sends a callback as Twilio does: a form POST signed by twilio-node's own signer (an
 * implementation independent of the gateway's), over raw node:http so `Host` can be anything.
 */
export function postCallback(callback: SignedCallback): Promise<CallbackAnswer> {
  const { params } = callback;
  const body = new URLSearchParams(params).toString();
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    "content-length": String(Buffer.byteLength(body)),
    "user-agent": "TwilioProxy/1.1",
    ...callback.headers,
  };
  if (callback.token !== undefined) {
    const signedUrl = callback.signedUrl ?? `${callback.publicUrl}${callback.target}`;
    headers["x-twilio-signature"] = twilio.getExpectedTwilioSignature(
      callback.token,
      signedUrl,
      params,
    );
  }
  const url = new URL(callback.gatewayUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: "POST",
        path: callback.target,
        headers,
        setHost: callback.headers?.host === undefined,
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** A conference's participant event as Twilio's ConferenceStatusCallback sends it. */
export function conferenceEventParams(fields: {
  accountSid: string;
  conferenceSid: string;
  callSid: string;
  event: string;
  sequenceNumber: number;
  muted?: boolean;
}): Record<string, string> {
  return {
    ConferenceSid: fields.conferenceSid,
    FriendlyName: "room",
    AccountSid: fields.accountSid,
    SequenceNumber: String(fields.sequenceNumber),
    Timestamp: "Tue, 04 Aug 2026 17:02:20 +0000",
    StatusCallbackEvent: fields.event,
    CallSid: fields.callSid,
    Muted: String(fields.muted ?? false),
    Hold: "false",
    Coaching: "false",
    EndConferenceOnExit: "false",
    StartConferenceOnEnter: "true",
  };
}
