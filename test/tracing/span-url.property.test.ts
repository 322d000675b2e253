import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spanUrl } from "../../src/tracing/span-url.js";

/**
 * spanUrl as first written, parsing the whole URL every time: what the faster version must
 * give for any URL.
 */
function reference(url: string, template: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const sid = (segment: string) =>
    new RegExp(
      `^${segment
        .split(/\{[^}]*\}/g)
        .map((literal) => literal.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
        .join("[A-Z]{2}[0-9a-fA-F]{32}")}$`,
    );
  const credentials = parsed.username || parsed.password ? "REDACTED:REDACTED@" : "";
  const actual = parsed.pathname.split("/");
  const expected = template.split("/");
  const aligned = actual.length === expected.length;
  const path = expected
    .map((segment, i) => {
      if (!segment.includes("{")) return segment;
      return aligned && sid(segment).test(actual[i]!)
        ? actual[i]!
        : segment.replace(/\{[^}]*\}/g, "REDACTED");
    })
    .join("/");
  const query = parsed.search
    ? `?${[...parsed.searchParams.keys()].map((key) => `${encodeURIComponent(key)}=REDACTED`).join("&")}`
    : "";
  const { hostname } = parsed;
  return {
    full: `${parsed.protocol}//${credentials}${parsed.host}${path}${query}`,
    address: hostname.startsWith("[") ? hostname.slice(1, -1) : hostname,
    port: parsed.port ? Number(parsed.port) : parsed.protocol === "https:" ? 443 : 80,
  };
}

const TEMPLATE = "/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Participants/{Sid}.json";
const SID = fc
  .constantFrom("KS", "CA", "CH", "ks")
  .chain((prefix) => fc.stringMatching(/^[0-9a-f]{32}$/).map((hex) => prefix + hex));
/** Segments: SIDs, labels, and what WHATWG parsing rewrites (dots, escapes, spaces, non-ASCII). */
const segment = fc.oneof(
  SID,
  SID.map((sid) => `${sid}.json`),
  fc.constantFrom(".", "..", "%2e", "%2E%2e", "a b", "é", "x\\y", "%41", "{x}", "a|b", "`", ""),
  fc.string({ maxLength: 6 }),
);
const base = fc.constantFrom(
  "https://proxy.twilio.com",
  "http://127.0.0.1:8443",
  "http://user:s3cret@[::1]:80",
  "HTTPS://API.Twilio.com:443",
  "foo://host",
);
const query = fc.option(
  fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })), { maxLength: 3 }),
);

describe("spanUrl", () => {
  it("gives what parsing the whole URL gives, whatever the URL", () => {
    fc.assert(
      fc.property(base, fc.array(segment, { maxLength: 8 }), query, (origin, segments, pairs) => {
        const search = pairs === null ? "" : `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`;
        const url = `${origin}/${segments.join("/")}${search}`;
        expect(spanUrl(url, TEMPLATE)).toEqual(reference(url, TEMPLATE));
      }),
      { numRuns: 400 },
    );
  });
});
