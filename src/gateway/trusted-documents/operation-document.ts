import { createHash } from "node:crypto";
import {
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionSetNode,
  visit,
} from "graphql";
import { fragmentsUsedBy } from "../../graphql/operation-sources.js";

/** One operation with the fragments it uses (directly or through other fragments), by name. */
export interface OperationDocument {
  operation: OperationDefinitionNode;
  fragments: FragmentDefinitionNode[];
}

/**
 * The operation `operationName` picks from a document (as graphql-js's executor picks it) with
 * its fragments; undefined when there is no such operation or it spreads a missing fragment.
 */
export function selectOperation(
  document: DocumentNode,
  operationName: string | undefined,
): OperationDocument | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  return withFragments(operation, fragments);
}

/** The operation with the fragments it needs from `fragments`; undefined when one is missing. */
export function withFragments(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): OperationDocument | undefined {
  const { used, missing } = fragmentsUsedBy([operation], fragments);
  return missing ? undefined : { operation, fragments: used };
}

/**
 * The operation's text as a client sends it: the operation, then its fragments by name, as
 * graphql-js prints them (no comments, canonical spacing). A trusted document's id is the
 * SHA-256 of this text.
 */
export function printOperation({ operation, fragments }: OperationDocument): string {
  return [operation, ...fragments].map((definition) => print(definition)).join("\n\n");
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * What the operation does, whatever its formatting, comments, order of definitions or names of
 * its variables: GraphiQL's default document, for one, renames `$input` so that its operations
 * can share one variables object. Undefined for a document using a variable it does not
 * declare (it could otherwise look like one that does; graphql-js refuses it anyway).
 */
export function operationShape(document: OperationDocument): string | undefined {
  const positional = new Map(
    (document.operation.variableDefinitions ?? []).map((definition, index) => [
      definition.variable.name.value,
      `v${index}`,
    ]),
  );
  let undeclared = false;
  // Fragments use the operation's variables too.
  const rename = <T extends ASTNode>(node: T): T =>
    visit(node, {
      Variable(variable) {
        const name = positional.get(variable.name.value);
        if (name === undefined) {
          undeclared = true;
          return undefined;
        }
        return { ...variable, name: { ...variable.name, value: name } };
      },
    });
  const renamed = {
    operation: rename(document.operation),
    fragments: document.fragments.map(rename),
  };
  return undeclared ? undefined : sha256Hex(printOperation(renamed));
}

/**
 * Whether a query selects nothing but introspection (`__schema`, `__type`, `__typename`), at
 * its root and through its fragments: no resolver of the gateway runs for it.
 */
export function isIntrospectionOnly({ operation, fragments }: OperationDocument): boolean {
  if (operation.operation !== "query") return false;
  const byName = new Map(fragments.map((fragment) => [fragment.name.value, fragment]));
  // The document is not validated yet: a fragment may spread itself.
  const onlyMetaFields = (selectionSet: SelectionSetNode, within: ReadonlySet<string>): boolean =>
    selectionSet.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith("__");
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        return onlyMetaFields(selection.selectionSet, within);
      }
      const fragment = byName.get(selection.name.value);
      if (!fragment || within.has(fragment.name.value)) return false;
      return onlyMetaFields(fragment.selectionSet, new Set([...within, fragment.name.value]));
    });
  return onlyMetaFields(operation.selectionSet, new Set());
}
