import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type ASTNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  visit,
} from "graphql";

/**
 * The checked-in operations (`schema/operations/*.graphql`): what the tests, the frontends, the
 * explorer's default document and the trusted-document manifest all read, so none can drift.
 */
const OPERATIONS_DIR = path.join("schema", "operations");

/** A `.graphql` file of operations: its name (for messages) and its text. */
export interface OperationSource {
  name: string;
  text: string;
}

/** The definitions of several sources, read as one document (as codegen reads them). */
export interface ParsedOperations {
  operations: Array<{ source: string; operation: OperationDefinitionNode }>;
  /** By name: the first definition of each. */
  fragments: Map<string, FragmentDefinitionNode>;
  /** A source that does not parse, a fragment defined twice: one message each. */
  problems: string[];
}

/**
 * The repository (or installation) root: the first folder up from this module that holds
 * `schema/operations`, so it is found from `src/` and from `dist/src/`.
 */
export function findRepositoryRoot(): string | undefined {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, OPERATIONS_DIR))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `schema/operations/*.graphql` under `root`, in file name order. */
export function readOperationSources(root: string): OperationSource[] {
  const directory = path.join(root, OPERATIONS_DIR);
  return readdirSync(directory)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => ({ name: file, text: readFileSync(path.join(directory, file), "utf8") }));
}

export function parseOperationSources(sources: readonly OperationSource[]): ParsedOperations {
  const parsed: ParsedOperations = { operations: [], fragments: new Map(), problems: [] };
  for (const source of sources) {
    let document;
    try {
      document = parse(source.text);
    } catch (error) {
      parsed.problems.push(
        `${source.name}: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) {
        parsed.operations.push({ source: source.name, operation: definition });
      } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const name = definition.name.value;
        if (parsed.fragments.has(name)) {
          parsed.problems.push(`${source.name}: fragment ${name} is defined twice`);
        } else parsed.fragments.set(name, definition);
      }
    }
  }
  return parsed;
}

/**
 * The fragments the operations spread, directly or through other fragments, sorted by name;
 * `missing` when one of them is not in `fragments`.
 */
export function fragmentsUsedBy(
  operations: readonly OperationDefinitionNode[],
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): { used: FragmentDefinitionNode[]; missing: boolean } {
  const used = new Map<string, FragmentDefinitionNode>();
  let missing = false;
  const pending: ASTNode[] = [...operations];
  for (let next = pending.pop(); next; next = pending.pop()) {
    visit(next, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!fragment) missing = true;
        else if (!used.has(name)) {
          used.set(name, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  const sorted = [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
  return { used: sorted, missing };
}
