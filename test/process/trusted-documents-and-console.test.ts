import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANIFEST_PATH, readManifest } from "../../src/gateway/trusted-documents/manifest.js";
import { findRepositoryRoot } from "../../src/graphql/operation-sources.js";
import { FakeTwilio } from "../support/fake-twilio.js";
import { ACCOUNT_SID, AUTH_TOKEN } from "../support/gateway.js";
import { type GatewayProcess, startGatewayProcess } from "../support/gateway-process.js";

const manifest = readManifest(`${findRepositoryRoot()!}/${MANIFEST_PATH}`);
const GATEWAY_INFO = manifest.operations.find((entry) => entry.name === "GatewayInfo")!;

/** The built server as deployed (NODE_ENV=production), live mode against a capturing fake. */
describe("the built gateway with GRAPHQL_TRUSTED_DOCUMENTS=require and CONSOLE_ENABLED=true", () => {
  const fake = new FakeTwilio();
  let gateway: GatewayProcess;
  beforeAll(async () => {
    await fake.start();
    gateway = await startGatewayProcess({
      NODE_ENV: "production",
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      GATEWAY_AUTH: "none",
      GRAPHQL_TRUSTED_DOCUMENTS: "require",
      CONSOLE_ENABLED: "true",
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await fake.stop();
  });

  const post = async (body: unknown) => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("finds its manifest, runs a listed operation by id and refuses an unlisted one", async () => {
    expect(await post({ documentId: GATEWAY_INFO.id })).toMatchObject({
      status: 200,
      body: { data: { gatewayInfo: { name: "participant-gateway", twilioMode: "live" } } },
    });
    const refused = await post({
      query: `mutation { addConferenceParticipant(input: { conferenceSid: "CF${"a".repeat(32)}", from: "+15017122661", to: "+15558675310" }) { callSid } }`,
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { errors: [{ extensions: { code: "OPERATION_NOT_IN_SAFELIST" } }] },
    });
    expect(fake.requests).toEqual([]);
  });

  it("serves the console's page and its compiled modules", async () => {
    const html = await (await fetch(`${gateway.url}/console`)).text();
    const main = /src="(console\/assets\/[0-9a-f]{16}\/main\.js)"/.exec(html)![1]!;
    const script = await fetch(`${gateway.url}/${main}`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain("ConsoleParticipantEvents");
  });

  it("refuses to start when GRAPHQL_TRUSTED_DOCUMENTS is not allow or require", async () => {
    const refused = startGatewayProcess({ GRAPHQL_TRUSTED_DOCUMENTS: "off" });
    await expect(refused).rejects.toThrow(/exited \(1\)[\s\S]*GRAPHQL_TRUSTED_DOCUMENTS/);
  });
});
