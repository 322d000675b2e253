import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";
import { ACCOUNT_SID, AUTH_TOKEN, startTestGateway, type TestGateway } from "../support/gateway.js";

const CONFERENCE_SID = "CF" + "a".repeat(32);
const CALL_SID = "CA" + "b".repeat(32);
const CLIENT_OPERATION_NAME = "ClientChosen_Name_4711";

const ADD = /* GraphQL */ `
  mutation ${CLIENT_OPERATION_NAME}($input: AddConferenceParticipantInput!) {
    added: addConferenceParticipant(input: $input) {
      callSid
      status
    }
  }
`;
const VALID_INPUT = { conferenceSid: CONFERENCE_SID, from: "+15017122661", to: "+15558675310" };
const TWILIO_ANSWER = {
  account_sid: ACCOUNT_SID,
  call_sid: CALL_SID,
  conference_sid: CONFERENCE_SID,
  status: "queued",
  uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CONFERENCE_SID}/Participants/${CALL_SID}.json`,
};

const fake = new FakeTwilio();
let gateway: TestGateway;
let other: TestGateway;
let disabled: TestGateway;
let bounded: TestGateway;

beforeAll(async () => {
  await fake.start();
  gateway = await startTestGateway(fake.url, { TWILIO_TIMEOUT_MS: "300" });
  other = await startTestGateway(fake.url);
  disabled = await startTestGateway(fake.url, { METRICS_ENABLED: "false" });
  bounded = await startTestGateway(fake.url);
});
afterAll(async () => {
  await Promise.all([gateway.close(), other.close(), disabled.close(), bounded.close()]);
  await fake.stop();
});

async function scrape(target: TestGateway) {
  const response = await fetch(`${target.url}/metrics`);
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get("content-type"), text };
}

function samples(text: string, metric: string): string[] {
  return text.split("\n").filter((line) => line.startsWith(`${metric}{`));
}

describe("GET /metrics", () => {
  it("counts GraphQL requests, their errors and the Twilio calls behind them", async () => {
    fake.reply(
      { status: 201, body: TWILIO_ANSWER },
      twilioError(400, 21211, "The 'To' number +15005550001 is not a valid phone number."),
      { status: 201, body: TWILIO_ANSWER, delayMs: 1000 },
    );
    const ok = await gateway.graphql(ADD, { input: VALID_INPUT });
    expect(ok.errors).toBeUndefined();
    const rejected = await gateway.graphql(ADD, { input: { ...VALID_INPUT, to: "+15005550001" } });
    expect(rejected.errors![0]!.extensions!.code).toBe("TWILIO_API_ERROR");
    const badInput = await gateway.graphql(ADD, {
      input: { ...VALID_INPUT, to: "15558675310", timeout: 4 },
    });
    expect(badInput.errors!.map((error) => error.extensions!.code)).toEqual([
      "BAD_USER_INPUT",
      "BAD_USER_INPUT",
    ]);
    const timedOut = await gateway.graphql(ADD, { input: VALID_INPUT });
    expect(timedOut.errors![0]!.extensions!.code).toBe("UPSTREAM_TIMEOUT");
    expect(fake.requests).toHaveLength(3);

    const { status, contentType, text } = await scrape(gateway);
    expect(status).toBe(200);
    expect(contentType).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(text).toContain("# TYPE participant_gateway_graphql_requests_total counter\n");
    expect(samples(text, "participant_gateway_graphql_requests_total")).toEqual([
      'participant_gateway_graphql_requests_total{operation_type="mutation",root_field="addConferenceParticipant",outcome="ok"} 1',
      'participant_gateway_graphql_requests_total{operation_type="mutation",root_field="addConferenceParticipant",outcome="error"} 3',
    ]);
    expect(samples(text, "participant_gateway_graphql_errors_total")).toEqual([
      'participant_gateway_graphql_errors_total{code="TWILIO_API_ERROR"} 1',
      'participant_gateway_graphql_errors_total{code="BAD_USER_INPUT"} 2',
      'participant_gateway_graphql_errors_total{code="UPSTREAM_TIMEOUT"} 1',
    ]);
    expect(samples(text, "participant_gateway_twilio_requests_total")).toEqual([
      'participant_gateway_twilio_requests_total{operation="conference.participant.create",status="201"} 1',
      'participant_gateway_twilio_requests_total{operation="conference.participant.create",status="400"} 1',
      'participant_gateway_twilio_requests_total{operation="conference.participant.create",status="timeout"} 1',
    ]);

    expect(text).toContain(
      "# TYPE participant_gateway_graphql_request_duration_seconds histogram\n",
    );
    expect(text).toContain(
      'participant_gateway_graphql_request_duration_seconds_count{operation_type="mutation"} 4\n',
    );
    expect(text).toContain(
      'participant_gateway_graphql_request_duration_seconds_bucket{le="+Inf",operation_type="mutation"} 4\n',
    );
    const twilioBuckets = samples(
      text,
      "participant_gateway_twilio_request_duration_seconds_bucket",
    );
    expect(twilioBuckets.map((line) => /le="([^"]+)"/.exec(line)![1])).toEqual([
      "0.005",
      "0.01",
      "0.025",
      "0.05",
      "0.1",
      "0.25",
      "0.5",
      "1",
      "2.5",
      "5",
      "10",
      "+Inf",
    ]);
    expect(twilioBuckets.at(-1)).toBe(
      'participant_gateway_twilio_request_duration_seconds_bucket{le="+Inf",operation="conference.participant.create"} 3',
    );
    // The timed-out call waited the 300 ms timeout, so it is not in the 0.25 s bucket.
    const upTo250ms = twilioBuckets.find((line) => line.includes('le="0.25"'))!;
    expect(Number(upTo250ms.split(" ")[1])).toBeLessThan(3);
    const twilioSum = samples(text, "participant_gateway_twilio_request_duration_seconds_sum");
    expect(Number(twilioSum[0]!.split(" ")[1])).toBeGreaterThanOrEqual(0.3);
  });

  it("labels requests by the schema's root field, never the client's operation name or alias", async () => {
    const result = await other.graphql(
      `query ${CLIENT_OPERATION_NAME} { ...Root }
       fragment Root on Query { renamed: gatewayInfo { name } }`,
    );
    expect(result.errors).toBeUndefined();
    const { text } = await scrape(other);
    expect(samples(text, "participant_gateway_graphql_requests_total")).toEqual([
      'participant_gateway_graphql_requests_total{operation_type="query",root_field="gatewayInfo",outcome="ok"} 1',
    ]);
    expect(text).not.toContain(CLIENT_OPERATION_NAME);
    expect(text).not.toContain("renamed");
  });

  it("counts requests that fail before an operation is resolved as unknown", async () => {
    const before = await scrape(other);
    expect(before.text).not.toContain('operation_type="unknown"');
    const parseError = await other.graphql("{ gatewayInfo {");
    expect(parseError.errors![0]!.extensions!.code).toBe("GRAPHQL_PARSE_FAILED");
    const validationError = await other.graphql("{ noSuchField }");
    expect(validationError.errors![0]!.extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");

    const { text } = await scrape(other);
    expect(text).toContain(
      'participant_gateway_graphql_requests_total{operation_type="unknown",root_field="unknown",outcome="error"} 2\n',
    );
    expect(text).toContain(
      'participant_gateway_graphql_errors_total{code="GRAPHQL_PARSE_FAILED"} 1\n',
    );
    expect(text).toContain(
      'participant_gateway_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"} 1\n',
    );
    expect(text).toContain(
      'participant_gateway_graphql_request_duration_seconds_count{operation_type="unknown"} 2\n',
    );
    expect(text).not.toContain("noSuchField");
  });

  it("keeps its label sets bounded whatever names, aliases, inputs and documents clients send", async () => {
    const clientChosen = (i: number) => [
      bounded.graphql(`query Named_${i} { alias_${i}: gatewayInfo { name } }`),
      bounded.graphql(`{ field_${i} }`),
      bounded.graphql(`{ gatewayInfo { name } ${"{".repeat(i)}`),
      // Refused by input validation before any call to Twilio.
      bounded.graphql(ADD, { input: { ...VALID_INPUT, to: `+1555${i}`.padEnd(40, "9") } }),
    ];
    const ourSeries = async () => {
      const { text } = await scrape(bounded);
      return text.split("\n").filter((line) => line.startsWith("participant_gateway_"));
    };

    const twilioCalls = fake.requests.length;
    await Promise.all(clientChosen(1));
    const afterFirst = await ourSeries();
    for (let i = 2; i <= 12; i += 1) await Promise.all(clientChosen(i));
    const afterMany = await ourSeries();

    expect(fake.requests).toHaveLength(twilioCalls);
    expect(afterMany.map((line) => line.replace(/ \S+$/, ""))).toEqual(
      afterFirst.map((line) => line.replace(/ \S+$/, "")),
    );
    expect(afterMany).toContain(
      'participant_gateway_graphql_requests_total{operation_type="unknown",root_field="unknown",outcome="error"} 24',
    );
    for (const chosen of ["Named_", "alias_", "field_", "+1555"]) {
      expect(afterMany.join("\n")).not.toContain(chosen);
    }
  });

  it("keeps each gateway's counts to itself", async () => {
    const { text } = await scrape(other);
    expect(samples(text, "participant_gateway_twilio_requests_total")).toEqual([]);
    expect(text).not.toContain("addConferenceParticipant");
  });

  it("reports the process's CPU, memory and event-loop delay", async () => {
    const { text } = await scrape(gateway);
    for (const [name, type] of [
      ["process_cpu_seconds_total", "counter"],
      ["process_resident_memory_bytes", "gauge"],
      ["nodejs_heap_size_used_bytes", "gauge"],
      ["nodejs_eventloop_delay_seconds", "gauge"],
    ] as const) {
      expect(text).toContain(`# TYPE ${name} ${type}\n`);
      const value = new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1];
      expect(Number(value), name).toBeGreaterThanOrEqual(0);
    }
    expect(Number(/^process_resident_memory_bytes (\S+)$/m.exec(text)![1])).toBeGreaterThan(1e6);
  });

  it("never exposes credentials, identifiers, inputs or upstream URLs", async () => {
    const { text } = await scrape(gateway);
    for (const secret of [
      AUTH_TOKEN,
      ACCOUNT_SID,
      CONFERENCE_SID,
      CALL_SID,
      "+15005550001",
      "15558675310",
      fake.url,
      "127.0.0.1",
      CLIENT_OPERATION_NAME,
      "Basic ",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("answers only GET and HEAD", async () => {
    const head = await fetch(`${gateway.url}/metrics`, { method: "HEAD" });
    expect(head.status).toBe(200);
    const post = await fetch(`${gateway.url}/metrics`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("is a 404 with METRICS_ENABLED=false", async () => {
    const result = await disabled.graphql("{ gatewayInfo { name } }");
    expect(result.errors).toBeUndefined();
    const response = await fetch(`${disabled.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Not found" });
  });
});
