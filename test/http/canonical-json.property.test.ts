import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/http/idempotency/canonical-json.js";

/**
 * The definition fingerprints were first made with (and replicas of earlier versions still
 * make): the value rebuilt with sorted keys, then JSON.stringify.
 */
function rebuiltSorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebuiltSorted);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, rebuiltSorted((value as Record<string, unknown>)[key])]),
  );
}

/** Keys JavaScript orders specially (array indices, near-indices) mixed with plain ones. */
const key = fc.oneof(
  fc.string(),
  fc.constantFrom("0", "1", "2", "10", "01", "-1", "1.5", "4294967294", "4294967295", "__proto__"),
  fc.nat().map(String),
);

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 6 }),
  ),
})).value;

describe("canonicalJson", () => {
  it("writes exactly what JSON.stringify writes for the value rebuilt with sorted keys", () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        // Through JSON, as the gateway receives variables.
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        expect(canonicalJson(parsed)).toBe(JSON.stringify(rebuiltSorted(parsed)));
      }),
      { numRuns: 2000 },
    );
  });

  it("is the same for the same variables in another key order", () => {
    const a = JSON.parse('{"input":{"to":"+15558675310","from":"+15017122661","10":1,"2":2}}');
    const b = JSON.parse('{"input":{"2":2,"from":"+15017122661","10":1,"to":"+15558675310"}}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe(
      '{"input":{"2":2,"10":1,"from":"+15017122661","to":"+15558675310"}}',
    );
  });
});
