import { afterEach, describe, expect, it } from "vitest";
import { GatewayMetrics } from "../../src/metrics/gateway-metrics.js";

const opened: GatewayMetrics[] = [];
afterEach(() => {
  for (const metrics of opened.splice(0)) metrics.close();
});

function gatewayMetrics(): GatewayMetrics {
  const metrics = new GatewayMetrics();
  opened.push(metrics);
  return metrics;
}

function lines(text: string, prefix: string): string[] {
  return text.split("\n").filter((line) => line.startsWith(prefix));
}

function value(text: string, sample: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${sample} `));
  if (line === undefined) throw new Error(`no sample ${sample}`);
  return Number(line.slice(sample.length + 1));
}

describe("GatewayMetrics", () => {
  it("writes odd label values escaped as the text format requires", async () => {
    const metrics = gatewayMetrics();
    metrics.countGraphQLError('C:\\temp "quoted"\nsecond line');
    metrics.countGraphQLError('C:\\temp "quoted"\nsecond line');
    metrics.countGraphQLError("BAD_USER_INPUT");
    const text = await metrics.metrics();
    expect(lines(text, "participant_gateway_graphql_errors_total")).toEqual([
      'participant_gateway_graphql_errors_total{code="C:\\\\temp \\"quoted\\"\\nsecond line"} 2',
      'participant_gateway_graphql_errors_total{code="BAD_USER_INPUT"} 1',
    ]);
    expect(metrics.contentType).toBe("text/plain; version=0.0.4; charset=utf-8");
  });

  it("writes a request as one counter sample and a histogram with cumulative buckets", async () => {
    const metrics = gatewayMetrics();
    metrics.observeGraphQLRequest("query", "gatewayInfo", false, 0.03);
    metrics.observeGraphQLRequest("query", "gatewayInfo", true, 4);
    const text = await metrics.metrics();
    expect(text).toContain(
      "# HELP participant_gateway_graphql_requests_total GraphQL requests by operation type, first root field and outcome (error: any error in the response).\n" +
        "# TYPE participant_gateway_graphql_requests_total counter\n" +
        'participant_gateway_graphql_requests_total{operation_type="query",root_field="gatewayInfo",outcome="ok"} 1\n' +
        'participant_gateway_graphql_requests_total{operation_type="query",root_field="gatewayInfo",outcome="error"} 1\n',
    );
    const name = "participant_gateway_graphql_request_duration_seconds";
    expect(lines(text, `${name}_`)).toEqual([
      `${name}_bucket{le="0.005",operation_type="query"} 0`,
      `${name}_bucket{le="0.01",operation_type="query"} 0`,
      `${name}_bucket{le="0.025",operation_type="query"} 0`,
      `${name}_bucket{le="0.05",operation_type="query"} 1`,
      `${name}_bucket{le="0.1",operation_type="query"} 1`,
      `${name}_bucket{le="0.25",operation_type="query"} 1`,
      `${name}_bucket{le="0.5",operation_type="query"} 1`,
      `${name}_bucket{le="1",operation_type="query"} 1`,
      `${name}_bucket{le="2.5",operation_type="query"} 1`,
      `${name}_bucket{le="5",operation_type="query"} 2`,
      `${name}_bucket{le="10",operation_type="query"} 2`,
      `${name}_bucket{le="+Inf",operation_type="query"} 2`,
      `${name}_sum{operation_type="query"} 4.03`,
      `${name}_count{operation_type="query"} 2`,
    ]);
  });

  it("labels a Twilio call by its HTTP status, or why there was none", async () => {
    const metrics = gatewayMetrics();
    metrics.observeTwilioCall("conference.participant.create", 201, 0.2);
    metrics.observeTwilioCall("conference.participant.create", "timeout", 0.3);
    const text = await metrics.metrics();
    expect(lines(text, "participant_gateway_twilio_requests_total")).toEqual([
      'participant_gateway_twilio_requests_total{operation="conference.participant.create",status="201"} 1',
      'participant_gateway_twilio_requests_total{operation="conference.participant.create",status="timeout"} 1',
    ]);
    expect(
      value(
        text,
        'participant_gateway_twilio_request_duration_seconds_count{operation="conference.participant.create"}',
      ),
    ).toBe(2);
  });

  it("includes prom-client's default process and Node.js metrics", async () => {
    const text = await gatewayMetrics().metrics();
    for (const [name, type] of [
      ["process_cpu_user_seconds_total", "counter"],
      ["process_cpu_system_seconds_total", "counter"],
      ["process_cpu_seconds_total", "counter"],
      ["process_start_time_seconds", "gauge"],
      ["process_resident_memory_bytes", "gauge"],
      ["process_open_fds", "gauge"],
      ["process_max_fds", "gauge"],
      ["nodejs_eventloop_lag_p99_seconds", "gauge"],
      ["nodejs_active_handles_total", "gauge"],
      ["nodejs_heap_size_used_bytes", "gauge"],
      ["nodejs_heap_space_size_used_bytes", "gauge"],
      ["nodejs_external_memory_bytes", "gauge"],
      ["nodejs_version_info", "gauge"],
      ["nodejs_gc_duration_seconds", "histogram"],
      ["nodejs_eventloop_delay_seconds", "gauge"],
    ] as const) {
      expect(text, name).toContain(`\n# TYPE ${name} ${type}\n`);
    }
    expect(value(text, "process_start_time_seconds")).toBeCloseTo(
      (Date.now() - performance.now()) / 1000,
      -1,
    );
    expect(text).toContain(`nodejs_version_info{version="${process.version}"`);
  });

  it("shares the process's metrics between instances, but not the counts", async () => {
    const first = gatewayMetrics();
    const second = gatewayMetrics();
    first.countGraphQLError("ONLY_IN_FIRST");
    const [firstText, secondText] = await Promise.all([first.metrics(), second.metrics()]);
    expect(firstText).toContain('code="ONLY_IN_FIRST"');
    expect(secondText).not.toContain("ONLY_IN_FIRST");
    expect(secondText).toContain("\n# TYPE process_cpu_seconds_total counter\n");
    expect(value(secondText, "process_resident_memory_bytes")).toBeGreaterThan(1e6);
  });

  it("measures the event loop's delay without the monitor's own period, until closed", async () => {
    const open = gatewayMetrics();
    const closed = gatewayMetrics();
    // Scraping resets what each monitor recorded so far; closing stops one of them.
    await Promise.all([open.metrics(), closed.metrics()]);
    closed.close();

    await new Promise((resolve) => setTimeout(resolve, 30));
    const blockedUntil = performance.now() + 80;
    while (performance.now() < blockedUntil) {
      // Keep the event loop busy: every timer waiting now runs late.
    }
    await new Promise((resolve) => setTimeout(resolve, 30));

    const delay = value(await open.metrics(), "nodejs_eventloop_delay_seconds");
    expect(delay).toBeGreaterThanOrEqual(0.06);
    expect(delay).toBeLessThan(1);
    expect(value(await closed.metrics(), "nodejs_eventloop_delay_seconds")).toBe(0);
  });
});
