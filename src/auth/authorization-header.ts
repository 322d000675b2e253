/** An `Authorization` value split as RFC 9110 reads it: `<scheme> <credentials>`. */
export interface AuthorizationValue {
  /** Lower-cased: schemes are case-insensitive. Empty for an empty header. */
  scheme: string;
  /** What follows the scheme, trimmed; empty when nothing does (`Basic`, `Basic   `). */
  credentials: string;
}

export function parseAuthorization(value: string): AuthorizationValue {
  const trimmed = value.trim();
  const space = trimmed.search(/\s/);
  if (space < 0) return { scheme: trimmed.toLowerCase(), credentials: "" };
  return {
    scheme: trimmed.slice(0, space).toLowerCase(),
    credentials: trimmed.slice(space + 1).trim(),
  };
}
