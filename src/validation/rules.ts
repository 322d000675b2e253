import { type InputIssue, InputValidationError } from "../errors/gateway-errors.js";

/** A check on one present (non-null) value: returns why it is wrong, or nothing. */
export type FieldRule = (value: unknown) => string | undefined;

/**
 * A check across the fields of one input object: returns issues keyed by field name, or by
 * "" for an issue with the object as a whole.
 */
export type ObjectRule<T = Record<string, unknown>> = (
  input: T,
) => ReadonlyArray<{ field: string; message: string }>;

type InputClass = abstract new (...args: never[]) => unknown;

interface ClassRules {
  fields: Map<string, FieldRule[]>;
  nested: Map<string, () => InputClass>;
  object: ObjectRule[];
}

const registry = new WeakMap<object, ClassRules>();

function rulesOf(target: object): ClassRules {
  let rules = registry.get(target);
  if (!rules) {
    rules = { fields: new Map(), nested: new Map(), object: [] };
    registry.set(target, rules);
  }
  return rules;
}

/** Declares value rules next to an input field: `@Check(sid("CF"), maxLength(255))`. */
export function Check(...rules: FieldRule[]): PropertyDecorator {
  return (prototype, property) => {
    const fields = rulesOf(prototype.constructor).fields;
    fields.set(String(property), [...(fields.get(String(property)) ?? []), ...rules]);
  };
}

/** Validates a nested input object with its own class's rules, under `path.field`. */
export function Nested(type: () => InputClass): PropertyDecorator {
  return (prototype, property) => {
    rulesOf(prototype.constructor).nested.set(String(property), type);
  };
}

/** Declares a rule that relates several fields of the class. */
export function CheckObject<T>(rule: ObjectRule<T>): ClassDecorator {
  return (target) => {
    rulesOf(target).object.push(rule as ObjectRule);
  };
}

/** Collects every issue in `value` according to the rules declared on `type`. */
export function collectIssues(type: InputClass, value: unknown, path: string): InputIssue[] {
  const at = (field: string) => (path && field ? `${path}.${field}` : path || field);
  if (value === null || value === undefined || typeof value !== "object") return [];
  const input = value as Record<string, unknown>;
  const issues: InputIssue[] = [];
  for (const rules of rulesAlongPrototypeChain(type)) {
    issues.push(...issuesFor(rules, input, at));
  }
  return issues;
}

/** Rules declared on a base class apply to its subclasses too. */
function rulesAlongPrototypeChain(type: InputClass): ClassRules[] {
  const found: ClassRules[] = [];
  for (
    let current: unknown = type;
    typeof current === "function";
    current = Object.getPrototypeOf(current)
  ) {
    const rules = registry.get(current);
    if (rules) found.unshift(rules);
  }
  return found;
}

function issuesFor(
  rules: ClassRules,
  input: Record<string, unknown>,
  at: (field: string) => string,
): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [field, fieldRules] of rules.fields) {
    const fieldValue = input[field];
    if (fieldValue === undefined || fieldValue === null) continue;
    for (const rule of fieldRules) {
      const message = rule(fieldValue);
      if (message !== undefined) {
        issues.push({ field: at(field), message });
        break;
      }
    }
  }
  for (const [field, nestedType] of rules.nested) {
    issues.push(...collectIssues(nestedType(), input[field], at(field)));
  }
  for (const rule of rules.object) {
    for (const issue of rule(input)) {
      issues.push({ field: at(issue.field), message: issue.message });
    }
  }
  return issues;
}

/**
 * Throws one InputValidationError listing every issue, before anything is sent upstream.
 * `path` is the argument name (`input`), or "" for a query's top-level arguments.
 */
export function assertValid(type: InputClass, value: unknown, path = "input"): void {
  const issues = collectIssues(type, value, path);
  if (issues.length > 0) throw new InputValidationError(issues);
}
