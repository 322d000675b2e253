import { expect } from "vitest";
import type { CapturedRequest, FakeTwilio } from "./fake-twilio.js";
import { ACCOUNT_SID, AUTH_TOKEN } from "./gateway.js";

/** The configured credentials, as every Twilio call of a test gateway carries them. */
export const CONFIGURED_BASIC = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`;

/**
 * The one request the gateway sent Twilio, checked for what every form POST carries: its path,
 * the configured Basic credentials, a form body, JSON accepted and the gateway's User-Agent.
 */
export function theFormPost(fake: FakeTwilio, url: string): CapturedRequest {
  expect(fake.requests).toHaveLength(1);
  const [request] = fake.requests;
  expect(request!.method).toBe("POST");
  expect(request!.url).toBe(url);
  expect(request!.headers.authorization).toBe(CONFIGURED_BASIC);
  expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  expect(request!.headers.accept).toBe("application/json");
  expect(request!.headers["user-agent"]).toMatch(/^participant-gateway\/\d+\.\d+\.\d+ \(node\//);
  return request!;
}
