import { assertLabelNames, assertMetricName, header, type Metric, sample } from "./exposition.js";
import { type LabelValues, SeriesByLabels } from "./series.js";

export class CounterValue {
  value = 0;

  inc(by = 1): void {
    if (!(by >= 0)) throw new RangeError(`a counter only goes up, not by ${by}`);
    this.value += by;
  }
}

/** A monotonically increasing count, one series per tuple of label values. */
export class Counter<L extends readonly string[]> implements Metric {
  private readonly series: SeriesByLabels<CounterValue>;

  constructor(
    readonly name: string,
    private readonly help: string,
    labelNames: L,
  ) {
    assertMetricName(name);
    assertLabelNames(name, labelNames);
    this.series = new SeriesByLabels(labelNames, () => new CounterValue());
    // Without labels there is exactly one series: it is written out (as 0) before its first use.
    if (labelNames.length === 0) this.series.get([]);
  }

  labels(...values: LabelValues<L>): CounterValue {
    return this.series.get(values);
  }

  render(): string {
    let text = header(this.name, this.help, "counter");
    for (const { pairs, value } of this.series.all) text += sample(this.name, pairs, value.value);
    return text;
  }
}
