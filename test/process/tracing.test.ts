import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeTwilio } from "../support/fake-twilio.js";
import { ACCOUNT_SID, AUTH_TOKEN } from "../support/gateway.js";
import {
  type GatewayProcess,
  runGatewayProcessToExit,
  startGatewayProcess,
} from "../support/gateway-process.js";
import { OtlpReceiver } from "../support/otlp-receiver.js";

const CF = "CF" + "7".repeat(32);
const CA = "CA" + "8".repeat(32);
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

const fake = new FakeTwilio();
const receiver = new OtlpReceiver();
beforeAll(async () => {
  await fake.start();
  await receiver.start();
});
afterAll(async () => {
  await fake.stop();
  await receiver.stop();
});

let gateway: GatewayProcess | undefined;
afterEach(async () => {
  await gateway?.stop();
  gateway = undefined;
});

describe("tracing in the built server", () => {
  it("continues the caller's trace, spans its Twilio call, and exports the spans on SIGTERM", async () => {
    fake.setFallback({ status: 201, body: { call_sid: CA, conference_sid: CF } });
    gateway = await startGatewayProcess({
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      GATEWAY_AUTH: "none",
      NODE_ENV: "production",
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      // Spans leave only at shutdown: what a drain must not lose.
      OTEL_BSP_SCHEDULE_DELAY: "600000",
    });
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: TRACEPARENT },
      body: JSON.stringify({
        query: `mutation Add { addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "+15558675310" }) { callSid } }`,
      }),
    });
    expect(await response.json()).toEqual({ data: { addConferenceParticipant: { callSid: CA } } });
    expect(receiver.spans).toHaveLength(0);

    gateway.child.kill("SIGTERM");
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    const operation = receiver.spans.find((span) => span.kind === "SERVER");
    const call = receiver.spans.find((span) => span.kind === "CLIENT");
    expect(operation).toMatchObject({ traceId: TRACE_ID, name: "mutation" });
    expect(call).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: operation!.spanId,
      name: "POST /2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json",
    });
    expect(call!.attributes).toMatchObject({
      "twilio.operation": "conference.participant.create",
      "http.response.status_code": 201,
    });
    expect(JSON.stringify(receiver.spans)).not.toContain(AUTH_TOKEN);
  });

  it("refuses to start when the OTLP endpoint is not a URL", async () => {
    const { code, output } = await runGatewayProcessToExit({
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      GATEWAY_AUTH: "none",
      OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318",
    });
    expect(code).toBe(1);
    expect(output).toContain("OTEL_EXPORTER_OTLP_ENDPOINT");
  });
});
