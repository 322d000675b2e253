/** The largest array index plus one: JavaScript orders keys below it (as integers) first. */
const ARRAY_INDEX_LIMIT = 2 ** 32 - 1;

/**
 * The JSON text of a JSON value (as `JSON.parse` makes them) with every object's keys in one
 * order whatever order they were sent in, so a retry that orders its variables differently is
 * the same request. The text is exactly `JSON.stringify` of the value rebuilt with its keys
 * sorted, which is what fingerprints stored by earlier versions were made from; written in one
 * pass, without building the sorted copy. A rebuilt object lists array-index keys (`"0"`,
 * `"17"`) first in numeric order, as JavaScript lists every object's keys, so this does too.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const indices: string[] = [];
  const names: string[] = [];
  for (const key of keys) (isArrayIndex(key) ? indices : names).push(key);
  // Object.keys already lists the indices in numeric order.
  names.sort();
  let text = "{";
  for (const key of indices.length === 0 ? names : indices.concat(names)) {
    if (text.length > 1) text += ",";
    text += `${JSON.stringify(key)}:${canonicalJson(record[key])}`;
  }
  return `${text}}`;
}

function isArrayIndex(key: string): boolean {
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && n < ARRAY_INDEX_LIMIT && String(n) === key;
}
