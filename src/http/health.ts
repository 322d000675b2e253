import type { IncomingMessage, ServerResponse } from "node:http";
import type { TwilioMode } from "../twilio/credentials.js";
import { sendJson } from "./body.js";
import type { Drain } from "./drain.js";

/**
 * `/health/live`: the process answers (restart it if not). `/health/ready`: send it traffic
 * (503 once shutdown has begun). `/health`: the original combined check, kept for existing
 * probes. None of them touches Twilio.
 */
export function healthRoute(mode: TwilioMode, drain: Pick<Drain, "draining">) {
  const answers: Record<string, () => [number, object]> = {
    "/health": () => [200, { status: "ok", mode }],
    "/health/live": () => [200, { status: "live" }],
    "/health/ready": () =>
      drain.draining ? [503, { status: "draining" }] : [200, { status: "ready" }],
  };
  return {
    handles: (url: URL) => url.pathname in answers,
    serve(_req: IncomingMessage, res: ServerResponse, url: URL) {
      const [status, body] = answers[url.pathname]!();
      sendJson(res, status, body);
    },
  };
}
