import { randomUUID } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";
import { ACCOUNT_SID, startTestGateway, type TestGateway } from "../support/gateway.js";
import { postKeyed } from "../support/keyed-post.js";
import { refusingUrl } from "../support/misbehaving-twilio.js";

const CF = "CF" + "a".repeat(32);
const CA = (n: number) => "CA" + n.toString(16).padStart(32, "0");
const added = (n: number, delayMs = 0) => ({
  status: 201,
  delayMs,
  body: { account_sid: ACCOUNT_SID, conference_sid: CF, call_sid: CA(n), status: "queued" },
});

const ADD = /* GraphQL */ `
  mutation Add($to: String!, $label: String) {
    addConferenceParticipant(
      input: { conferenceSid: "${CF}", from: "+15017122661", to: $to, label: $label }
    ) {
      callSid
      status
    }
  }
`;
/** The same operation, written differently: other whitespace, a comment, commas. */
const ADD_REFORMATTED = `# dial the customer
mutation Add($to: String!, $label: String) { addConferenceParticipant(input: {conferenceSid: "${CF}", from: "+15017122661", to: $to, label: $label}) { callSid, status } }`;
const addBody = (to = "+15558675310", label = "customer") => ({
  query: ADD,
  operationName: "Add",
  variables: { to, label },
});

const fake = new FakeTwilio();
let gateway: TestGateway;
let shortLease: TestGateway;
beforeAll(async () => {
  await fake.start();
  [gateway, shortLease] = await Promise.all([
    startTestGateway(fake.url, { TWILIO_TIMEOUT_MS: "1000", TWILIO_REQUEST_CREDENTIALS: "true" }),
    startTestGateway(fake.url, { TWILIO_TIMEOUT_MS: "5000", IDEMPOTENCY_LEASE_MS: "300" }),
  ]);
});
afterAll(async () => {
  await Promise.all([gateway.close(), shortLease.close()]);
  await fake.stop();
});
beforeEach(() => fake.reset());

const key = () => randomUUID();

