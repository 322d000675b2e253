import {
  type FieldNode,
  Kind,
  type OperationDefinitionNode,
  print,
  TokenKind,
  type ValueNode,
  visit,
} from "graphql";
import {
  findRepositoryRoot,
  fragmentsUsedBy,
  type OperationSource,
  parseOperationSources,
  readOperationSources,
} from "../graphql/operation-sources.js";
import type { Logger } from "../logging/logger.js";
import { PRODUCTS } from "../participants/registry.js";

/** What GraphiQL opens with: its tab of examples. */
export interface DefaultDocument {
  query: string;
  /** Pretty-printed JSON for the variables editor. */
  variables: string;
}

/** The conference product's example participant, reused by the unified mutation's example. */
const conferenceExample = PRODUCTS.find((product) => product.name === "conference")?.explorer
  ?.arguments.input as Record<string, unknown> | undefined;

interface Opening {
  /** The operation's one root field. */
  field: string;
  /** The operation of this name; by default the first that selects only `field`. */
  operation?: string;
  arguments: Record<string, unknown>;
}

/**
 * The root fields the page opens with, one operation each, in this order, with argument values
 * for each as a client would send them: a subscription to the example conference, each
 * product's add mutation, then the unified one. Each operation's variables are looked up by
 * where they sit in its root field's arguments, so an operation may take `$input` whole or
 * single fields of it.
 */
const OPENING: readonly Opening[] = [
  {
    field: "participantEvents",
    operation: "WatchConference",
    // The conference the conference examples below dial into: run this, then an add in a
    // second browser tab, and its events appear here.
    arguments: { filter: { conferenceSid: conferenceExample?.conferenceSid } },
  },
  ...PRODUCTS.flatMap((product) => (product.explorer ? [product.explorer] : [])),
  {
    field: "addParticipant",
    // Conference participants can be added again and again (Proxy and Conversations refuse a
    // repeated identifier), so the unified example stays runnable after the first try.
    arguments: {
      input: { conference: { ...conferenceExample, label: "bob", to: "+15558675311" } },
    },
  },
  { field: "gatewayInfo", arguments: {} },
];

const HEADER = [
  "# Example operations from schema/operations/. The",
  "# variables below use made-up SIDs that the embedded",
  "# Twilio simulator accepts. Press ▶ and pick one, or",
  "# put the cursor in one and press Ctrl-Enter.",
  "#",
  '# Where the gateway needs a key, add under "Headers":',
  '#   {"Authorization": "Bearer <your gateway key>"}',
  "# To act as your own Twilio account, where the gateway",
  "# allows it, add",
  '#   "X-Twilio-Authorization": "Basic <base64 of SID:token>"',
  '# (in the browser console: btoa("AC…:auth-token")).',
].join("\n");

/**
 * Reads `schema/operations/*.graphql`, the same operations the tests and frontends use, so the
 * page cannot drift from them. Never fails start-up: a file that does not parse or a missing
 * operation is logged and left out.
 */
export function loadDefaultDocument(logger: Logger): DefaultDocument {
  const root = findRepositoryRoot();
  const { document, problems } = buildDefaultDocument(root ? readOperationSources(root) : []);
  if (!root) problems.unshift("schema/operations/ was not found");
  if (problems.length > 0) {
    logger.warn({ problems }, "GraphiQL's default document is incomplete");
  }
  return document;
}

/**
 * Picks the operation for each opening (the one it names, else the first selecting its field
 * alone) and joins them into one document. All the
 * operations share GraphiQL's one variables object, so a variable name used by more than one
 * of them (every `$input`) is prefixed with its operation's name.
 */
export function buildDefaultDocument(sources: readonly OperationSource[]): {
  document: DefaultDocument;
  problems: string[];
} {
  const parsed = parseOperationSources(sources);
  const { fragments, problems } = parsed;
  const operations = parsed.operations.map(({ operation }) => operation);

  const chosen: Array<{
    name: string;
    operation: OperationDefinitionNode;
    field: FieldNode;
    opening: Opening;
  }> = [];
  for (const opening of OPENING) {
    const operation = operations.find(
      (candidate) =>
        candidate.name &&
        (opening.operation === undefined || candidate.name.value === opening.operation) &&
        soleRootField(candidate) === opening.field,
    );
    const field = operation && rootFields(operation)[0];
    if (!operation?.name || !field) {
      problems.push(
        `no named operation ${opening.operation ? `${opening.operation} ` : ""}selects only ${opening.field}`,
      );
      continue;
    }
    chosen.push({ name: operation.name.value, operation, field, opening });
  }

  const timesUsed = new Map<string, number>();
  for (const { operation } of chosen) {
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      timesUsed.set(name, (timesUsed.get(name) ?? 0) + 1);
    }
  }

  const variables: Record<string, unknown> = {};
  const parts = [HEADER];
  for (const { name: operationName, operation, field, opening } of chosen) {
    const prefix = lowerFirst(operationName);
    const rename = (name: string) =>
      (timesUsed.get(name) ?? 0) > 1 ? `${prefix}${upperFirst(name)}` : name;
    const examples = exampleVariables(field, opening.arguments);
    for (const [name, value] of Object.entries(examples)) variables[rename(name)] = value;
    const renamed = visit(operation, {
      Variable: (node) => ({ ...node, name: { ...node.name, value: rename(node.name.value) } }),
    });
    parts.push([...leadingComments(operation), print(renamed)].join("\n"));
  }
  const { used } = fragmentsUsedBy(
    chosen.map(({ operation }) => operation),
    fragments,
  );
  for (const fragment of used) parts.push(print(fragment));
  return {
    document: { query: `${parts.join("\n\n")}\n`, variables: JSON.stringify(variables, null, 2) },
    problems,
  };
}

function rootFields(operation: OperationDefinitionNode): FieldNode[] {
  return operation.selectionSet.selections.filter(
    (selection): selection is FieldNode =>
      selection.kind === Kind.FIELD && selection.name.value !== "__typename",
  );
}

function soleRootField(operation: OperationDefinitionNode): string | undefined {
  const fields = rootFields(operation);
  return fields.length === 1 ? fields[0]!.name.value : undefined;
}

/** Maps each variable in the field's arguments to the example value found at the same spot. */
function exampleVariables(field: FieldNode, examples: Record<string, unknown>) {
  const values: Record<string, unknown> = {};
  const collect = (node: ValueNode, example: unknown): void => {
    if (example === undefined) return;
    if (node.kind === Kind.VARIABLE) {
      values[node.name.value] = example;
    } else if (node.kind === Kind.OBJECT && isRecord(example)) {
      for (const objectField of node.fields) {
        collect(objectField.value, example[objectField.name.value]);
      }
    } else if (node.kind === Kind.LIST && Array.isArray(example)) {
      node.values.forEach((item, index) => collect(item, example[index]));
    }
  };
  for (const argument of field.arguments ?? []) {
    collect(argument.value, examples[argument.name.value]);
  }
  return values;
}

/** The `#` comment lines written right above an operation: its author's explanation. */
function leadingComments(operation: OperationDefinitionNode): string[] {
  const lines: string[] = [];
  for (
    let token = operation.loc?.startToken.prev;
    token?.kind === TokenKind.COMMENT;
    token = token.prev
  ) {
    lines.unshift(`#${token.value}`);
  }
  return lines;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
