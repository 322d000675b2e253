import path from "node:path";
import { parse } from "graphql";
import type { TrustedDocumentsMode } from "../../config/config.js";
import {
  MANIFEST_PATH,
  type PersistedOperation,
  type PersistedQueryManifest,
  readManifest,
} from "./manifest.js";
import { findRepositoryRoot } from "../../graphql/operation-sources.js";
import {
  isIntrospectionOnly,
  operationShape,
  selectOperation,
  sha256Hex,
} from "./operation-document.js";

/**
 * The safelist: the operations of `schema/operations/`, by id and by shape. In `allow` mode a
 * client may name a listed operation by its id and anything else still runs; in `require` mode
 * only listed operations run, sent by id or as text.
 */
export class TrustedDocuments {
  private readonly byId: ReadonlyMap<string, PersistedOperation>;
  private readonly shapes: ReadonlySet<string>;

  constructor(
    readonly mode: TrustedDocumentsMode,
    readonly manifest: PersistedQueryManifest,
    /** The parser's token limit (`GRAPHQL_MAX_TOKENS`): an unlisted text costs no more than Apollo's parse. */
    private readonly maxTokens: number,
  ) {
    this.byId = new Map(manifest.operations.map((entry) => [entry.id, entry]));
    const shapes = new Set<string>();
    for (const entry of manifest.operations) {
      const document = selectOperation(parse(entry.body), entry.name);
      const shape = document && operationShape(document);
      if (!shape) throw new Error(`The trusted document ${entry.name} is not a valid operation`);
      shapes.add(shape);
    }
    this.shapes = shapes;
  }

  /** The listed operation with this id (the SHA-256 of its body). */
  find(id: string): PersistedOperation | undefined {
    return this.byId.get(id);
  }

  /**
   * Whether the operation `operationName` picks from this text is a listed one, however it is
   * formatted, commented or its variables named, or selects only introspection (which
   * `GRAPHQL_INTROSPECTION` decides on). A text that does not parse is not.
   */
  isTrusted(query: string, operationName: string | undefined): boolean {
    // The common case, a client sending a listed body as it is: no parse.
    if (this.byId.has(sha256Hex(query))) return true;
    let selected;
    try {
      selected = selectOperation(parse(query, { maxTokens: this.maxTokens }), operationName);
    } catch {
      return false;
    }
    if (!selected) return false;
    if (isIntrospectionOnly(selected)) return true;
    const shape = operationShape(selected);
    return shape !== undefined && this.shapes.has(shape);
  }
}

/**
 * The checked-in manifest (`schema/generated/persisted-operations.json`, written by
 * `npm run operations:manifest`). It ships with the gateway like its code: a missing or
 * altered file stops the start.
 */
export function loadTrustedDocuments(
  mode: TrustedDocumentsMode,
  maxTokens: number,
): TrustedDocuments {
  const root = findRepositoryRoot();
  if (!root) throw new Error(`${MANIFEST_PATH} was not found: the installation is incomplete`);
  return new TrustedDocuments(mode, readManifest(path.join(root, MANIFEST_PATH)), maxTokens);
}
