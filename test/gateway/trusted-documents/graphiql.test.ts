import { getIntrospectionQuery, Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { loadDefaultDocument } from "../../../src/graphiql/default-document.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { useSimulatorApp } from "../../support/simulator-app.js";
import { waitForSubscriptions, wsClient } from "../../support/subscriptions.js";

const simulator = useSimulatorApp({ GRAPHQL_TRUSTED_DOCUMENTS: "require" });

describe("GraphiQL with GRAPHQL_TRUSTED_DOCUMENTS=require", () => {
  it("reads the schema: introspection is GRAPHQL_INTROSPECTION's to allow", async () => {
    const result = await simulator.graphql(getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty("__schema.queryType.name", "Query");
  });

  it("runs each operation of its default document as the explorer sends it", async () => {
    const { query, variables } = loadDefaultDocument(silentLogger);
    const operations = parse(query).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION ? [definition] : [],
    );
    expect(operations.length).toBeGreaterThanOrEqual(6);
    const url = simulator.app.gateway.url;
    for (const { name, operation } of operations) {
      const operationName = name!.value;
      if (operation === "subscription") {
        // The explorer sends a subscription over WebSocket: admitted, it is counted open.
        const client = wsClient(url);
        const subscription = client.subscribe({
          query,
          operationName,
          variables: JSON.parse(variables) as Record<string, unknown>,
        });
        await waitForSubscriptions(url, 1);
        expect(subscription.failure, operationName).toBeUndefined();
        await client.dispose();
        await waitForSubscriptions(url, 0);
        continue;
      }
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
