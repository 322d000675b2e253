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
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const credentials = parsed.username || parsed.password ? `${REDACTED}:${REDACTED}@` : "";
  const actual = parsed.pathname.split("/");
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
  const query = parsed.search
    ? `?${[...parsed.searchParams.keys()].map((key) => `${encodeURIComponent(key)}=${REDACTED}`).join("&")}`
    : "";
  const { hostname } = parsed;
  return {
    full: `${parsed.protocol}//${credentials}${parsed.host}${path}${query}`,
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
