import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** A caller's X-Request-Id is kept only if it is short and plain: it goes into log lines. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's X-Request-Id (a router's or load balancer's) when usable, else a fresh one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}
