import { readdirSync, readFileSync } from "node:fs";
import {
  type DefinitionNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  visit,
} from "graphql";

const DIRECTORY = new URL("../../schema/operations/", import.meta.url);

function definitionsOf(file: string): readonly DefinitionNode[] {
  return parse(readFileSync(new URL(file, DIRECTORY), "utf8")).definitions;
}

/**
 * One named operation from `schema/operations/<file>`, the checked-in operations frontends use,
 * with the fragments it spreads (from any of the files). A file holds several operations, and a
 * request with several needs an operation name, so tests send the one they mean on its own.
 */
export function checkedInOperation(file: string, name: string): string {
  const operation = definitionsOf(file).find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (!operation) throw new Error(`schema/operations/${file} has no operation ${name}`);
  const fragments = new Map(
    readdirSync(DIRECTORY)
      .filter((other) => other.endsWith(".graphql"))
      .flatMap(definitionsOf)
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(operation);
  return [operation, ...used.values()].map((definition) => print(definition)).join("\n\n");
}
