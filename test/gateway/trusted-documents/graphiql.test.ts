import { getIntrospectionQuery, Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { loadDefaultDocument } from "../../../src/graphiql/default-document.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { useSimulatorApp } from "../../support/simulator-app.js";

const simulator = useSimulatorApp({ GRAPHQL_TRUSTED_DOCUMENTS: "require" });

describe("GraphiQL with GRAPHQL_TRUSTED_DOCUMENTS=require", () => {
  it("reads the schema: introspection is GRAPHQL_INTROSPECTION's to allow", async () => {
    const result = await simulator.graphql(getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty("__schema.queryType.name", "Query");
  });

  it("runs each operation of its default document as the explorer sends it", async () => {
    const { query, variables } = loadDefaultDocument(silentLogger);
    const names = parse(query).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION ? [definition.name!.value] : [],
    );
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const operationName of names) {
      const response = await fetch(simulator.app.gateway.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, operationName, variables: JSON.parse(variables) }),
      });
      const answer = (await response.json()) as { errors?: unknown[] };
      expect(answer.errors, `${operationName}: ${JSON.stringify(answer.errors)}`).toBeUndefined();
    }
  });
});
