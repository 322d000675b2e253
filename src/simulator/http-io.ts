import type { IncomingMessage, ServerResponse } from "node:http";
import { newSid } from "./sids.js";

/**
 * The body as text, or undefined once it is larger than `limit`. A too-large body is not kept,
 * only drained, so a huge upload costs time but no memory.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"]) > limit) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        resolve(undefined);
      } else {
        chunks.push(chunk);
      }
    });
    request.on("end", () => {
      if (!tooLarge) resolve(Buffer.concat(chunks).toString("utf8"));
    });
    request.on("error", reject);
    // A client that goes away mid-body may end the stream without "end" or "error".
    request.on("close", () => {
      if (!request.complete) reject(new Error("request closed before its body was read"));
    });
  });
}

/** Path and query of a request target, which a proxy may send in absolute form. */
export function splitTarget(target: string): { pathname: string; search: string } {
  const absolute = /^https?:\/\/[^/]*/i.exec(target);
  const rest = absolute === null ? target : target.slice(absolute[0].length) || "/";
  const question = rest.indexOf("?");
  return question === -1
    ? { pathname: rest, search: "" }
    : { pathname: rest.slice(0, question), search: rest.slice(question + 1) };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, {
    ...(payload === "" ? {} : { "Content-Type": "application/json; charset=utf-8" }),
    "Content-Length": String(Buffer.byteLength(payload)),
    "Twilio-Request-Id": newSid("RQ"),
    ...headers,
  });
  response.end(payload);
}
