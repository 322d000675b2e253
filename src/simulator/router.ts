import type { IncomingHttpHeaders } from "node:http";
import type { ConferenceCalls } from "./conference/calls.js";
import type { ConversationWebhooks } from "./conversations/webhooks.js";
import { methodNotAllowed } from "./errors.js";
import type { FormParams } from "./form.js";
import type { AccountState } from "./store.js";

const TWILIO_HOSTS = [
  "proxy.twilio.com",
  "flex-api.twilio.com",
  "conversations.twilio.com",
  "api.twilio.com",
] as const;

export type TwilioHost = (typeof TWILIO_HOSTS)[number];

function isTwilioHost(value: string): value is TwilioHost {
  return (TWILIO_HOSTS as readonly string[]).includes(value);
}

export interface RequestContext {
  accountSid: string;
  account: AccountState;
  params: Readonly<Record<string, string>>;
  query: FormParams;
  body: FormParams;
  headers: IncomingHttpHeaders;
  /** The path under the product host, as requested: error messages and list links quote it. */
  path: string;
  /** Where this client reaches the product host, e.g. `http://127.0.0.1:4010/api.twilio.com`. */
  hostUrl: string;
  /** What happens after a request: conference calls progressing, with their callbacks. */
  conferenceCalls: ConferenceCalls;
  conversationWebhooks: ConversationWebhooks;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export type Method = "GET" | "POST" | "DELETE";

export interface Route {
  host: TwilioHost;
  method: Method;
  /** Segments are literals, `:Name`, or `:Name.json` (a parameter followed by a fixed suffix). */
  pattern: string;
  handler: (context: RequestContext) => RouteResult;
}

interface Segment {
  literal?: string;
  param?: string;
  suffix: string;
}

interface CompiledRoute {
  route: Route;
  segments: Segment[];
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  private readonly byHost = new Map<TwilioHost, CompiledRoute[]>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const compiled = { route, segments: route.pattern.split("/").slice(1).map(compileSegment) };
      const list = this.byHost.get(route.host);
      if (list === undefined) this.byHost.set(route.host, [compiled]);
      else list.push(compiled);
    }
  }

  /** Undefined when no route has this path; throws 405 when some do, but not for this method. */
  match(host: TwilioHost, method: string, path: string): Match | undefined {
    const rawSegments = path.split("/").slice(1);
    let pathMatched = false;
    for (const compiled of this.byHost.get(host) ?? []) {
      const params = matchSegments(compiled.segments, rawSegments);
      if (params === undefined) continue;
      if (compiled.route.method === method) return { route: compiled.route, params };
      pathMatched = true;
    }
    if (pathMatched) throw methodNotAllowed();
    return undefined;
  }
}

function compileSegment(text: string): Segment {
  if (!text.startsWith(":")) return { literal: text, suffix: "" };
  const dot = text.indexOf(".");
  return dot === -1
    ? { param: text.slice(1), suffix: "" }
    : { param: text.slice(1, dot), suffix: text.slice(dot) };
}

function matchSegments(
  segments: readonly Segment[],
  raw: readonly string[],
): Record<string, string> | undefined {
  if (segments.length !== raw.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const text = raw[i]!;
    if (segment.param === undefined) {
      if (text !== segment.literal) return undefined;
      continue;
    }
    if (!text.endsWith(segment.suffix) || text.length === segment.suffix.length) return undefined;
    const value = decodeSegment(text.slice(0, text.length - segment.suffix.length));
    if (value === undefined) return undefined;
    params[segment.param] = value;
  }
  return params;
}

/** Paths are percent-decoded only: unlike in a form body, `+` in a path is a plus sign. */
function decodeSegment(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export interface Target {
  host: TwilioHost;
  path: string;
  hostUrl: string;
}

/**
 * Which product a request is for. A request whose Host header is a Twilio host (an HTTP proxy in
 * front of a real SDK) is routed by it; anything else carries the host as its first path segment.
 * Links in responses use the authority the client used, or `ownAuthority` when it sent none.
 */
export function resolveTarget(
  pathname: string,
  hostHeader: string | undefined,
  ownAuthority: string,
): Target | undefined {
  const headerHost = hostHeader?.toLowerCase().replace(/:\d+$/, "");
  if (headerHost !== undefined && isTwilioHost(headerHost)) {
    return { host: headerHost, path: pathname, hostUrl: `https://${headerHost}` };
  }
  const slash = pathname.indexOf("/", 1);
  const first = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
  if (!isTwilioHost(first)) return undefined;
  return {
    host: first,
    path: slash === -1 ? "/" : pathname.slice(slash),
    hostUrl: `http://${hostHeader || ownAuthority}/${first}`,
  };
}
