import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const CLIENT = new URL("../../src/console/client/", import.meta.url);
const files = readdirSync(CLIENT).filter((file) => file.endsWith(".ts"));
const imports = (file: string) =>
  [
    ...readFileSync(new URL(file, CLIENT), "utf8").matchAll(
      /^import (type )?[^;]*?from "([^"]+)"/gm,
    ),
  ].map((match) => ({ typeOnly: match[1] !== undefined, from: match[2]! }));

describe("the console's browser code (src/console/client)", () => {
  it("loads only its own modules: the generated types and graphql-ws's are types only", () => {
    const wrong = files.flatMap((file) =>
      imports(file)
        .filter(({ typeOnly, from }) => !typeOnly && !/^\.\/[a-z-]+\.js$/.test(from))
        .map(({ from }) => `${file} → ${from}`),
    );
    expect(wrong).toEqual([]);
    const typed = files.flatMap((file) => imports(file).map(({ from }) => from));
    expect(typed).toContain("../../../schema/generated/operations.js");
  });
});