describe("Idempotency-Key on a mutation", () => {
  it("replays the first answer to a retry — status, headers, body — without calling Twilio again", async () => {
    const k = key();
    fake.reply(added(1));
    const first = await postKeyed(gateway.graphqlUrl, k, addBody());
    const retry = await postKeyed(gateway.graphqlUrl, k, addBody());
    expect(fake.requests).toHaveLength(1);
    expect(first.json).toEqual({
      data: { addConferenceParticipant: { callSid: CA(1), status: "QUEUED" } },
    });
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.status).toBe(first.status);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get("content-type")).toBe(first.headers.get("content-type"));
    // Each exchange keeps its own request id: it names this request's log line.
    expect(retry.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
  });

  it("recognises a retry written differently: whitespace, comments, variables in another order", async () => {
    const k = key();
    fake.reply(added(1));
    await postKeyed(gateway.graphqlUrl, k, addBody());
    const retry = await postKeyed(gateway.graphqlUrl, k, {
      query: ADD_REFORMATTED,
      operationName: "Add",
      variables: { label: "customer", to: "+15558675310" },
    });
    expect(fake.requests).toHaveLength(1);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
  });

  it("refuses the key for another request with 422 IDEMPOTENCY_KEY_REUSED, sending nothing", async () => {
    const k = key();
    fake.reply(added(1));
    await postKeyed(gateway.graphqlUrl, k, addBody("+15558675310"));
    const other = await postKeyed(gateway.graphqlUrl, k, addBody("+15558675399"));
    expect(fake.requests).toHaveLength(1);
    expect(other.status).toBe(422);
    expect(other.json.errors![0]!.extensions).toEqual({
      code: "IDEMPOTENCY_KEY_REUSED",
      outcome: "NOT_SENT",
    });
  });

  it("lets concurrent requests with one key reach Twilio once; all get the one answer", async () => {
    const k = key();
    fake.reply(added(1, 300));
    const answers = await Promise.all(
      [1, 2, 3].map(() => postKeyed(gateway.graphqlUrl, k, addBody())),
    );
    expect(fake.requests).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    const replayed = answers.map((answer) => answer.headers.get("idempotent-replayed"));
    expect(replayed.filter((header) => header === "true")).toHaveLength(2);
  });

  it("tells a request that waited a whole lease 409 IDEMPOTENCY_KEY_IN_USE with Retry-After; the answer comes later", async () => {
    const k = key();
    fake.reply(added(1, 1_500));
    const first = postKeyed(shortLease.graphqlUrl, k, addBody());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const second = await postKeyed(shortLease.graphqlUrl, k, addBody());
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(second.status).toBe(409);
    expect(second.headers.get("retry-after")).toBe("1");
    expect(second.json.errors![0]!.extensions).toEqual({
      code: "IDEMPOTENCY_KEY_IN_USE",
      outcome: "NOT_SENT",
      retryAfterMs: 1000,
    });
    // The first is still running, renewing its claim: not taken for an interrupted one.
    expect((await first).status).toBe(200);
    const later = await postKeyed(shortLease.graphqlUrl, k, addBody());
    expect(later.headers.get("idempotent-replayed")).toBe("true");
    expect(later.text).toBe((await first).text);
    expect(fake.requests).toHaveLength(1);
  });

  it("stores an UNKNOWN outcome as such and replays it: the retry dials nobody", async () => {
    const k = key();
    fake.reply(added(1, 1_500));
    const first = await postKeyed(gateway.graphqlUrl, k, addBody());
    expect(first.json.errors![0]!.extensions).toEqual({
      code: "UPSTREAM_TIMEOUT",
      outcome: "UNKNOWN",
    });
    const retry = await postKeyed(gateway.graphqlUrl, k, addBody());
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.text).toBe(first.text);
    expect(fake.requests).toHaveLength(1);
  });

  it("replays a partial answer whole: what was dialled stays dialled, what failed stays failed", async () => {
    const k = key();
    const two = `mutation {
      a: addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "+15558675310" }) { callSid }
      b: addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "+15558675311" }) { callSid }
    }`;
    fake.reply(added(1), twilioError(400, 21211, "Invalid 'To' Phone Number"));
    const first = await postKeyed(gateway.graphqlUrl, k, { query: two });
    expect(first.json.data).toEqual({ a: { callSid: CA(1) }, b: null });
    const retry = await postKeyed(gateway.graphqlUrl, k, { query: two });
    expect(retry.text).toBe(first.text);
    expect(fake.requests).toHaveLength(2);
  });

  it("releases the key when the request changed nothing (every mutation NOT_SENT or REJECTED)", async () => {
    const k = key();
    const invalid = await postKeyed(gateway.graphqlUrl, k, addBody("not-a-number"));
    expect(invalid.json.errors![0]!.extensions).toMatchObject({ outcome: "NOT_SENT" });
    // A Retry-After longer than the gateway waits: the 429 is returned, not retried.
    fake.reply({
      ...twilioError(429, 20429, "Too Many Requests"),
      headers: { "retry-after": "60" },
    });
    const limited = await postKeyed(gateway.graphqlUrl, k, addBody());
    expect(limited.json.errors![0]!.extensions).toMatchObject({ outcome: "REJECTED" });
    expect(limited.headers.get("idempotent-replayed")).toBeNull();
    fake.reply(added(1));
    const succeeded = await postKeyed(gateway.graphqlUrl, k, addBody());
    expect(succeeded.json.data).toEqual({
      addConferenceParticipant: { callSid: CA(1), status: "QUEUED" },
    });
    expect(fake.requests).toHaveLength(2);
    const replayed = await postKeyed(gateway.graphqlUrl, k, addBody());
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(fake.requests).toHaveLength(2);
  });

  it("keeps nothing for a request that never ran (a parse error)", async () => {
    const k = key();
    const broken = await postKeyed(gateway.graphqlUrl, k, { query: "mutation { add(" });
    expect(broken.status).toBe(400);
    expect(broken.json.errors![0]!.extensions).toEqual({ code: "GRAPHQL_PARSE_FAILED" });
    fake.reply(added(1));
    const valid = await postKeyed(gateway.graphqlUrl, k, addBody());
    expect(valid.headers.get("idempotent-replayed")).toBeNull();
    expect(fake.requests).toHaveLength(1);
  });

  it("scopes a key to the Twilio credentials it acts with: another account's request runs on its own", async () => {
    const k = key();
    const other = `Basic ${Buffer.from(`AC${"7".repeat(32)}:another-token-not-real`).toString("base64")}`;
    fake.reply(added(1), added(2));
    const mine = await postKeyed(gateway.graphqlUrl, k, addBody());
    const theirs = await postKeyed(gateway.graphqlUrl, k, addBody(), { authorization: other });
    expect(fake.requests).toHaveLength(2);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.text).not.toBe(mine.text);
  });
});

