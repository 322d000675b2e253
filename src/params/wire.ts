import type { FormParams, FormValue } from "../twilio/form.js";
import type { Param, ParamTable } from "./param.js";

/** What a validated input puts on the wire besides its path. */
export interface WireRequest {
  form: FormParams;
  query: FormParams;
  headers: Record<string, string>;
}

/**
 * The form, query and header parameters of an input, in the table's order (or in `order`, a
 * list of Twilio names, where Twilio's SDKs send them in an order the GraphQL nesting cannot
 * follow). Absent fields are not sent; an explicit null is sent as Twilio reads "clear".
 */
export function toWire<P extends ParamTable>(
  params: P,
  input: object,
  order?: WireOrder,
): WireRequest {
  const request: CollectedWire = { form: [], query: [], headers: {} };
  collect(params, input as Record<string, unknown>, request);
  return { ...request, form: order ? order.sort(request.form) : request.form };
}

interface CollectedWire {
  form: Array<[string, FormValue]>;
  query: Array<[string, FormValue]>;
  headers: Record<string, string>;
}

/** A table's fields, listed once: the conference create table has some sixty. */
const tableEntries = new WeakMap<ParamTable, ReadonlyArray<readonly [string, Param]>>();

function entriesOf(params: ParamTable): ReadonlyArray<readonly [string, Param]> {
  let entries = tableEntries.get(params);
  if (entries === undefined) {
    entries = Object.entries(params) as Array<[string, Param]>;
    tableEntries.set(params, entries);
  }
  return entries;
}

function collect(params: ParamTable, input: Record<string, unknown>, into: CollectedWire): void {
  for (const [field, param] of entriesOf(params)) {
    const value = input[field];
    const { travel } = param;
    if (travel.in === "nested") {
      if (value !== undefined && value !== null) {
        collect(param.kind.nested!.fields, value as Record<string, unknown>, into);
      }
      continue;
    }
    if (travel.in === "path") continue;
    const wire = wireValue(param, value);
    // Absent: not sent (most of a large table, on most requests).
    if (wire === undefined) continue;
    if (travel.in === "header") {
      if (wire !== null) into.headers[travel.wire] = String(wire);
    } else {
      into[travel.in].push([travel.wire, wire]);
    }
  }
}

function wireValue(param: Param, value: unknown): FormValue {
  if (value === undefined) return undefined;
  if (param.encode) return param.encode(value as never);
  // Twilio reads JSON parameters as JSON text: an array stays one JSON array, a string gets
  // quotes and null becomes `null`, as twilio-node's `serialize.object` sends them.
  if (param.kind.json) return JSON.stringify(value);
  return value as FormValue;
}

/** The order in which Twilio's SDKs send a request's form parameters. */
export interface WireOrder {
  sort(form: FormParams): FormParams;
}

/**
 * Declares the SDK's order of a table's form parameters by Twilio name. It must name each of
 * them exactly once; a mistake fails as soon as the module loads.
 */
export function wireOrder(params: ParamTable, names: readonly string[]): WireOrder {
  const declared = formNames(params);
  const missing = declared.filter((name) => !names.includes(name));
  const unknown = names.filter((name) => !declared.includes(name));
  if (missing.length > 0 || unknown.length > 0 || new Set(names).size !== names.length) {
    throw new Error(
      `wire order must name each form parameter once (missing: ${missing.join(", ")}; unknown: ${unknown.join(", ")})`,
    );
  }
  const rank = new Map(names.map((name, index) => [name, index]));
  return {
    sort: (form) => [...form].sort(([a], [b]) => rank.get(a)! - rank.get(b)!),
  };
}

function formNames(params: ParamTable): string[] {
  return Object.values(params).flatMap((param) => {
    if (param.travel.in === "nested") return formNames(param.kind.nested!.fields);
    return param.travel.in === "form" ? [param.travel.wire] : [];
  });
}
