import twilio from "twilio";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SIMULATOR_AUTH_TOKEN } from "../../src/simulator/defaults.js";
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from "../../src/simulator/server.js";
import { CallbackReceiver, type ReceivedCallback } from "./callback-receiver.js";
import { ACCOUNT_SID, call, ISO_8601, sid, twilioError, type Json } from "./helpers.js";

let receiver: CallbackReceiver;
beforeAll(async () => {
  receiver = await CallbackReceiver.start();
});
afterAll(() => receiver.close());

const started: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((simulator) => simulator.close()));
});

let pathSeed = 0;
function newPath(name = "events"): string {
  return `/conversations/${++pathSeed}/${name}`;
}

async function simulatorWith(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const simulator = await startSimulator(options);
  started.push(simulator);
  return simulator;
}

const ENABLED = { "X-Twilio-Webhook-Enabled": "true" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function participants(simulator: RunningSimulator, scope = `/v1/Conversations/${sid("CH")}`) {
  return `${simulator.baseUrls.conversations}${scope}/Participants`;
}

function expectSignedByTwilio(callback: ReceivedCallback): void {
  const params = callback.method === "POST" ? callback.params : {};
  const signature = callback.headers["x-twilio-signature"] as string;
  expect(twilio.validateRequest(SIMULATOR_AUTH_TOKEN, signature, callback.url, params)).toBe(true);
}

describe("simulator: Conversations post-event webhooks", () => {
  it("reports REST actions sent with X-Twilio-Webhook-Enabled: true, and no others", async () => {
    const path = newPath();
    const simulator = await simulatorWith({ conversationsWebhookUrl: receiver.url(path) });
    const list = participants(simulator);
    const conversationSid = list.split("/").at(-2);

    const alice: Json = (await call(list, { body: { Identity: "alice" }, headers: ENABLED })).body;
    const [added] = await receiver.waitFor(path, 1);
    expect(added!.params).toEqual({
      AccountSid: ACCOUNT_SID,
      EventType: "onParticipantAdded",
      Source: "API",
      ConversationSid: conversationSid,
      ParticipantSid: alice.sid,
      DateCreated: alice.date_created,
      Identity: "alice",
      Attributes: "{}",
      "MessagingBinding.Type": "CHAT",
    });
    expect(added!.method).toBe("POST");
    expect(added!.headers).toMatchObject({
      "content-type": "application/x-www-form-urlencoded",
      "i-twilio-idempotency-token": expect.any(String),
    });
    expectSignedByTwilio(added!);

    // Without the header (or with false) a REST action fires nothing.
    await call(list, { body: { Identity: "bob" } });
    await call(list, {
      body: { Identity: "carol" },
      headers: { "X-Twilio-Webhook-Enabled": "false" },
    });
    await call(`${list}/bob`, { body: { Attributes: "{}" } });
    await call(`${list}/bob`, { method: "DELETE" });

    const roleSid = sid("RL");
    await call(`${list}/alice`, {
      body: { Attributes: '{"team":"support"}', RoleSid: roleSid, LastReadMessageIndex: "7" },
      headers: ENABLED,
    });
    const [, updated] = await receiver.waitFor(path, 2);
    expect(updated!.params).toEqual({
      AccountSid: ACCOUNT_SID,
      EventType: "onParticipantUpdated",
      Source: "API",
      ConversationSid: conversationSid,
      ParticipantSid: alice.sid,
      DateCreated: alice.date_created,
      DateUpdated: expect.stringMatching(ISO_8601),
      Identity: "alice",
      RoleSid: roleSid,
      Attributes: '{"team":"support"}',
      "MessagingBinding.Type": "CHAT",
      LastReadMessageIndex: "7",
    });

    await call(`${list}/alice`, { method: "DELETE", headers: ENABLED });
    const [, , removed] = await receiver.waitFor(path, 3);
    expect(removed!.params).toEqual({
      ...updated!.params,
      EventType: "onParticipantRemoved",
      DateRemoved: expect.stringMatching(ISO_8601),
      LastReadMessageIndex: undefined,
    });
    expect(Object.keys(removed!.params)).not.toContain("LastReadMessageIndex");
    for (const callback of receiver.at(path)) expectSignedByTwilio(callback);
    await sleep(50);
    expect(receiver.at(path)).toHaveLength(3);
  });

  it("describes SMS and WhatsApp participants by their binding, with the service when there is one", async () => {
    const path = newPath();
    const simulator = await simulatorWith({ conversationsWebhookUrl: receiver.url(path) });
    const service = sid("IS");
    const conversation = sid("CH");
    const list = participants(simulator, `/v1/Services/${service}/Conversations/${conversation}`);
    const sms: Json = (
      await call(list, {
        body: {
          "MessagingBinding.Address": "+15551230001",
          "MessagingBinding.ProxyAddress": "+15559870001",
        },
        headers: ENABLED,
      })
    ).body;
    await receiver.waitFor(path, 1);
    await call(list, {
      body: {
        "MessagingBinding.Address": "whatsapp:+15551230002",
        "MessagingBinding.ProxyAddress": "whatsapp:+15559870002",
      },
      headers: ENABLED,
    });
    const [first, second] = await receiver.waitFor(path, 2);
    expect(first!.params).toEqual({
      AccountSid: ACCOUNT_SID,
      EventType: "onParticipantAdded",
      Source: "API",
      ChatServiceSid: service,
      ConversationSid: conversation,
      ParticipantSid: sms.sid,
      DateCreated: sms.date_created,
      Attributes: "{}",
      "MessagingBinding.ProxyAddress": "+15559870001",
      "MessagingBinding.Address": "+15551230001",
      "MessagingBinding.Type": "SMS",
    });
    expect(first!.body).toContain("MessagingBinding.Address=%2B15551230001");
    expect(second!.params).toMatchObject({
      "MessagingBinding.Address": "whatsapp:+15551230002",
      "MessagingBinding.Type": "WHATSAPP",
    });
  });
});

describe("simulator: Conversations webhook configuration", () => {
  it("shows the account's settings, which the conversationsWebhookUrl option fills in", async () => {
    const path = newPath();
    const simulator = await simulatorWith({ conversationsWebhookUrl: receiver.url(path) });
    const url = `${simulator.baseUrls.conversations}/v1/Configuration/Webhooks`;
    expect((await call(url)).body).toEqual({
      account_sid: ACCOUNT_SID,
      method: "POST",
      filters: ["onParticipantAdded", "onParticipantUpdated", "onParticipantRemoved"],
      pre_webhook_url: null,
      post_webhook_url: receiver.url(path),
      target: "webhook",
      url,
    });
    const bare = await simulatorWith();
    const bareUrl = `${bare.baseUrls.conversations}/v1/Configuration/Webhooks`;
    expect((await call(bareUrl)).body).toMatchObject({
      method: "POST",
      filters: [],
      pre_webhook_url: null,
      post_webhook_url: null,
    });
  });

  it("is changed with POST /v1/Configuration/Webhooks: URL, method and filters", async () => {
    const simulator = await simulatorWith();
    const path = newPath();
    const config = `${simulator.baseUrls.conversations}/v1/Configuration/Webhooks`;
    const list = participants(simulator);
    await call(list, { body: { Identity: "before" }, headers: ENABLED });

    const updated = await call(config, {
      body: {
        PostWebhookUrl: `${receiver.url(path)}?tenant=t1`,
        PreWebhookUrl: receiver.url(`${path}/pre`),
        Method: "get",
        Filters: ["onParticipantRemoved", "onMessageAdded"],
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      method: "GET",
      filters: ["onParticipantRemoved", "onMessageAdded"],
      post_webhook_url: `${receiver.url(path)}?tenant=t1`,
      pre_webhook_url: receiver.url(`${path}/pre`),
    });
    await call(list, { body: { Identity: "dave" }, headers: ENABLED });
    await call(`${list}/dave`, { method: "DELETE", headers: ENABLED });
    const [removed] = await receiver.waitFor(path, 1);
    expect(removed!.method).toBe("GET");
    expect(removed!.params).toMatchObject({
      tenant: "t1",
      EventType: "onParticipantRemoved",
      Identity: "dave",
    });
    expectSignedByTwilio(removed!);
    await sleep(50);
    // Added was filtered out; pre-action webhooks are not simulated.
    expect(receiver.at(path)).toHaveLength(1);
    expect(receiver.at(`${path}/pre`)).toEqual([]);

    await call(config, { body: { Target: "flex" } });
    await call(list, { body: { Identity: "erin" }, headers: ENABLED });
    await call(`${list}/erin`, { method: "DELETE", headers: ENABLED });
    await sleep(50);
    expect(receiver.at(path)).toHaveLength(1);
  });

  it("refuses bad values with 400 and changes nothing", async () => {
    const simulator = await simulatorWith({ conversationsWebhookUrl: receiver.url(newPath()) });
    const config = `${simulator.baseUrls.conversations}/v1/Configuration/Webhooks`;
    const before = (await call(config)).body;
    const badBodies: Record<string, string | string[]>[] = [
      { Method: "PUT", Filters: "onParticipantAdded" },
      { Filters: ["onParticipantAdded", "onSomethingElse"] },
      { PostWebhookUrl: "ftp://example.com/hook", Method: "GET" },
      { Target: "studio", Method: "GET" },
    ];
    for (const body of badBodies) {
      const reply = await call(config, { body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body).toEqual(twilioError(400, 20001));
    }
    expect((await call(config)).body).toEqual(before);
    const service = `${simulator.baseUrls.conversations}/v1/Services/${sid("IS")}/Configuration/Webhooks`;
    expect((await call(service, { body: { Filters: "onUserAdded" } })).status).toBe(400);
    const notAService = `${simulator.baseUrls.conversations}/v1/Services/default/Configuration/Webhooks`;
    expect((await call(notAService)).status).toBe(404);
  });

  it("lets a service's own webhook override the account's for its conversations", async () => {
    const global = newPath("global");
    const own = newPath("service");
    const simulator = await simulatorWith({ conversationsWebhookUrl: receiver.url(global) });
    const service = sid("IS");
    const serviceConfig = `${simulator.baseUrls.conversations}/v1/Services/${service}/Configuration/Webhooks`;
    expect((await call(serviceConfig)).body).toEqual({
      account_sid: ACCOUNT_SID,
      chat_service_sid: service,
      pre_webhook_url: null,
      post_webhook_url: null,
      filters: [],
      method: "POST",
      url: serviceConfig,
    });
    const configured = await call(serviceConfig, {
      body: { PostWebhookUrl: receiver.url(own), Filters: "onParticipantAdded" },
    });
    expect(configured.body).toMatchObject({
      post_webhook_url: receiver.url(own),
      filters: ["onParticipantAdded"],
    });

    const inService = participants(simulator, `/v1/Services/${service}/Conversations/${sid("CH")}`);
    const elsewhere = participants(
      simulator,
      `/v1/Services/${sid("IS")}/Conversations/${sid("CH")}`,
    );
    await call(inService, { body: { Identity: "in-service" }, headers: ENABLED });
    await call(`${inService}/in-service`, { method: "DELETE", headers: ENABLED });
    await call(elsewhere, { body: { Identity: "elsewhere" }, headers: ENABLED });
    await call(participants(simulator), { body: { Identity: "default" }, headers: ENABLED });
    const [ownEvent] = await receiver.waitFor(own, 1);
    expect(ownEvent!.params).toMatchObject({
      EventType: "onParticipantAdded",
      Identity: "in-service",
      ChatServiceSid: service,
    });
    const globalEvents = await receiver.waitFor(global, 2);
    expect(globalEvents.map((c) => c.params.Identity).sort()).toEqual(["default", "elsewhere"]);
    await sleep(50);
    // The service's filters leave its removal out; the account's settings do not stand in.
    expect(receiver.at(own)).toHaveLength(1);
    expect(receiver.at(global)).toHaveLength(2);

    // Without a URL of its own the service falls back to the account's settings.
    await call(serviceConfig, { body: { PostWebhookUrl: "" } });
    await call(inService, { body: { Identity: "again" }, headers: ENABLED });
    const [, , fallback] = await receiver.waitFor(global, 3);
    expect(fallback!.params.Identity).toBe("again");
  });

  it("refuses a conversationsWebhookUrl that is not an absolute http(s) URL", async () => {
    await expect(startSimulator({ conversationsWebhookUrl: "/relative" })).rejects.toThrow(
      RangeError,
    );
  });
});
