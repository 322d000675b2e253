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
   * empty: only the credentials' own.
   */
  readonly accountSids: readonly string[];
}

/** The caller when the gateway runs open (simulator mode, or `GATEWAY_AUTH=none`). */
export const ANONYMOUS: Principal = { id: "anonymous", accountSids: [] };
