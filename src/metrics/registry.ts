import type { Metric } from "./exposition.js";

/** The metrics one gateway exposes, written out in the order they were registered. */
export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric>();

  register<M extends Metric>(metric: M): M {
    if (this.metrics.has(metric.name)) throw new Error(`${metric.name} is registered twice`);
    this.metrics.set(metric.name, metric);
    return metric;
  }

  /** The whole scrape in text exposition format 0.0.4. */
  render(): string {
    let text = "";
    for (const metric of this.metrics.values()) text += metric.render();
    return text;
  }
}
