import { describe, expect, it } from "vitest";
import { checkedInOperation } from "../support/operations.js";
import { useSimulatorApp } from "../support/simulator-app.js";

const KS = "KS" + "1".repeat(32);
const KC = "KC" + "2".repeat(32);
const KD = "KD" + "3".repeat(32);
const UO = "UO" + "4".repeat(32);

const simulator = useSimulatorApp();
const { graphql } = simulator;

const proxy = (name: string) => checkedInOperation("proxy.graphql", name);
const interaction = (name: string) => checkedInOperation("interaction.graphql", name);

describe("Proxy and Flex Interaction participants against the embedded simulator", () => {
  it("adds a Proxy participant, lists and fetches it, removes it, and then finds nothing", async () => {
    const added = await graphql<{ addProxyParticipant: { sid: string } }>(
      proxy("AddProxyParticipant"),
      {
        input: {
          serviceSid: KS,
          sessionSid: KC,
          identifier: "+15558675310",
          friendlyName: "Alice",
        },
      },
    );
    expect(added.errors).toBeUndefined();
    const sid = added.data!.addProxyParticipant.sid;
    expect(sid).toMatch(/^KP[0-9a-f]{32}$/);

    const listed = await graphql<{
      proxyParticipants: { edges: Array<{ node: { sid: string; identifier: string } }> };
    }>(proxy("ProxyParticipants"), { serviceSid: KS, sessionSid: KC });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.proxyParticipants.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ sid, identifier: "+15558675310" }),
    );

    const fetchVariables = { serviceSid: KS, sessionSid: KC, sid };
    const fetched = await graphql(proxy("ProxyParticipant"), fetchVariables);
    expect(fetched.data).toMatchObject({
      proxyParticipant: { sid, identifier: "+15558675310", friendlyName: "Alice" },
    });

    const removed = await graphql(proxy("RemoveProxyParticipant"), { input: fetchVariables });
    expect(removed.errors).toBeUndefined();
    expect(removed.data).toMatchObject({ removeProxyParticipant: { sid, friendlyName: "Alice" } });

    const after = await graphql(proxy("ProxyParticipant"), fetchVariables);
    expect(after).toEqual({ data: { proxyParticipant: null } });
    const again = await graphql(proxy("RemoveProxyParticipant"), { input: fetchVariables });
    expect(again.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND" });
  });

  it("adds an Interaction participant, lists it, closes it and resolves it as an entity", async () => {
    const added = await graphql<{ addInteractionParticipant: { sid: string } }>(
      interaction("AddInteractionParticipant"),
      {
        input: {
          interactionSid: KD,
          channelSid: UO,
          type: "AGENT",
          mediaProperties: { level: "to", name: "Alice", address: "+15558675310", type: "sms" },
        },
      },
    );
    expect(added.errors).toBeUndefined();
    const sid = added.data!.addInteractionParticipant.sid;
    expect(sid).toMatch(/^UT[0-9a-f]{32}$/);

    const listed = await graphql<{
      interactionParticipants: { edges: Array<{ node: { sid: string; type: string } }> };
    }>(interaction("InteractionParticipants"), { interactionSid: KD, channelSid: UO });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.interactionParticipants.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ sid, type: "AGENT" }),
    );

    const closed = await graphql(interaction("UpdateInteractionParticipant"), {
      input: { interactionSid: KD, channelSid: UO, sid, status: "CLOSED" },
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.data).toMatchObject({
      updateInteractionParticipant: { sid, type: "AGENT", interactionSid: KD, channelSid: UO },
    });

    const entities = await graphql(
      `
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on InteractionParticipant {
              sid
              type
            }
          }
        }
      `,
      {
        representations: [
          { __typename: "InteractionParticipant", interactionSid: KD, channelSid: UO, sid },
          {
            __typename: "InteractionParticipant",
            interactionSid: KD,
            channelSid: UO,
            sid: "UT" + "0".repeat(32),
          },
        ],
      },
    );
    expect(entities).toEqual({ data: { _entities: [{ sid, type: "AGENT" }, null] } });
  });
});
