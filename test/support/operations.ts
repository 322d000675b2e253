import { readFileSync } from "node:fs";
import { Kind, type OperationDefinitionNode, parse, print } from "graphql";

/**
 * One named operation from `schema/operations/<file>`, the checked-in operations frontends use.
 * A file holds several, and a request with several needs an operation name, so tests send the
 * one they mean on its own. (The files use no fragments.)
 */
export function checkedInOperation(file: string, name: string): string {
  const text = readFileSync(new URL(`../../schema/operations/${file}`, import.meta.url), "utf8");
  const operation = parse(text).definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (!operation) throw new Error(`schema/operations/${file} has no operation ${name}`);
  return print(operation);
}
