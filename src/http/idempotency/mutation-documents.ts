import { getOperationAST, OperationTypeNode, parse, print } from "graphql";

/** Operations remembered; past it the oldest goes first. */
const MAX_REMEMBERED = 256;
/** Longer documents are read every time: remembering them could hold megabytes. */
const MAX_REMEMBERED_LENGTH = 16 * 1024;

/**
 * Whether an operation is a mutation, and its document printed, read once per document text
 * and operation name. Parsing and printing cost more than the rest of an idempotency check,
 * and clients send the same few documents with every write.
 */
export class MutationDocuments {
  /** By operation name and document text: printed, or null when not a mutation. */
  private readonly remembered = new Map<string, string | null>();

  /**
   * The document printed (so whitespace, commas and comments do not make another request) when
   * the operation it names is a mutation; undefined for anything else, a document that does not
   * parse included (Apollo refuses it before anything runs).
   */
  printed(query: string, operationName: string | null): string | undefined {
    const key = `${operationName ?? ""}\n${query}`;
    const known = this.remembered.get(key);
    if (known !== undefined) return known ?? undefined;
    const printed = readMutation(query, operationName);
    if (printed !== undefined && query.length <= MAX_REMEMBERED_LENGTH) {
      if (this.remembered.size >= MAX_REMEMBERED) {
        this.remembered.delete(this.remembered.keys().next().value!);
      }
      this.remembered.set(key, printed);
    }
    return printed ?? undefined;
  }
}

/** Printed when a mutation, null when another operation, undefined when it does not parse. */
function readMutation(query: string, operationName: string | null): string | null | undefined {
  let document;
  try {
    document = parse(query);
  } catch {
    return undefined;
  }
  const definition = getOperationAST(document, operationName);
  return definition?.operation === OperationTypeNode.MUTATION ? print(document) : null;
}
