/** A Twilio resource SID: two capital letters and 32 hex digits. */
const SID = "[A-Z]{2}[0-9a-fA-F]{32}";
const PLACEHOLDER = /\{[^}]*\}/g;
const REDACTED = "REDACTED";

/** Per template segment with placeholders: what it looks like filled with SIDs only. */
const sidSegments = new Map<string, RegExp>();

/** What an HTTP client span says about where a call went. */
export interface SpanUrl {
  /** `url.full` */
  full: string;
  /** `server.address`: the bare host, no brackets around an IPv6 address. */
  address: string;
  /** `server.port`, the scheme's default when the URL has none. */
  port: number;
}

/**
 * The URL of a call to Twilio as a span may show it to a trace backend. `full` is built from
 * the path template, each placeholder filled from the real path only when the value there is
 * a SID (an identifier, not a secret, and what Twilio's console and support search by). Labels,
 * identities and unique names that Twilio also accepts in paths become `REDACTED`, as do
 * credentials in the authority and every query value (semantic conventions' redaction form).
 * Returns `undefined` for a URL that does not parse.
 */
export function spanUrl(url: string, template: string): SpanUrl | undefined {
  const parts = urlParts(url);
  if (parts === undefined) return undefined;
  const { origin, pathname, search } = parts;
  const actual = pathname.split("/");
  const expected = template.split("/");
  const aligned = actual.length === expected.length;
  const path = expected
    .map((segment, i) => {
      if (!segment.includes("{")) return segment;
      return aligned && sidSegment(segment).test(actual[i]!)
        ? actual[i]!
        : segment.replace(PLACEHOLDER, REDACTED);
    })
    .join("/");
  // Most calls have no query: spare them building URLSearchParams.
  const query = search
    ? `?${[...new URLSearchParams(search).keys()].map((key) => `${encodeURIComponent(key)}=${REDACTED}`).join("&")}`
    : "";
  return { full: `${origin.prefix}${path}${query}`, address: origin.address, port: origin.port };
}

/** A URL's scheme and authority as a span shows them. */
interface Origin {
  /** `scheme://host[:port]`, credentials redacted. */
  prefix: string;
  address: string;
  port: number;
}

interface UrlParts {
  origin: Origin;
  /** As WHATWG URL parsing gives it. */
  pathname: string;
  /** `?…`, or "" for none. */
  search: string;
}

/**
 * `scheme://authority`, the path and the query (`?…`) of an absolute URL without spaces or
 * control characters (WHATWG parsing strips or drops those).
 */
const URL_PARTS =
  // eslint-disable-next-line no-control-regex -- the control characters are what it must refuse
  /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#\\\x00-\x20]*)([^?#\x00-\x20]*)(\?[^#\x00-\x20]*)?(?:#[^\x00-\x20]*)?$/;
/** A path WHATWG URL parsing keeps as it is: no dot segment, nothing it would encode. */
const PLAIN_PATH = /^(?:\/(?!\.|%2e)[A-Za-z0-9\-._~!$&'()*+,;=:@%]*)*$/i;

/** The base URLs calls go to, a handful: each parsed once. */
const origins = new Map<string, Origin | null>();
const MAX_ORIGINS = 64;

/**
 * What WHATWG URL parsing would give for `url`, without parsing the whole of it on every call:
 * the origin is parsed once, and a plain path (every path the gateway builds) is taken as it
 * is written. Anything else is parsed in full. Undefined when the URL does not parse.
 */
function urlParts(url: string): UrlParts | undefined {
  const parts = URL_PARTS.exec(url);
  if (parts && PLAIN_PATH.test(parts[2]!)) {
    const origin = originOf(parts[1]!);
    const query = parts[3] ?? "";
    // As WHATWG parsing, an empty path of an http(s) URL is "/" and a bare "?" no query.
    if (origin) return { origin, pathname: parts[2] || "/", search: query.length > 1 ? query : "" };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return { origin: originFromUrl(parsed), pathname: parsed.pathname, search: parsed.search };
}

function originOf(text: string): Origin | undefined {
  let origin = origins.get(text);
  if (origin === undefined) {
    try {
      origin = originFromUrl(new URL(text));
    } catch {
      origin = null;
    }
    if (origins.size < MAX_ORIGINS) origins.set(text, origin);
  }
  return origin ?? undefined;
}

function originFromUrl(parsed: URL): Origin {
  const credentials = parsed.username || parsed.password ? `${REDACTED}:${REDACTED}@` : "";
  const { hostname } = parsed;
  return {
    prefix: `${parsed.protocol}//${credentials}${parsed.host}`,
    address: hostname.startsWith("[") ? hostname.slice(1, -1) : hostname,
    port: parsed.port ? Number(parsed.port) : parsed.protocol === "https:" ? 443 : 80,
  };
}

function sidSegment(segment: string): RegExp {
  let pattern = sidSegments.get(segment);
  if (pattern === undefined) {
    const literals = segment
      .split(PLACEHOLDER)
      .map((literal) => literal.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
    pattern = new RegExp(`^${literals.join(SID)}$`);
    sidSegments.set(segment, pattern);
  }
  return pattern;
}
