import { assertMetricName, header, type Metric, type MetricType, sample } from "./exposition.js";

/** A value without labels that is read when scraped, such as the process's CPU time. */
export class SampledMetric implements Metric {
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly type: Exclude<MetricType, "histogram">,
    private readonly read: () => number,
  ) {
    assertMetricName(name);
  }

  render(): string {
    return header(this.name, this.help, this.type) + sample(this.name, "", this.read());
  }
}
