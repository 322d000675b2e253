import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/**
 * The layers of `src/`, top to bottom (docs/architecture.md). A module may import from its own
 * folder and from any layer below its own; never from one above, never from a sibling at its
 * own level.
 */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ["main.ts"],
  ["app.ts"],
  ["http"],
  // The console's page is served like the explorer's assets, with the trusted documents' ids.
  ["console"],
  ["gateway", "graphiql"],
  ["participants"],
  ["params"],
  ["graphql"],
  ["config"],
  ["twilio"],
  ["validation", "events", "auth"],
  ["errors", "logging", "metrics", "tracing", "version.ts"],
];
/**
 * Apart: shares no code with the gateway (it must be able to disagree with it); only the
 * composition root starts it.
 */
const APART = ["simulator"];
const COMPOSITION_ROOT = "app.ts";

/** Within participants/, a product folder may use the shared machinery but no other product. */
const PRODUCT_FOLDERS = ["conference", "conversation", "interaction", "proxy"];

function unitOf(file: string): string {
  return file.split("/")[0]!;
}

function rank(unit: string): number {
  const index = LAYERS.findIndex((layer) => layer.includes(unit));
  if (index < 0 && !APART.includes(unit)) throw new Error(`src/${unit} is in no layer`);
  return index;
}

/** Browser code, compiled on its own (src/console/client/tsconfig.json): no server layer. */
const BROWSER_CODE = path.join(SRC, "console", "client");

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (full === BROWSER_CODE) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".ts") ? [path.relative(SRC, full)] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+"(\.{1,2}\/[^"]+\.js)"/g;

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), "utf8");
  return [...text.matchAll(IMPORT)].map((match) =>
    path.normalize(path.join(path.dirname(file), match[1]!)).replace(/\.js$/, ".ts"),
  );
}

const files = sourceFiles();
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe("the layers of src/", () => {
  it("every import resolves to a source file", () => {
    const missing = [...graph].flatMap(([file, imports]) =>
      imports.filter((target) => !graph.has(target)).map((target) => `${file} → ${target}`),
    );
    expect(missing).toEqual([]);
  });

  it("nothing imports upward or sideways", () => {
    const wrong = [...graph].flatMap(([file, imports]) =>
      imports
        .filter((target) => {
          const from = unitOf(file);
          const to = unitOf(target);
          if (from === to) return false;
          if (APART.includes(to)) return from !== COMPOSITION_ROOT;
          if (APART.includes(from)) return true;
          return rank(to) <= rank(from);
        })
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("a product folder imports no other product", () => {
    const wrong = [...graph].flatMap(([file, imports]) => {
      const [top, product] = file.split("/");
      if (top !== "participants" || !PRODUCT_FOLDERS.includes(product!)) return [];
      return imports
        .filter((target) => {
          const [targetTop, targetProduct] = target.split("/");
          return (
            targetTop === "participants" &&
            PRODUCT_FOLDERS.includes(targetProduct!) &&
            targetProduct !== product
          );
        })
        .map((target) => `${file} → ${target}`);
    });
    expect(wrong).toEqual([]);
  });

  it("there is no import cycle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
