import { createHash } from "node:crypto";
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

// The examples tell one story read top to bottom (add a customer, add the agent, mute the agent,
// list who is muted): they run in the README's order even when the suite is shuffled.
describe("the README's GraphQL examples", { shuffle: false }, () => {
  it("are there", () => {
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(5);
    expect(SUBSCRIPTIONS.length).toBeGreaterThanOrEqual(1);
  });

  // In order, each one twice: a newcomer runs an example again, and it must work again.
  it.each(OPERATIONS.map((query, i) => [i + 1, query] as const))(
    "example %i runs against the embedded simulator without errors, twice",
    async (_, query) => {
      for (const run of [1, 2]) {
        const result = await simulator.graphql(query);
        expect(result.errors, `run ${run}: ${JSON.stringify(result.errors)}`).toBeUndefined();
        expect(result.data).toBeTruthy();
      }
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

  it("tell a story that answers something: the muted list holds the agent muted before it", async () => {
    const muted = OPERATIONS.find((example) => example.includes("muted: true\n    first:"))!;
    const result = await simulator.graphql<{
      conferenceParticipants: { edges: Array<{ node: { label: string; muted: boolean } }> };
    }>(muted);
    expect(result.data!.conferenceParticipants.edges.map((edge) => edge.node)).toContainEqual(
      expect.objectContaining({ label: "agent", muted: true }),
    );
  });
});

describe("the README's persisted-query recipe", () => {
  const hash = /HASH=([0-9a-f]{64})/.exec(README)![1]!;
  const query = /"query\\":\\"([^\\]+)\\"/.exec(README)![1]!;
  const persisted = { persistedQuery: { version: 1, sha256Hash: hash } };
  const get = (params: Record<string, string>) =>
    fetch(`${simulator.app.gateway.graphqlUrl}?${new URLSearchParams(params).toString()}`, {
      headers: { "apollo-require-preflight": "true" },
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as {
        data?: unknown;
        errors?: Array<{ extensions?: { code?: string } }>;
      },
    }));

  it("names the query's true SHA-256", () => {
    expect(createHash("sha256").update(query).digest("hex")).toBe(hash);
  });

  it("works step by step: unknown hash, query with hash, then the hash alone over GET", async () => {
    const unknown = await get({ extensions: JSON.stringify(persisted) });
    expect(unknown.body.errors![0]!.extensions!.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    const registered = await simulator.graphql(query, undefined, undefined, persisted);
    expect(registered.errors).toBeUndefined();

    const byHash = await get({ extensions: JSON.stringify(persisted) });
    expect(byHash).toEqual({
      status: 200,
      body: { data: { gatewayInfo: { name: "participant-gateway", version: expect.any(String) } } },
    });
  });

  it("needs the preflight header for a GET, as the README says", async () => {
    const url = `${simulator.app.gateway.graphqlUrl}?${new URLSearchParams({ query }).toString()}`;
    expect((await fetch(url)).status).toBe(400);
    const withHeader = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(withHeader.status).toBe(200);
  });

  it("refuses a hash that does not match its query with HTTP 400", async () => {
    const wrong = { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } };
    const response = await fetch(simulator.app.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, extensions: wrong }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("provided sha does not match query");
  });
});
