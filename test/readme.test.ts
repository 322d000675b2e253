import { readFileSync } from "node:fs";
import { getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { useSimulatorApp } from "./support/simulator-app.js";
import { waitForSubscriptions, wsClient } from "./support/subscriptions.js";

/** Every ```graphql block of the README, so the examples a newcomer copies keep working. */
const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const EXAMPLES = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
const isSubscription = (query: string) =>
  getOperationAST(parse(query))?.operation === "subscription";
const OPERATIONS = EXAMPLES.filter((query) => !isSubscription(query));
const SUBSCRIPTIONS = EXAMPLES.filter(isSubscription);

const simulator = useSimulatorApp();

describe("the README's GraphQL examples", () => {
  it("are there", () => {
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(5);
    expect(SUBSCRIPTIONS.length).toBeGreaterThanOrEqual(1);
  });

  it.each(OPERATIONS.map((query, i) => [i + 1, query] as const))(
    "example %i runs against the embedded simulator without errors",
    async (_, query) => {
      const result = await simulator.graphql(query);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data).toBeTruthy();
    },
  );

  it.each(SUBSCRIPTIONS.map((query, i) => [i + 1, query] as const))(
    "subscription %i receives the event of a conference participant added on the simulator",
    async (_, query) => {
      const client = wsClient(simulator.app.gateway.url);
      try {
        const subscription = client.subscribe({ query });
        await waitForSubscriptions(simulator.app.gateway.url, 1);
        const added = await simulator.graphql(
          `mutation { addConferenceParticipant(input: { conferenceSid: "CF${"7".repeat(32)}", from: "+15017122661", to: "+15558675310" }) { callSid } }`,
        );
        expect(added.errors).toBeUndefined();
        const [first] = await subscription.waitFor(1);
        expect(first!.errors, JSON.stringify(first!.errors)).toBeUndefined();
        expect(first!.data).toBeTruthy();
      } finally {
        await client.dispose();
        await waitForSubscriptions(simulator.app.gateway.url, 0);
      }
    },
  );
});
