import { hash, timingSafeEqual } from "node:crypto";
import type { Principal } from "./principal.js";

// One-shot hashing: a third cheaper than a Hash object, on every request.
const digest = (value: string): Buffer => hash("sha256", value, "buffer");

/**
 * The principals of the gateway's API keys (`GATEWAY_API_KEYS`, several at once so a key can
 * be rotated without downtime). A presented key is compared with every configured one in
 * constant time: both sides are hashed first, so neither the keys' contents nor their lengths
 * show in the timing. A key's principal id is a short fingerprint of it, safe to log.
 */
export function apiKeyPrincipals(
  keys: readonly string[],
  accountSids: readonly string[],
): (presented: string) => Principal | undefined {
  const known = keys.map((key) => {
    const keyDigest = digest(key);
    return {
      keyDigest,
      principal: { id: `key:${keyDigest.toString("hex").slice(0, 12)}`, accountSids },
    };
  });
  return (presented) => {
    const presentedDigest = digest(presented);
    let found: Principal | undefined;
    // No early exit: every key is compared whichever matches.
    for (const key of known) {
      if (timingSafeEqual(key.keyDigest, presentedDigest)) found = key.principal;
    }
    return found;
  };
}
