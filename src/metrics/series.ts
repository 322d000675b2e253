import { labelPairs } from "./exposition.js";

/** The label values a metric with label names `L` is addressed by, one string per name. */
export type LabelValues<L extends readonly string[]> = { readonly [K in keyof L]: string };

/** One series of a metric: its rendered label pairs and the value that accumulates in it. */
export interface Series<T> {
  readonly pairs: string;
  readonly value: T;
}

interface Branch<T> {
  readonly next: Map<string, Branch<T>>;
  series?: Series<T>;
}

/**
 * The series of one metric, one per distinct tuple of label values. A lookup walks one Map per
 * label, so it neither joins strings nor allocates once the series exists, and no label value
 * can collide with another however it is spelled.
 */
export class SeriesByLabels<T> {
  /** In the order they were first used, which is the order they are written out in. */
  readonly all: Series<T>[] = [];
  private readonly root: Branch<T> = { next: new Map() };

  constructor(
    private readonly labelNames: readonly string[],
    private readonly create: () => T,
  ) {}

  get(values: readonly string[]): T {
    let branch = this.root;
    for (let i = 0; i < values.length; i += 1) {
      const value = values[i]!;
      let next = branch.next.get(value);
      if (next === undefined) {
        next = { next: new Map() };
        branch.next.set(value, next);
      }
      branch = next;
    }
    if (branch.series === undefined) {
      // Series only exist at the right depth, so checking when one is created is enough.
      if (values.length !== this.labelNames.length) {
        throw new Error(`expected ${this.labelNames.length} label values, got ${values.length}`);
      }
      branch.series = { pairs: labelPairs(this.labelNames, values), value: this.create() };
      this.all.push(branch.series);
    }
    return branch.series.value;
  }
}
