import { type Context, SpanKind, SpanStatusCode, type Tracer } from "@opentelemetry/api";
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from "@opentelemetry/semantic-conventions";
import {
  ATTR_TWILIO_ERROR_CODE,
  ATTR_TWILIO_OPERATION,
  ATTR_TWILIO_PRODUCT,
  ATTR_TWILIO_REQUEST_ID,
  ATTR_URL_TEMPLATE,
} from "./semconv.js";
import { spanUrl } from "./span-url.js";

export interface TwilioCall {
  /** The gateway's product name: `proxy`, `flex`, `conversations` or `api`. */
  product: string;
  /** The gateway's name for the call, e.g. `conference.participant.create`. */
  operation: string;
  method: string;
  /** The URL as sent, query included; only what `spanUrl` keeps of it reaches the span. */
  url: string;
  /**
   * The path with `{Name}` placeholders, e.g.
   * `/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json`: one of a
   * fixed set (it names the span).
   */
  urlTemplate: string;
}

/** How a call to Twilio ended: Twilio's answer, or why there was none (`timeout`, `network_error`). */
export type TwilioCallEnd =
  | { status: number; twilioErrorCode?: number | null; twilioRequestId?: string }
  | { failure: string };

export interface TwilioCallSpan {
  end(outcome: TwilioCallEnd): void;
}

/** An HTTP client span (OpenTelemetry HTTP semantic conventions) for one call to Twilio. */
export function startTwilioCallSpan(
  tracer: Tracer,
  parent: Context,
  call: TwilioCall,
): TwilioCallSpan {
  const span = tracer.startSpan(
    `${call.method} ${call.urlTemplate}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: call.method,
        [ATTR_URL_TEMPLATE]: call.urlTemplate,
        [ATTR_TWILIO_PRODUCT]: call.product,
        [ATTR_TWILIO_OPERATION]: call.operation,
      },
    },
    parent,
  );
  // Only a recorded span pays for taking the URL apart.
  const url = span.isRecording() ? spanUrl(call.url, call.urlTemplate) : undefined;
  if (url !== undefined) {
    span.setAttribute(ATTR_URL_FULL, url.full);
    span.setAttribute(ATTR_SERVER_ADDRESS, url.address);
    span.setAttribute(ATTR_SERVER_PORT, url.port);
  }
  return {
    end(outcome) {
      if ("failure" in outcome) {
        span.setAttribute(ATTR_ERROR_TYPE, outcome.failure);
        span.setStatus({ code: SpanStatusCode.ERROR });
      } else {
        span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, outcome.status);
        if (outcome.twilioErrorCode != null) {
          span.setAttribute(ATTR_TWILIO_ERROR_CODE, outcome.twilioErrorCode);
        }
        if (outcome.twilioRequestId) {
          span.setAttribute(ATTR_TWILIO_REQUEST_ID, outcome.twilioRequestId);
        }
        // For a client, every 4xx and 5xx is an error, named by its status code.
        if (outcome.status >= 400) {
          span.setAttribute(ATTR_ERROR_TYPE, String(outcome.status));
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
      }
      span.end();
    },
  };
}
