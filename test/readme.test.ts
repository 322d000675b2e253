import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { silentLogger } from "../src/logger.js";

/** Every ```graphql block of the README, so the examples a newcomer copies keep working. */
const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const EXAMPLES = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

let app: RunningApp;
beforeAll(async () => {
  app = await startApp(loadConfig({ PORT: "0" }), silentLogger);
});
afterAll(() => app.close());

describe("the README's GraphQL examples", () => {
  it("are there", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(EXAMPLES.map((query, i) => [i + 1, query] as const))(
    "example %i runs against the embedded simulator without errors",
    async (_, query) => {
      const response = await fetch(app.gateway.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      const result = (await response.json()) as { data?: unknown; errors?: unknown[] };
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data).toBeTruthy();
    },
  );
});
