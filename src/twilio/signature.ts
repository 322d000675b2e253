import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Verifies `X-Twilio-Signature` on a callback, exactly as Twilio signs (and as twilio-node's
 * `validateRequest` / `validateRequestWithBody` check):
 *
 * - form callbacks: base64(HMAC-SHA1(auth token, URL + each POST field's name and value)), the
 *   fields sorted by name; a repeated name contributes each distinct value once, values sorted
 *   (twilio-node's array rule, e.g. several `MessagingBinding.Address`);
 * - JSON callbacks: the URL carries `bodySHA256` (hex SHA-256 of the raw body); the signature
 *   covers the URL alone and the body must hash to that value.
 *
 * The URL is the one Twilio requested: the operator's configured public URL plus the request
 * target as received, never one rebuilt from `Host`/`X-Forwarded-*` (a client controls those).
 * A fragment (`#rc=2&ct=1000`, Twilio's connection overrides) is never signed, so it is dropped.
 *
 * Port variants: Twilio's signer is known to sign an https URL sometimes with `:443` and
 * sometimes without (twilio-node's own vector for an empty JSON body only matches the `:443`
 * form), so the URL is also tried with its scheme's default port toggled: both forms name the
 * same endpoint. Unlike the SDKs, a non-default port is never stripped and no re-encoded query
 * is tried: the SDKs guess because they rebuild the URL from the request; ours comes from the
 * operator's configuration, so a different port would be a different endpoint, and the
 * gateway's own callback URLs carry only unreserved characters.
 *
 * Several tokens are accepted at once so that an auth token can be rotated (the secondary
 * token signs until it is promoted). An empty token is skipped: anyone can compute an HMAC
 * keyed with the empty string. Every candidate is computed and compared in constant time.
 */
export interface TwilioSignedRequest {
  /** The full URL Twilio requested, as configured (scheme, host, optional port, path, query). */
  readonly url: string;
  /** The `X-Twilio-Signature` header as received; absent means unsigned. */
  readonly signature: string | undefined;
  /** The POST form fields in the order received, repeated names kept; empty for GET and JSON. */
  readonly formParams: Iterable<readonly [name: string, value: string]>;
  /** The raw request body, hashed when the URL carries `bodySHA256`. */
  readonly rawBody: string | Uint8Array;
}

export function verifyTwilioSignature(
  request: TwilioSignedRequest,
  authTokens: readonly string[],
): boolean {
  if (!request.signature) return false;
  const url = withoutFragment(request.url);
  const bodyHash = queryParam(url, "bodySHA256");
  const signedData = bodyHash === null ? formData(request.formParams) : "";
  const received = Buffer.from(request.signature, "utf8");
  let valid = false;
  for (const token of authTokens) {
    if (token === "") continue;
    for (const candidate of urlCandidates(url)) {
      // `|=`, not `||`: every candidate costs the same whether or not an earlier one matched.
      valid = sameBytes(received, hmacSha1(token, candidate + signedData)) || valid;
    }
  }
  if (bodyHash === null) return valid;
  const bodyDigest = createHash("sha256").update(request.rawBody).digest("hex");
  return sameBytes(Buffer.from(bodyHash, "utf8"), bodyDigest) && valid;
}

function hmacSha1(token: string, data: string): string {
  return createHmac("sha1", token).update(data, "utf8").digest("base64");
}

/** Length first: `timingSafeEqual` throws on unequal lengths, and the length is no secret. */
function sameBytes(received: Buffer, expected: string): boolean {
  const expectedBytes = Buffer.from(expected, "utf8");
  return received.length === expectedBytes.length && timingSafeEqual(received, expectedBytes);
}

/** Names sorted; a repeated name's distinct values sorted; plain UTF-16 order as twilio-node. */
function formData(params: Iterable<readonly [string, string]>): string {
  const valuesByName = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    const values = valuesByName.get(name);
    if (values === undefined) valuesByName.set(name, new Set([value]));
    else values.add(value);
  }
  let data = "";
  for (const name of [...valuesByName.keys()].sort()) {
    for (const value of [...valuesByName.get(name)!].sort()) data += name + value;
  }
  return data;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf("#");
  return hash === -1 ? url : url.slice(0, hash);
}

function queryParam(url: string, name: string): string | null {
  const question = url.indexOf("?");
  return question === -1 ? null : new URLSearchParams(url.slice(question + 1)).get(name);
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { "http:": "80", "https:": "443" };

/**
 * The URL as given, plus the same URL with its default port written out or left out. Split
 * as text, never through `new URL()`, which would re-encode the characters Twilio signed.
 */
function urlCandidates(url: string): string[] {
  const match = /^([a-z][a-z0-9+.-]*:)\/\/([^/?]*)/i.exec(url);
  if (match === null) return [url];
  const [prefix, scheme, authority] = match;
  const defaultPort = DEFAULT_PORTS[scheme.toLowerCase()];
  if (defaultPort === undefined) return [url];
  const userInfoEnd = authority.lastIndexOf("@") + 1;
  const hostAndPort = authority.slice(userInfoEnd);
  // A colon starts the port only after an IPv6 literal's closing bracket.
  const colon = hostAndPort.indexOf(":", hostAndPort.lastIndexOf("]") + 1);
  const host = colon === -1 ? hostAndPort : hostAndPort.slice(0, colon);
  const port = colon === -1 ? null : hostAndPort.slice(colon + 1);
  const rebuild = (withPort: string) =>
    `${scheme}//${authority.slice(0, userInfoEnd)}${host}${withPort}${url.slice(prefix.length)}`;
  if (port === null) return [url, rebuild(`:${defaultPort}`)];
  if (port === defaultPort) return [url, rebuild("")];
  return [url];
}
