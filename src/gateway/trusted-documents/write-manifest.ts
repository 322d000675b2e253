import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildManifest, MANIFEST_PATH, manifestText } from "./manifest.js";
import { findRepositoryRoot, readOperationSources } from "../../graphql/operation-sources.js";

/**
 * `npm run operations:manifest` (also run by `npm run codegen`): rewrites the trusted documents'
 * manifest from `schema/operations/*.graphql`.
 */
const root = findRepositoryRoot();
if (!root) throw new Error("schema/operations/ was not found");
const target = path.join(root, MANIFEST_PATH);
await writeFile(target, manifestText(buildManifest(readOperationSources(root))));
process.stdout.write(`wrote ${target}\n`);
