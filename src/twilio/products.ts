/** The four Twilio products this gateway talks to, with the host each one lives on. */
export const TwilioProduct = {
  Proxy: "proxy",
  Flex: "flex",
  Conversations: "conversations",
  Api: "api",
} as const;
export type TwilioProduct = (typeof TwilioProduct)[keyof typeof TwilioProduct];

export const PRODUCT_HOST_PREFIX: Readonly<Record<TwilioProduct, string>> = {
  proxy: "proxy",
  flex: "flex-api",
  conversations: "conversations",
  api: "api",
};

export type BaseUrls = Readonly<Record<TwilioProduct, string>>;

/**
 * Twilio's regional host rule, as the SDKs apply it: `{product}.{edge}.{region}.twilio.com`,
 * where an edge without a region implies `us1`.
 */
export function twilioHost(product: TwilioProduct, region?: string, edge?: string): string {
  const effectiveRegion = region ?? (edge ? "us1" : undefined);
  return [PRODUCT_HOST_PREFIX[product], edge, effectiveRegion, "twilio.com"]
    .filter(Boolean)
    .join(".");
}
