import {
  assertLabelNames,
  assertMetricName,
  formatNumber,
  header,
  type Metric,
  sample,
} from "./exposition.js";
import { type LabelValues, SeriesByLabels } from "./series.js";

export class HistogramValue {
  /** Per bucket, not cumulative: an observation is counted once, in the first bucket it fits. */
  readonly bucketCounts: Float64Array;
  sum = 0;
  count = 0;

  constructor(private readonly upperBounds: readonly number[]) {
    this.bucketCounts = new Float64Array(upperBounds.length);
  }

  observe(value: number): void {
    for (let i = 0; i < this.upperBounds.length; i += 1) {
      if (value <= this.upperBounds[i]!) {
        this.bucketCounts[i]! += 1;
        break;
      }
    }
    this.sum += value;
    this.count += 1;
  }
}

/**
 * Observations counted into buckets by upper bound, one series per tuple of label values.
 * Written out the Prometheus way: cumulative `_bucket{le=…}` lines ending with `+Inf`, then
 * `_sum` and `_count`.
 */
export class Histogram<L extends readonly string[]> implements Metric {
  private readonly series: SeriesByLabels<HistogramValue>;
  private readonly upperBounds: readonly number[];

  constructor(
    readonly name: string,
    private readonly help: string,
    labelNames: L,
    upperBounds: readonly number[],
  ) {
    assertMetricName(name);
    assertLabelNames(name, labelNames);
    if (labelNames.includes("le")) throw new Error(`"le" is the bucket label of ${name}`);
    const increasing = upperBounds.every(
      (bound, i) => Number.isFinite(bound) && (i === 0 || bound > upperBounds[i - 1]!),
    );
    if (upperBounds.length === 0 || !increasing) {
      throw new Error(`${name} needs finite, increasing bucket bounds (+Inf is implied)`);
    }
    this.upperBounds = [...upperBounds];
    this.series = new SeriesByLabels(labelNames, () => new HistogramValue(this.upperBounds));
    if (labelNames.length === 0) this.series.get([]);
  }

  labels(...values: LabelValues<L>): HistogramValue {
    return this.series.get(values);
  }

  render(): string {
    let text = header(this.name, this.help, "histogram");
    const bucket = `${this.name}_bucket`;
    for (const { pairs, value } of this.series.all) {
      const prefix = pairs ? `${pairs},` : "";
      let cumulative = 0;
      for (let i = 0; i < this.upperBounds.length; i += 1) {
        cumulative += value.bucketCounts[i]!;
        const le = formatNumber(this.upperBounds[i]!);
        text += sample(bucket, `${prefix}le="${le}"`, cumulative);
      }
      text += sample(bucket, `${prefix}le="+Inf"`, value.count);
      text += sample(`${this.name}_sum`, pairs, value.sum);
      text += sample(`${this.name}_count`, pairs, value.count);
    }
    return text;
  }
}
