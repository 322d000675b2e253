import { expect, it } from "vitest";
import type { FakeResponse, FakeTwilio } from "./fake-twilio.js";
import { twilioError, twilioErrorDetails } from "./fake-twilio.js";
import type { GraphQLResult } from "./gateway.js";

export interface UpstreamFailureCase {
  fake: () => FakeTwilio;
  /** Sends one valid create through the gateway. */
  send: () => Promise<GraphQLResult>;
  /** Twilio's success answer for that create. */
  success: FakeResponse;
  /** Product-specific checks on the two requests of a retried create. */
  checkRetried?: (fake: FakeTwilio) => void;
}

/** The only field of a one-mutation answer whose mutation failed: null, the others unharmed. */
function expectFailedField(data: GraphQLResult["data"]): void {
  expect(Object.values(data ?? {})).toEqual([null]);
}

/**
 * The rules every create shares, whatever the product: Twilio's error body is passed on, a 429
 * is retried after Retry-After, anything that may have reached Twilio is never retried, and
 * transport failures get their own codes without the upstream URL; each says what happened to
 * the write (`outcome`). The gateway under test must use TWILIO_TIMEOUT_MS=300.
 */
export function itHandlesUpstreamFailures(setup: UpstreamFailureCase): void {
  it("passes Twilio's 404 (20404) on as TWILIO_API_ERROR with Twilio's details", async () => {
    setup.fake().reply(twilioError(404, 20404, "The requested resource was not found"));
    const result = await setup.send();
    expectFailedField(result.data);
    expect(result.errors![0]!.extensions).toEqual({
      code: "TWILIO_API_ERROR",
      outcome: "REJECTED",
      twilio: twilioErrorDetails(404, 20404, "The requested resource was not found"),
    });
  });

  it("retries a 429 after Retry-After and then succeeds, once", async () => {
    const fake = setup.fake();
    fake.reply(
      { ...twilioError(429, 20429, "Too Many Requests"), headers: { "retry-after": "1" } },
      setup.success,
    );
    const result = await setup.send();
    expect(result.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.body).toBe(fake.requests[0]!.body);
    setup.checkRetried?.(fake);
  });

  it("maps a 500 HTML page to UPSTREAM_UNAVAILABLE without retrying the create", async () => {
    const fake = setup.fake();
    fake.reply({ status: 500, body: "<html><body>Internal error</body></html>" });
    const result = await setup.send();
    expect(fake.requests).toHaveLength(1);
    expectFailedField(result.data);
    expect(result.errors![0]!.extensions).toEqual({
      code: "UPSTREAM_UNAVAILABLE",
      outcome: "UNKNOWN",
    });
    expect(result.errors![0]!.message).not.toContain(fake.url);
  });

  it("maps a slow Twilio to UPSTREAM_TIMEOUT and does not retry", async () => {
    const fake = setup.fake();
    fake.reply({ ...setup.success, delayMs: 1000 });
    const result = await setup.send();
    expect(result.errors![0]!.extensions).toEqual({ code: "UPSTREAM_TIMEOUT", outcome: "UNKNOWN" });
    expect(fake.requests).toHaveLength(1);
  });
}
