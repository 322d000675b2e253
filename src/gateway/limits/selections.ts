import { type FieldNode, Kind, type SelectionSetNode, type ValidationContext } from "graphql";

/** A number measured over a selection set: what a field contributes, and how siblings combine. */
export interface SelectionMeasure {
  /** `inner` measures the field's own selection set (0 for a leaf), computed only if called. */
  field(field: FieldNode, inner: () => number): number;
  combine(a: number, b: number): number;
}

/**
 * Measures a selection set as it executes: a fragment counts at every place it is spread, not
 * once per document. Each fragment is measured once (its value does not depend on where it is
 * spread), so a document that spreads fragments into fragments costs linear time. Unknown and
 * cyclic fragments count nothing: graphql-js's own rules reject those documents.
 */
export function measureSelections(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  measure: SelectionMeasure,
): number {
  const fragments = new Map<string, number>();
  const spread = (name: string): number => {
    const known = fragments.get(name);
    if (known !== undefined) return known;
    const fragment = context.getFragment(name);
    if (!fragment) return 0;
    fragments.set(name, 0);
    const value = visit(fragment.selectionSet);
    fragments.set(name, value);
    return value;
  };
  const visit = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      const value =
        selection.kind === Kind.FIELD
          ? measure.field(selection, () =>
              selection.selectionSet ? visit(selection.selectionSet) : 0,
            )
          : selection.kind === Kind.INLINE_FRAGMENT
            ? visit(selection.selectionSet)
            : spread(selection.name.value);
      total = measure.combine(total, value);
    }
    return total;
  };
  return visit(selectionSet);
}

/** The fields directly in a selection set, with its inline fragments and spreads opened. */
export function fieldsOf(context: ValidationContext, selectionSet: SelectionSetNode): FieldNode[] {
  const fields: FieldNode[] = [];
  const opened = new Set<string>();
  const open = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) open(selection.selectionSet);
      else if (!opened.has(selection.name.value)) {
        opened.add(selection.name.value);
        const fragment = context.getFragment(selection.name.value);
        if (fragment) open(fragment.selectionSet);
      }
    }
  };
  open(selectionSet);
  return fields;
}

/** "Operation Add" or "The operation", for messages. */
export function operationLabel(name: { value: string } | undefined): string {
  return name ? `Operation ${name.value}` : "The operation";
}
