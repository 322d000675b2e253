import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import {
  buildManifest,
  MANIFEST_PATH,
  manifestText,
  readManifest,
} from "../../../src/gateway/trusted-documents/manifest.js";
import {
  findRepositoryRoot,
  readOperationSources,
} from "../../../src/graphql/operation-sources.js";
import { sha256Hex } from "../../../src/gateway/trusted-documents/operation-document.js";

const root = findRepositoryRoot()!;
const sources = readOperationSources(root);

describe("the trusted documents' manifest, schema/generated/persisted-operations.json", () => {
  it("is current: `npm run operations:manifest` (or `npm run codegen`) would write it unchanged", () => {
    const checkedIn = readFileSync(path.join(root, MANIFEST_PATH), "utf8");
    expect(checkedIn, "run `npm run operations:manifest`").toBe(
      manifestText(buildManifest(sources)),
    );
  });

  it("lists every named operation of schema/operations/, each with the SHA-256 of its body", () => {
    const names = sources.flatMap((source) =>
      parse(source.text).definitions.flatMap((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION ? [definition.name!.value] : [],
      ),
    );
    const manifest = readManifest(path.join(root, MANIFEST_PATH));
    expect(manifest.operations.map((entry) => entry.name).sort()).toEqual(names.sort());
    for (const entry of manifest.operations) expect(entry.id).toBe(sha256Hex(entry.body));
    // An operation carries the fragments it uses, from whichever file defines them.
    const events = manifest.operations.find((entry) => entry.name === "ParticipantEvents")!;
    expect(events.body).toMatch(/^subscription ParticipantEvents\(/);
    expect(events.body).toContain("\n\nfragment MessagingBinding on ConversationMessagingBinding");
  });

  it("is not written from operations that could not be listed exactly", () => {
    const build =
      (...texts: string[]) =>
      () =>
        buildManifest(texts.map((text, i) => ({ name: `file${i}.graphql`, text })));
    expect(build("query { gatewayInfo { name } }")).toThrow(
      "file0.graphql: every operation needs a name",
    );
    expect(build("query A { a }", "query A { b }")).toThrow("operation A is defined twice");
    expect(build("query A { a { ...F } }")).toThrow("operation A spreads a fragment");
    expect(build("fragment F on Q { a }", "fragment F on Q { b }")).toThrow(
      "fragment F is defined twice",
    );
    expect(build("query A {")).toThrow("file0.graphql: Syntax Error");
  });

  it("is refused when an entry's id is not its body's hash (an edited file)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "manifest-"));
    try {
      const manifest = buildManifest(sources);
      manifest.operations[0]!.body = manifest.operations[0]!.body.replace("{", "{ uri ");
      const file = path.join(dir, "persisted-operations.json");
      writeFileSync(file, manifestText(manifest));
      expect(() => readManifest(file)).toThrow("has an id that is not its body's");
      writeFileSync(file, JSON.stringify({ format: "something-else", version: 1 }));
      expect(() => readManifest(file)).toThrow("is not an apollo-persisted-query-manifest");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
