import { describe, expect, it } from "vitest";
import { Counter } from "../../src/metrics/counter.js";
import { Histogram } from "../../src/metrics/histogram.js";
import { MetricsRegistry } from "../../src/metrics/registry.js";
import { SampledMetric } from "../../src/metrics/sampled.js";

describe("Prometheus text exposition", () => {
  it("writes a counter with escaped label values and help text", () => {
    const counter = new Counter(
      "demo_requests_total",
      'Requests with a \\ and a\nnewline "here".',
      ["path", "status"] as const,
    );
    counter.labels('C:\\temp "quoted"', "200").inc();
    counter.labels("two\nlines", "500").inc(2);
    counter.labels('C:\\temp "quoted"', "200").inc(0.5);

    expect(counter.render()).toBe(
      [
        '# HELP demo_requests_total Requests with a \\\\ and a\\nnewline "here".',
        "# TYPE demo_requests_total counter",
        'demo_requests_total{path="C:\\\\temp \\"quoted\\"",status="200"} 1.5',
        'demo_requests_total{path="two\\nlines",status="500"} 2',
        "",
      ].join("\n"),
    );
  });

  it("writes an unlabelled counter as 0 before its first use", () => {
    const counter = new Counter("demo_started_total", "Starts.", [] as const);
    expect(counter.render()).toBe(
      "# HELP demo_started_total Starts.\n# TYPE demo_started_total counter\ndemo_started_total 0\n",
    );
  });

  it("keeps series apart whatever characters their label values contain", () => {
    const counter = new Counter("demo_total", "Demo.", ["a", "b"] as const);
    counter.labels("x\u0000y", "z").inc();
    counter.labels("x", "y\u0000z").inc();
    expect(
      counter
        .render()
        .split("\n")
        .filter((line) => line.startsWith("demo_total{")),
    ).toEqual(['demo_total{a="x\u0000y",b="z"} 1', 'demo_total{a="x",b="y\u0000z"} 1']);
  });

  it("writes a histogram with cumulative buckets, +Inf, sum and count", () => {
    const histogram = new Histogram(
      "demo_duration_seconds",
      "Durations.",
      ["operation"] as const,
      [0.1, 0.5, 1],
    );
    const create = histogram.labels("create");
    for (const seconds of [0.05, 0.1, 0.3, 2]) create.observe(seconds);
    histogram.labels("fetch").observe(0.75);

    expect(histogram.render()).toBe(
      [
        "# HELP demo_duration_seconds Durations.",
        "# TYPE demo_duration_seconds histogram",
        'demo_duration_seconds_bucket{operation="create",le="0.1"} 2',
        'demo_duration_seconds_bucket{operation="create",le="0.5"} 3',
        'demo_duration_seconds_bucket{operation="create",le="1"} 3',
        'demo_duration_seconds_bucket{operation="create",le="+Inf"} 4',
        'demo_duration_seconds_sum{operation="create"} 2.45',
        'demo_duration_seconds_count{operation="create"} 4',
        'demo_duration_seconds_bucket{operation="fetch",le="0.1"} 0',
        'demo_duration_seconds_bucket{operation="fetch",le="0.5"} 0',
        'demo_duration_seconds_bucket{operation="fetch",le="1"} 1',
        'demo_duration_seconds_bucket{operation="fetch",le="+Inf"} 1',
        'demo_duration_seconds_sum{operation="fetch"} 0.75',
        'demo_duration_seconds_count{operation="fetch"} 1',
        "",
      ].join("\n"),
    );
  });

  it("writes an unlabelled histogram with only the le label", () => {
    const histogram = new Histogram("demo_seconds", "Demo.", [] as const, [1]);
    histogram.labels().observe(0.5);
    expect(histogram.render()).toBe(
      [
        "# HELP demo_seconds Demo.",
        "# TYPE demo_seconds histogram",
        'demo_seconds_bucket{le="1"} 1',
        'demo_seconds_bucket{le="+Inf"} 1',
        "demo_seconds_sum 0.5",
        "demo_seconds_count 1",
        "",
      ].join("\n"),
    );
  });

  it("reads a sampled value at every scrape, in registration order", () => {
    const registry = new MetricsRegistry();
    let value = 1;
    registry.register(new SampledMetric("demo_value", "A value.", "gauge", () => value));
    registry.register(new Counter("demo_total", "Demo.", [] as const));
    expect(registry.render()).toBe(
      [
        "# HELP demo_value A value.",
        "# TYPE demo_value gauge",
        "demo_value 1",
        "# HELP demo_total Demo.",
        "# TYPE demo_total counter",
        "demo_total 0",
        "",
      ].join("\n"),
    );
    value = Infinity;
    expect(registry.render()).toContain("\ndemo_value +Inf\n");
  });

  it("rejects what Prometheus would reject or misread", () => {
    expect(() => new Counter("1bad", "x", [] as const)).toThrow(/invalid metric name/);
    expect(() => new Counter("ok_total", "x", ["bad-label"] as const)).toThrow(/invalid label/);
    expect(() => new Counter("ok_total", "x", ["__reserved"] as const)).toThrow(/invalid label/);
    expect(() => new Counter("ok_total", "x", ["a", "a"] as const)).toThrow(/repeated/);
    expect(() => new Histogram("h", "x", ["le"] as const, [1])).toThrow(/bucket label/);
    expect(() => new Histogram("h", "x", [] as const, [1, 0.5])).toThrow(/increasing/);
    expect(() => new Histogram("h", "x", [] as const, [1, Infinity])).toThrow(/finite/);
    expect(() => new Counter("c_total", "x", [] as const).labels().inc(-1)).toThrow(RangeError);
    const registry = new MetricsRegistry();
    registry.register(new Counter("twice_total", "x", [] as const));
    expect(() => registry.register(new Counter("twice_total", "x", [] as const))).toThrow(
      /registered twice/,
    );
  });
});
