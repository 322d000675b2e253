/** v1 APIs: ISO 8601 to the second, e.g. `2015-12-16T22:18:37Z`. */
export function iso8601(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The 2010 API: RFC 2822 in GMT, e.g. `Fri, 18 Feb 2011 21:07:19 +0000`. */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}
