/** Prometheus text exposition format 0.0.4: what a scraper is told it gets. */
export const EXPOSITION_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export type MetricType = "counter" | "gauge" | "histogram";

/** Something the registry can write out: its HELP and TYPE lines followed by its samples. */
export interface Metric {
  readonly name: string;
  render(): string;
}

export function assertMetricName(name: string): void {
  if (!METRIC_NAME.test(name)) throw new Error(`invalid metric name "${name}"`);
}

export function assertLabelNames(metric: string, names: readonly string[]): void {
  for (const name of names) {
    // Names starting with "__" are reserved for Prometheus itself.
    if (!LABEL_NAME.test(name) || name.startsWith("__")) {
      throw new Error(`invalid label name "${name}" on ${metric}`);
    }
  }
  if (new Set(names).size !== names.length) throw new Error(`repeated label name on ${metric}`);
}

export function header(name: string, help: string, type: MetricType): string {
  return `# HELP ${name} ${help.replace(/[\\\n]/g, escapeCharacter)}\n# TYPE ${name} ${type}\n`;
}

/** `a="x",b="y"`: the label pairs of one series, without braces so a histogram can add `le`. */
export function labelPairs(names: readonly string[], values: readonly string[]): string {
  let pairs = "";
  for (let i = 0; i < names.length; i += 1) {
    if (i > 0) pairs += ",";
    pairs += `${names[i]}="${values[i]!.replace(/[\\"\n]/g, escapeCharacter)}"`;
  }
  return pairs;
}

/** One sample line: `name{pairs} value`. */
export function sample(name: string, pairs: string, value: number): string {
  return `${name}${pairs ? `{${pairs}}` : ""} ${formatNumber(value)}\n`;
}

export function formatNumber(value: number): string {
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

function escapeCharacter(character: string): string {
  return character === "\n" ? "\\n" : `\\${character}`;
}
