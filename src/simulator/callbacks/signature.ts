import { createHmac } from "node:crypto";

/** A form parameter as sent: repeated names are allowed, order is the body's order. */
export type FormPair = readonly [name: string, value: string];

/**
 * Twilio's `X-Twilio-Signature`: base64 of HMAC-SHA1, keyed with the account's auth token, over
 * the URL exactly as requested followed by every POST parameter as name+value (no separators),
 * sorted by name. A repeated name contributes each distinct value once, in sorted order, which is
 * how Twilio's own validators read it. A GET carries its parameters in the URL and passes none here.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: readonly FormPair[],
): string {
  const byName = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    const values = byName.get(name);
    if (values === undefined) byName.set(name, new Set([value]));
    else values.add(value);
  }
  let data = url;
  for (const name of [...byName.keys()].sort()) {
    for (const value of [...byName.get(name)!].sort()) data += name + value;
  }
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}
