import {
  type DocumentNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * The name (never the alias) of the first field an operation selects on its root type, looking
 * through fragments at the root. Validation has already checked it against the schema, so it is
 * one of a bounded set of names, unlike the operation name a client picks.
 */
export function firstRootField(operation: OperationDefinitionNode, document: DocumentNode): string {
  return firstField(operation.selectionSet, document) ?? "unknown";
}

function firstField(selectionSet: SelectionSetNode, document: DocumentNode): string | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) return selection.name.value;
    const nested =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : fragmentSelections(document, selection.name.value);
    const found = nested && firstField(nested, document);
    if (found !== undefined) return found;
  }
  return undefined;
}

function fragmentSelections(document: DocumentNode, name: string): SelectionSetNode | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === name) {
      return definition.selectionSet;
    }
  }
  return undefined;
}
