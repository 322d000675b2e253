import { type InputIssue, InputValidationError } from "../errors.js";

/** A check on one present (non-null) value: returns why it is wrong, or nothing. */
export type FieldRule = (value: unknown) => string | undefined;

/** A check across the fields of one input object: returns issues keyed by field name. */
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
  if (value === null || value === undefined || typeof value !== "object") return [];
  const input = value as Record<string, unknown>;
  const issues: InputIssue[] = [];
  const rules = registry.get(type);
  if (!rules) return issues;
  for (const [field, fieldRules] of rules.fields) {
    const fieldValue = input[field];
    if (fieldValue === undefined || fieldValue === null) continue;
    for (const rule of fieldRules) {
      const message = rule(fieldValue);
      if (message !== undefined) {
        issues.push({ field: `${path}.${field}`, message });
        break;
      }
    }
  }
  for (const [field, nestedType] of rules.nested) {
    issues.push(...collectIssues(nestedType(), input[field], `${path}.${field}`));
  }
  for (const rule of rules.object) {
    for (const issue of rule(input)) {
      issues.push({ field: `${path}.${issue.field}`, message: issue.message });
    }
  }
  return issues;
}

/** Throws one InputValidationError listing every issue, before anything is sent upstream. */
export function assertValid(type: InputClass, value: unknown, path = "input"): void {
  const issues = collectIssues(type, value, path);
  if (issues.length > 0) throw new InputValidationError(issues);
}