describe("Idempotency-Key without its store", () => {
  it("refuses a keyed request with 503 IDEMPOTENCY_STORE_UNAVAILABLE rather than run it unprotected", async () => {
    const unreachable = await startTestGateway(fake.url, {
      REDIS_URL: (await refusingUrl()).replace("http:", "redis:"),
    });
    try {
      const answer = await postKeyed(unreachable.graphqlUrl, key(), addBody());
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("1");
      expect(answer.json.errors![0]!.extensions).toEqual({
        code: "IDEMPOTENCY_STORE_UNAVAILABLE",
        outcome: "NOT_SENT",
        retryAfterMs: 1000,
      });
      expect(fake.requests).toHaveLength(0);
      // Without a key the store is not needed.
      fake.reply(added(1));
      const unkeyed = await postKeyed(unreachable.graphqlUrl, undefined, addBody());
      expect(unkeyed.json.data).toBeTruthy();
    } finally {
      await unreachable.close();
    }
  });
});

describe("Idempotency-Key refused or ignored", () => {
  it.each([
    ["256 characters", "k".repeat(256)],
    ["an empty value", ""],
    ["a non-ASCII character", "clé-1"],
  ])("refuses a key of %s with 400 IDEMPOTENCY_KEY_INVALID", async (_, invalid) => {
    const answer = await postKeyed(gateway.graphqlUrl, invalid, addBody());
    expect(answer.status).toBe(400);
    expect(answer.json.errors![0]!.extensions).toEqual({
      code: "IDEMPOTENCY_KEY_INVALID",
      outcome: "NOT_SENT",
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses a key sent twice", async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(gateway.graphqlUrl, { method: "POST" }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on("error", reject);
      request.setHeader("content-type", "application/json");
      // Two header lines, as a confused proxy or client might send them.
      request.setHeader("idempotency-key", ["one", "two"]);
      request.end(JSON.stringify(addBody()));
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("IDEMPOTENCY_KEY_INVALID");
    expect(fake.requests).toHaveLength(0);
  });

  it("accepts a key of 255 printable characters", async () => {
    fake.reply(added(1));
    const answer = await postKeyed(gateway.graphqlUrl, "k".repeat(254) + "~", addBody());
    expect(answer.status).toBe(200);
  });

  it("refuses a persisted-query hash alone: the gateway cannot see whether it is a mutation", async () => {
    const answer = await postKeyed(gateway.graphqlUrl, key(), {
      extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.errors![0]!.extensions).toEqual({
      code: "BAD_REQUEST",
      outcome: "NOT_SENT",
    });
  });

  it("ignores the key on a query: a read is safe to repeat and runs every time", async () => {
    const k = key();
    fake.setFallback({ status: 200, body: { call_sid: CA(1), conference_sid: CF } });
    const query = {
      query: `{ conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA(1)}") { callSid } }`,
    };
    await postKeyed(gateway.graphqlUrl, k, query);
    const again = await postKeyed(gateway.graphqlUrl, k, query);
    fake.setFallback({ status: 500, body: "no answer queued" });
    expect(fake.requests).toHaveLength(2);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    // …and the key stays free for a mutation.
    fake.reply(added(1));
    const write = await postKeyed(gateway.graphqlUrl, k, addBody());
    expect(write.json.data).toBeTruthy();
  });
});
