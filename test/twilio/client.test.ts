import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ErrorCode, TwilioApiError } from "../../src/errors/gateway-errors.js";
import { TwilioClient, type TwilioRequest } from "../../src/twilio/client.js";
import { twilioClientAt } from "../support/twilio-client.js";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";

const CREDENTIALS = {
  accountSid: "AC" + "1".repeat(32),
  username: "SK" + "2".repeat(32),
  password: "key-secret",
};
const fake = new FakeTwilio();
let client: TwilioClient;

const POST: TwilioRequest = {
  product: "conversations",
  operation: "test.create",
  method: "POST",
  path: "/v1/Things",
  form: [["A", "1"]],
};

beforeAll(async () => {
  await fake.start();
  client = twilioClientAt(fake.url);
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

async function failure(
  request: TwilioRequest,
): Promise<Error & { extensions?: Record<string, unknown> }> {
  try {
    await client.request(CREDENTIALS, request);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the request to fail");
}

describe("TwilioClient", () => {
  it("authenticates an API key with Basic auth and sends GET parameters as a query string", async () => {
    fake.reply({ status: 200, body: { ok: true } });
    const body = await client.request(CREDENTIALS, {
      product: "api",
      operation: "test.list",
      method: "GET",
      path: "/2010-04-01/Things.json",
      query: [
        ["Muted", true],
        ["PageSize", 20],
      ],
    });
    expect(body).toEqual({ ok: true });
    expect(fake.requests[0]!.url).toBe("/2010-04-01/Things.json?Muted=true&PageSize=20");
    expect(fake.requests[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from(`${CREDENTIALS.username}:key-secret`).toString("base64")}`,
    );
    expect(fake.requests[0]!.headers["content-type"]).toBeUndefined();
  });

  it("returns undefined for an empty 204", async () => {
    fake.reply({ status: 204 });
    await expect(
      client.request(CREDENTIALS, { ...POST, method: "DELETE", form: undefined }),
    ).resolves.toBeUndefined();
  });

  it("gives up on a 429 whose Retry-After is longer than allowed, without waiting", async () => {
    fake.reply({
      ...twilioError(429, 20429, "Too Many Requests"),
      headers: { "retry-after": "60" },
    });
    const started = Date.now();
    const error = await failure(POST);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(TwilioApiError);
    expect((error as TwilioApiError).twilio).toMatchObject({ code: 20429, status: 429 });
    expect(fake.requests).toHaveLength(1);
  });

  it("stops retrying 429s after the configured number of retries", async () => {
    const tooMany = {
      ...twilioError(429, 20429, "Too Many Requests"),
      headers: { "retry-after": "0" },
    };
    fake.setFallback(tooMany);
    const error = await failure(POST);
    fake.setFallback({ status: 500, body: "no answer queued" });
    expect((error as TwilioApiError).twilio.status).toBe(429);
    expect(fake.requests).toHaveLength(3);
  });

  it("never retries a create that failed with a 503", async () => {
    fake.reply(twilioError(503, 20503, "Service Unavailable"), { status: 201, body: {} });
    const error = await failure(POST);
    expect(error.extensions?.code).toBe(ErrorCode.TwilioApiError);
    expect(fake.requests).toHaveLength(1);
  });

  it("reports an unreachable host as UPSTREAM_UNAVAILABLE without the URL", async () => {
    const offline = twilioClientAt("http://127.0.0.1:9", { maxRetries: 0, maxRetryAfterMs: 0 });
    const error = await offline
      .request(CREDENTIALS, { ...POST, product: "proxy" })
      .catch((e: Error) => e);
    expect((error as { extensions: { code: string } }).extensions.code).toBe(
      ErrorCode.UpstreamUnavailable,
    );
    expect((error as Error).message).toBe("Twilio proxy is unavailable: ECONNREFUSED");
  });

  it("treats a 2xx that is not JSON as UPSTREAM_UNAVAILABLE", async () => {
    fake.reply({ status: 200, body: "<html>captive portal</html>" });
    const error = await failure(POST);
    expect(error.extensions?.code).toBe(ErrorCode.UpstreamUnavailable);
  });

  it("keeps Twilio's request id on an error, for Twilio support", async () => {
    const requestId = "RQ" + "5".repeat(32);
    fake.reply({
      ...twilioError(400, 21211, "Invalid 'To' Phone Number"),
      headers: { "twilio-request-id": requestId },
    });
    const error = (await failure(POST)) as TwilioApiError;
    expect(error.twilio).toEqual({
      code: 21211,
      status: 400,
      message: "Invalid 'To' Phone Number",
      moreInfo: "https://www.twilio.com/docs/errors/21211",
      requestId,
    });
  });

  it("keeps a 4xx without a Twilio body as a TWILIO_API_ERROR with its status", async () => {
    fake.reply({ status: 403, body: "<html>Forbidden</html>" });
    const error = (await failure(POST)) as TwilioApiError;
    expect(error.twilio).toEqual({
      code: null,
      status: 403,
      message: "Twilio answered HTTP 403 without an error body",
      moreInfo: null,
    });
  });
});
