import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MANIFEST_PATH, readManifest } from "../../../src/gateway/trusted-documents/manifest.js";
import { findRepositoryRoot } from "../../../src/graphql/operation-sources.js";
import { useSimulatorApp } from "../../support/simulator-app.js";

const README = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
const manifest = readManifest(`${findRepositoryRoot()!}/${MANIFEST_PATH}`);
const simulator = useSimulatorApp({ GRAPHQL_TRUSTED_DOCUMENTS: "require" });

describe("the README's trusted-documents example", () => {
  it("names GatewayInfo by its current id, and runs as written", async () => {
    const body = /-d '(\{"documentId":"[0-9a-f]{64}"\})'/.exec(README)![1]!;
    const { documentId } = JSON.parse(body) as { documentId: string };
    expect(manifest.operations.find((entry) => entry.id === documentId)?.name).toBe("GatewayInfo");
    const response = await fetch(simulator.app.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(await response.json()).toMatchObject({
      data: { gatewayInfo: { name: "participant-gateway" } },
    });
  });
});
