import { timingSafeEqual } from "node:crypto";
import { isSid } from "./sids.js";

/** A Basic-auth user: an account SID with its auth token, or an API key (SK...) with its secret. */
export interface SimulatorCredential {
  username: string;
  password: string;
  accountSid: string;
}

export class Credentials {
  private readonly byUsername = new Map<string, { password: Buffer; accountSid: string }>();

  constructor(credentials: readonly SimulatorCredential[]) {
    for (const { username, password, accountSid } of credentials) {
      if (username === "" || username.includes(":")) {
        throw new RangeError("A simulator credential needs a non-empty username without ':'");
      }
      if (!isSid("AC", accountSid)) {
        throw new RangeError(
          `A simulator credential maps to ${accountSid}, which is not an AC SID`,
        );
      }
      this.byUsername.set(username, { password: Buffer.from(password), accountSid });
    }
  }

  /** The account an `Authorization` header authenticates, or undefined. */
  authenticate(header: string | undefined): string | undefined {
    const match = header === undefined ? null : /^Basic\s+(\S+)\s*$/i.exec(header);
    if (match === null) return undefined;
    const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon === -1) return undefined;
    const known = this.byUsername.get(decoded.slice(0, colon));
    if (known === undefined) return undefined;
    const offered = Buffer.from(decoded.slice(colon + 1));
    const same =
      offered.length === known.password.length && timingSafeEqual(offered, known.password);
    return same ? known.accountSid : undefined;
  }
}

/**
 * The auth token each account signs its callbacks with. A credential whose username is its own
 * account SID carries it; an account reached only through API keys needs it in `explicit`.
 */
export function authTokensByAccount(
  credentials: readonly SimulatorCredential[],
  explicit: Readonly<Record<string, string>> = {},
): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const { username, password, accountSid } of credentials) {
    if (username === accountSid) tokens.set(accountSid, password);
  }
  for (const [accountSid, token] of Object.entries(explicit)) {
    if (!isSid("AC", accountSid) || token === "") {
      throw new RangeError("authTokens maps AC SIDs to non-empty auth tokens");
    }
    tokens.set(accountSid, token);
  }
  return tokens;
}
