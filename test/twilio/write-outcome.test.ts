import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, WriteOutcome } from "../../src/errors/gateway-errors.js";
import { TwilioClient, type TwilioRequest } from "../../src/twilio/client.js";
import { twilioClientAt } from "../support/twilio-client.js";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";
import {
  type Misbehaviour,
  type MisbehavingTwilio,
  refusingUrl,
  startMisbehavingTwilio,
} from "../support/misbehaving-twilio.js";

const CREDENTIALS = {
  accountSid: "AC" + "1".repeat(32),
  username: "AC" + "1".repeat(32),
  password: "test-token-not-real",
};
const CREATE: TwilioRequest = {
  product: "api",
  operation: "test.create",
  method: "POST",
  path: "/2010-04-01/Things.json",
  form: [["To", "+15558675310"]],
};
const REMOVE: TwilioRequest = { ...CREATE, operation: "test.delete", method: "DELETE" };
const READ: TwilioRequest = { ...CREATE, operation: "test.fetch", method: "GET", form: undefined };
/**
 * More than the socket buffers of both ends can hold (Linux: at most 4 MiB to send, 32 MiB to
 * receive), so against a server that never reads the request can never be written whole.
 */
const UNWRITABLE: TwilioRequest = { ...CREATE, form: [["Body", "x".repeat(64 * 1024 * 1024)]] };

function clientFor(url: string, timeoutMs = 500): TwilioClient {
  return twilioClientAt(url, { timeoutMs, maxRetries: 0, maxRetryAfterMs: 0 });
}

async function failure(client: TwilioClient, request: TwilioRequest) {
  try {
    await client.request(CREDENTIALS, request);
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error("expected the request to fail");
}

let server: MisbehavingTwilio | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});
async function misbehaving(misbehaviour: Misbehaviour): Promise<string> {
  server = await startMisbehavingTwilio(misbehaviour);
  return server.url;
}

describe("a write that got no answer says whether it reached Twilio", () => {
  it("connection refused: NOT_SENT", async () => {
    const client = clientFor(await refusingUrl());
    expect(await failure(client, CREATE)).toEqual({
      code: ErrorCode.UpstreamUnavailable,
      outcome: WriteOutcome.NotSent,
    });
    expect(await failure(client, REMOVE)).toMatchObject({ outcome: WriteOutcome.NotSent });
  });

  it("DNS failure: NOT_SENT", async () => {
    const client = clientFor("http://twilio-gateway-test.invalid");
    expect(await failure(client, CREATE)).toEqual({
      code: ErrorCode.UpstreamUnavailable,
      outcome: WriteOutcome.NotSent,
    });
  });

  it("reset before the whole request was written: NOT_SENT", async () => {
    const client = clientFor(await misbehaving("reset-unread"), 5_000);
    expect(await failure(client, UNWRITABLE)).toEqual({
      code: ErrorCode.UpstreamUnavailable,
      outcome: WriteOutcome.NotSent,
    });
    expect(server!.requestsRead()).toBe(0);
  });

  it("timeout before the whole request was written: NOT_SENT", async () => {
    const client = clientFor(await misbehaving("unread"), 500);
    expect(await failure(client, UNWRITABLE)).toEqual({
      code: ErrorCode.UpstreamTimeout,
      outcome: WriteOutcome.NotSent,
    });
  });

  it("reset after the request was written, though the server never read it: UNKNOWN", async () => {
    const client = clientFor(await misbehaving("reset-unread"), 5_000);
    expect(await failure(client, CREATE)).toEqual({
      code: ErrorCode.UpstreamUnavailable,
      outcome: WriteOutcome.Unknown,
    });
  });

  it("reset after the server read the body: UNKNOWN", async () => {
    const client = clientFor(await misbehaving("reset-after-body"));
    expect(await failure(client, CREATE)).toEqual({
      code: ErrorCode.UpstreamUnavailable,
      outcome: WriteOutcome.Unknown,
    });
    expect(server!.requestsRead()).toBe(1);
  });

  it("no answer within the timeout: UNKNOWN", async () => {
    const client = clientFor(await misbehaving("silent"), 300);
    expect(await failure(client, CREATE)).toEqual({
      code: ErrorCode.UpstreamTimeout,
      outcome: WriteOutcome.Unknown,
    });
    expect(server!.requestsRead()).toBe(1);
  });

  it("a load balancer's HTML 503: UNKNOWN", async () => {
    const client = clientFor(await misbehaving("html-503"));
    expect(await failure(client, CREATE)).toEqual({
      code: ErrorCode.UpstreamUnavailable,
      outcome: WriteOutcome.Unknown,
    });
  });

  it("a 201 cut short of its Content-Length: UNKNOWN", async () => {
    const client = clientFor(await misbehaving("truncated-201"));
    expect(await failure(client, CREATE)).toEqual({
      code: ErrorCode.UpstreamUnavailable,
      outcome: WriteOutcome.Unknown,
    });
    expect(server!.requestsRead()).toBe(1);
  });
});

describe("a write Twilio answered", () => {
  const fake = new FakeTwilio();
  let client: TwilioClient;
  beforeAll(async () => {
    await fake.start();
    client = clientFor(fake.url);
  });
  afterAll(() => fake.stop());

  it.each([
    ["Twilio's 400 error body", twilioError(400, 21211, "Invalid 'To' Phone Number")],
    ["Twilio's 404 error body", twilioError(404, 20404, "The requested resource was not found")],
    ["a 429 it would not wait for", twilioError(429, 20429, "Too Many Requests")],
    ["a 403 without Twilio's body", { status: 403, body: "<html>Forbidden</html>" }],
  ])("is REJECTED for %s: nothing was applied", async (_, answer) => {
    fake.reply(answer);
    expect(await failure(client, CREATE)).toMatchObject({
      code: ErrorCode.TwilioApiError,
      outcome: WriteOutcome.Rejected,
    });
  });

  it.each([
    ["Twilio's 500 error body", twilioError(500, 20500, "Internal Server Error"), "TwilioApiError"],
    ["Twilio's 503 error body", twilioError(503, 20503, "Service Unavailable"), "TwilioApiError"],
    ["a 2xx that is not JSON", { status: 201, body: "<html>portal</html>" }, "UpstreamUnavailable"],
    ["a 3xx", { status: 303, body: "", headers: { location: "/x" } }, "TwilioApiError"],
  ] as const)(
    "is UNKNOWN for %s: it may follow a write that was applied",
    async (_, answer, code) => {
      fake.reply(answer);
      expect(await failure(client, CREATE)).toMatchObject({
        code: ErrorCode[code],
        outcome: WriteOutcome.Unknown,
      });
    },
  );
});

describe("a read", () => {
  it.each(["silent", "reset-after-body", "html-503"] as const)(
    "states no outcome when it fails (%s): a read changes nothing",
    async (misbehaviour) => {
      const client = clientFor(await misbehaving(misbehaviour), 300);
      const extensions = await failure(client, READ);
      expect(extensions.code).toMatch(/^UPSTREAM_/);
      expect(extensions).not.toHaveProperty("outcome");
    },
  );

  it("states no outcome when refused", async () => {
    const extensions = await failure(clientFor(await refusingUrl()), READ);
    expect(extensions).toEqual({ code: ErrorCode.UpstreamUnavailable });
  });
});
