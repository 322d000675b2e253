import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Context, context, propagation, ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startTracing, type Tracing } from "../../src/tracing/tracing.js";
import { FakeTwilio, twilioError } from "../support/fake-twilio.js";
import { OtlpReceiver, type ReceivedSpan } from "../support/otlp-receiver.js";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN_ID = "00f067aa0ba902b7";
const ACCOUNT_SID = "AC" + "1".repeat(32);
const CONFERENCE_SID = "CF" + "a".repeat(32);
const AUTH_TOKEN = "fake-auth-token-not-a-secret";
const TO = "+15005550001";
const PARTICIPANTS_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CONFERENCE_SID}/Participants.json`;
const PARTICIPANTS_TEMPLATE =
  "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json";
const SERVICE = { serviceName: "participant-gateway", serviceVersion: "9.9.9-test" };

/** Every variable startTracing or the SDK reads, so the machine's environment cannot leak in. */
const OTEL_VARIABLES = [
  "OTEL_SDK_DISABLED",
  "OTEL_EXPORTER_OTLP_ENDPOINT",
  "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
  "OTEL_EXPORTER_OTLP_HEADERS",
  "OTEL_EXPORTER_OTLP_TRACES_HEADERS",
  "OTEL_EXPORTER_OTLP_COMPRESSION",
  "OTEL_EXPORTER_OTLP_TIMEOUT",
  "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION",
  "OTEL_SERVICE_NAME",
  "OTEL_RESOURCE_ATTRIBUTES",
  "OTEL_TRACES_SAMPLER",
  "OTEL_TRACES_SAMPLER_ARG",
];

const receiver = new OtlpReceiver();
const fake = new FakeTwilio();
let started: Tracing[] = [];

beforeAll(async () => {
  await Promise.all([receiver.start(), fake.start()]);
});
afterAll(async () => {
  await Promise.all([receiver.stop(), fake.stop()]);
});
beforeEach(() => {
  receiver.reset();
  fake.reset();
  for (const name of OTEL_VARIABLES) vi.stubEnv(name, undefined);
});
afterEach(async () => {
  await Promise.allSettled(started.map((tracing) => tracing.shutdown()));
  started = [];
  vi.unstubAllEnvs();
});

async function tracingWith(env: Record<string, string>): Promise<Tracing> {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const tracing = await startTracing(SERVICE);
  started.push(tracing);
  return tracing;
}

/** A real call to the fake Twilio inside a span, ended the way the gateway's client would. */
async function addParticipant(tracing: Tracing, parent: Context): Promise<number> {
  const url = fake.url + PARTICIPANTS_PATH;
  const span = tracing.startTwilioCallSpan(parent, {
    product: "api",
    operation: "conference.participant.create",
    method: "POST",
    url,
    urlTemplate: PARTICIPANTS_TEMPLATE,
  });
  const response = await fetch(url, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ From: "+15017122661", To: TO }).toString(),
  });
  const body = (await response.json()) as { code?: number };
  span.end({
    status: response.status,
    twilioErrorCode: body.code ?? null,
    twilioRequestId: response.headers.get("twilio-request-id") ?? undefined,
  });
  return response.status;
}

function byName(spans: ReceivedSpan[], name: string): ReceivedSpan[] {
  return spans.filter((span) => span.name === name);
}

describe("tracing with an OTLP endpoint", () => {
  it("exports the operation span, continued from the caller's traceparent, and a child span per Twilio call", async () => {
    const tracing = await tracingWith({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    expect(tracing.exporting).toBe(true);
    fake.reply(
      {
        status: 201,
        body: { call_sid: "CA" + "b".repeat(32) },
        headers: { "twilio-request-id": "RQ" + "1".repeat(32) },
      },
      {
        ...twilioError(400, 21211, `The 'To' number ${TO} is not a valid phone number.`),
        headers: { "twilio-request-id": "RQ" + "2".repeat(32) },
      },
    );

    const parent = tracing.extractTraceContext({
      traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`,
      tracestate: "router=r1",
      "content-type": "application/json",
    });
    const operation = tracing.startOperationSpan(parent);
    operation.setOperation("mutation", "AddTwo");
    expect(await addParticipant(tracing, operation.context)).toBe(201);
    expect(await addParticipant(tracing, operation.context)).toBe(400);
    operation.end(["TWILIO_API_ERROR"]);
    await tracing.shutdown();

    expect(receiver.requests).toEqual([
      { path: "/v1/traces", contentType: "application/json", contentEncoding: undefined },
    ]);
    const spans = receiver.spans;
    expect(spans).toHaveLength(3);
    const [op] = byName(spans, "mutation");
    expect(op).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: CALLER_SPAN_ID,
      traceState: "router=r1",
      kind: "SERVER",
      status: { code: "ERROR", message: undefined },
      scope: { name: "participant-gateway", version: "9.9.9-test" },
    });
    expect(op!.attributes).toEqual({
      "graphql.operation.type": "mutation",
      "graphql.operation.name": "AddTwo",
      "error.type": "TWILIO_API_ERROR",
    });
    expect(op!.resource).toMatchObject({
      "service.name": "participant-gateway",
      "service.version": "9.9.9-test",
      "telemetry.sdk.language": "nodejs",
    });

    const calls = byName(spans, `POST ${PARTICIPANTS_TEMPLATE}`);
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call).toMatchObject({ traceId: TRACE_ID, parentSpanId: op!.spanId, kind: "CLIENT" });
    }
    const common = {
      "http.request.method": "POST",
      "url.full": fake.url + PARTICIPANTS_PATH,
      "url.template": PARTICIPANTS_TEMPLATE,
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(fake.url).port),
      "twilio.product": "api",
      "twilio.operation": "conference.participant.create",
    };
    const [created, refused] =
      calls[0]!.attributes["http.response.status_code"] === 201 ? calls : calls.reverse();
    expect(created!.attributes).toEqual({
      ...common,
      "http.response.status_code": 201,
      "twilio.request_id": "RQ" + "1".repeat(32),
    });
    expect(created!.status.code).toBe("UNSET");
    expect(refused!.attributes).toEqual({
      ...common,
      "http.response.status_code": 400,
      "error.type": "400",
      "twilio.error_code": 21211,
      "twilio.request_id": "RQ" + "2".repeat(32),
    });
    expect(refused!.status).toEqual({ code: "ERROR", message: undefined });

    const exported = JSON.stringify(spans);
    for (const secret of [AUTH_TOKEN, TO, "Basic "]) expect(exported).not.toContain(secret);
  });

  it("uses OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, its compression and the standard resource variables", async () => {
    const tracing = await tracingWith({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9/unused",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/collector/traces`,
      OTEL_RESOURCE_ATTRIBUTES: "deployment.environment.name=staging,service.name=overridden",
      OTEL_SERVICE_NAME: "gateway-eu",
      OTEL_EXPORTER_OTLP_TRACES_COMPRESSION: "gzip",
    });
    const operation = tracing.startOperationSpan(tracing.extractTraceContext({}));
    const call = tracing.startTwilioCallSpan(operation.context, {
      product: "conversations",
      operation: "conversation.participant.create",
      method: "POST",
      url: "https://conversations.twilio.com/v1/Conversations/support-4711/Participants",
      urlTemplate: "/v1/Conversations/{ConversationSid}/Participants",
    });
    call.end({ failure: "timeout" });
    operation.end([]);
    await tracing.shutdown();

    expect(receiver.requests).toEqual([
      { path: "/collector/traces", contentType: "application/json", contentEncoding: "gzip" },
    ]);
    const [op] = byName(receiver.spans, "GraphQL Operation");
    expect(op).toMatchObject({
      parentSpanId: undefined,
      kind: "SERVER",
      status: { code: "UNSET" },
    });
    expect(op!.attributes).toEqual({});
    expect(op!.resource).toMatchObject({
      "service.name": "gateway-eu",
      "service.version": "9.9.9-test",
      "deployment.environment.name": "staging",
    });
    const [timedOut] = byName(
      receiver.spans,
      "POST /v1/Conversations/{ConversationSid}/Participants",
    );
    expect(timedOut).toMatchObject({ traceId: op!.traceId, parentSpanId: op!.spanId });
    expect(timedOut!.status.code).toBe("ERROR");
    expect(timedOut!.attributes).toEqual({
      "http.request.method": "POST",
      "url.full": "https://conversations.twilio.com/v1/Conversations/REDACTED/Participants",
      "url.template": "/v1/Conversations/{ConversationSid}/Participants",
      "server.address": "conversations.twilio.com",
      "server.port": 443,
      "twilio.product": "conversations",
      "twilio.operation": "conversation.participant.create",
      "error.type": "timeout",
    });
  });

  it("follows the caller's sampling decision, and OTEL_TRACES_SAMPLER", async () => {
    const tracing = await tracingWith({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    const unsampled = tracing.startOperationSpan(
      tracing.extractTraceContext({ traceparent: `00-${"1".repeat(32)}-${CALLER_SPAN_ID}-00` }),
    );
    unsampled.setOperation("query", "NotSampled");
    unsampled.end([]);
    const sampled = tracing.startOperationSpan(
      tracing.extractTraceContext({ traceparent: `00-${"2".repeat(32)}-${CALLER_SPAN_ID}-01` }),
    );
    sampled.setOperation("query", "Sampled");
    sampled.end([]);
    await tracing.shutdown();
    expect(receiver.spans.map((span) => span.attributes["graphql.operation.name"])).toEqual([
      "Sampled",
    ]);

    receiver.reset();
    const off = await tracingWith({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_TRACES_SAMPLER: "always_off",
    });
    off
      .startOperationSpan(
        off.extractTraceContext({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` }),
      )
      .end([]);
    await off.shutdown();
    expect(receiver.spans).toEqual([]);
  });

  it("rejects shutdown when the last spans cannot reach the collector", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const tracing = await tracingWith({
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_TIMEOUT: "500",
    });
    tracing.startOperationSpan(ROOT_CONTEXT).end([]);
    const started = performance.now();
    await expect(tracing.shutdown()).rejects.toThrow(/ECONNREFUSED/);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("registers nothing with the OpenTelemetry API", async () => {
    const tracing = await tracingWith({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    const operation = tracing.startOperationSpan(ROOT_CONTEXT);
    expect(trace.getSpan(operation.context)?.isRecording()).toBe(true);
    // No global context manager: the API's no-op one ignores `with`.
    expect(context.with(operation.context, () => context.active())).toBe(ROOT_CONTEXT);
    expect(trace.getTracer("other").startSpan("global").isRecording()).toBe(false);
    expect(propagation.fields()).toEqual([]);
    operation.end([]);
  });

  it("refuses an endpoint that is not an http(s) URL, without repeating it", async () => {
    for (const [name, value] of [
      ["OTEL_EXPORTER_OTLP_ENDPOINT", "grpc://collector-user:s3cret@collector:4317"],
      ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "collector:4318/v1/traces"],
    ] as const) {
      vi.stubEnv(name, value);
      // The whole message: the value, which may carry credentials, is not in it.
      await expect(startTracing(SERVICE)).rejects.toThrow(
        new Error(`${name} is not an http:// or https:// URL (OTLP over HTTP)`),
      );
      vi.stubEnv(name, undefined);
    }
  });
});

describe("tracing without an OTLP endpoint", () => {
  it("starts no provider: spans are the API's no-op spans and nothing is exported", async () => {
    const environments: Record<string, string>[] = [
      {},
      { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SDK_DISABLED: "true" },
    ];
    for (const env of environments) {
      const tracing = await tracingWith(env);
      expect(tracing.exporting).toBe(false);
      const parent = tracing.extractTraceContext({
        traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`,
      });
      expect(parent).toBe(ROOT_CONTEXT);
      const operation = tracing.startOperationSpan(parent);
      operation.setOperation("mutation", "AddTwo");
      const span = trace.getSpan(operation.context)!;
      expect(span.isRecording()).toBe(false);
      expect(span.spanContext().traceId).toBe("0".repeat(32));
      fake.reply({ status: 201, body: {} });
      expect(await addParticipant(tracing, operation.context)).toBe(201);
      operation.end(["TWILIO_API_ERROR"]);
      await tracing.shutdown();
    }
    expect(receiver.requests).toEqual([]);
  });
});
