import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useSimulatorApp } from "./support/simulator-app.js";

/** Every ```graphql block of the README, so the examples a newcomer copies keep working. */
const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const EXAMPLES = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

const simulator = useSimulatorApp();

describe("the README's GraphQL examples", () => {
  it("are there", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(EXAMPLES.map((query, i) => [i + 1, query] as const))(
    "example %i runs against the embedded simulator without errors",
    async (_, query) => {
      const result = await simulator.graphql(query);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data).toBeTruthy();
    },
  );
});
