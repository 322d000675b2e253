/**
 * Who is calling the gateway, once access control has let them in. Every per-caller decision
 * (which Twilio accounts they may act for, their rate limit, the scope of their idempotency
 * keys, which live events they see) hangs off this.
 */
export interface Principal {
  /** Stable and safe to log: an API key's id or a token's subject, never the secret itself. */
  readonly id: string;
  /**
   * Twilio accounts (AC…) this caller may name in `accountSid` besides the credentials' own;
   * empty: only the credentials' own; `ANY_ACCOUNT` among them: any.
   */
  readonly accountSids: readonly string[];
}

/** In `Principal.accountSids`: every account the credentials can reach (a parent account's subaccounts). */
export const ANY_ACCOUNT = "*";

/** The caller when the gateway runs open (simulator mode, or `GATEWAY_AUTH=none`). */
export const ANONYMOUS: Principal = { id: "anonymous", accountSids: [] };

/**
 * Whether `principal` may act for `accountSid` with credentials of `ownAccountSid`. The one
 * check every path uses (REST calls, live events), so the rule cannot drift between them.
 */
export function mayActFor(
  principal: Principal,
  accountSid: string,
  ownAccountSid: string,
): boolean {
  return (
    accountSid === ownAccountSid ||
    principal.accountSids.includes(accountSid) ||
    principal.accountSids.includes(ANY_ACCOUNT)
  );
}
