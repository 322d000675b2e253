import { readFileSync } from "node:fs";
import path from "node:path";
import { type OperationSource, parseOperationSources } from "../../graphql/operation-sources.js";
import { printOperation, sha256Hex, withFragments } from "./operation-document.js";

/**
 * Apollo's persisted query list format (`@apollo/generate-persisted-query-manifest`), which
 * Apollo Client's `@apollo/persisted-query-lists` reads and GraphOS, Apollo Router and Hive
 * (as `{ [id]: body }`) take in: one entry per operation, its id the SHA-256 of its body.
 */
export const MANIFEST_FORMAT = "apollo-persisted-query-manifest";

export interface PersistedOperation {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

export interface PersistedQueryManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  operations: PersistedOperation[];
}

/** Where the manifest of the checked-in operations lives, relative to the repository. */
export const MANIFEST_PATH = path.join("schema", "generated", "persisted-operations.json");

/**
 * One entry per named operation of the sources, sorted by name, each with the fragments it uses
 * from any source (as codegen reads them: one document). Throws, naming every problem, when a
 * source does not parse, an operation is anonymous, a name is taken twice or a fragment is
 * missing: the manifest is the safelist, so it is either exact or not written.
 */
export function buildManifest(sources: readonly OperationSource[]): PersistedQueryManifest {
  const { operations, fragments, problems } = parseOperationSources(sources);
  const entries = new Map<string, PersistedOperation>();
  for (const { source, operation } of operations) {
    const name = operation.name?.value;
    if (!name) {
      problems.push(`${source}: every operation needs a name`);
      continue;
    }
    if (entries.has(name)) problems.push(`${source}: operation ${name} is defined twice`);
    const document = withFragments(operation, fragments);
    if (!document) {
      problems.push(`${source}: operation ${name} spreads a fragment that is not defined`);
      continue;
    }
    const body = printOperation(document);
    entries.set(name, { id: sha256Hex(body), name, type: operation.operation, body });
  }
  if (problems.length > 0) {
    throw new Error(`The operations cannot make a manifest: ${problems.join("; ")}`);
  }
  return {
    format: MANIFEST_FORMAT,
    version: 1,
    operations: [...entries.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The manifest as it is checked in: two-space JSON, one trailing newline. */
export function manifestText(manifest: PersistedQueryManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Reads and checks a manifest file: each entry's id must be its body's SHA-256, so an edited
 * file cannot map an id to another operation.
 */
export function readManifest(file: string): PersistedQueryManifest {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<PersistedQueryManifest>;
  if (parsed.format !== MANIFEST_FORMAT || parsed.version !== 1) {
    throw new Error(`${file} is not an ${MANIFEST_FORMAT} (version 1)`);
  }
  const operations = Array.isArray(parsed.operations) ? parsed.operations : [];
  for (const entry of operations) {
    if (typeof entry?.body !== "string" || entry.id !== sha256Hex(entry.body)) {
      throw new Error(`${file}: the entry ${String(entry?.name)} has an id that is not its body's`);
    }
  }
  return { format: MANIFEST_FORMAT, version: 1, operations };
}
