import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTwilio } from "./support/fake-twilio.js";
import { startTestGateway } from "./support/gateway.js";

const CF = "CF" + "5".repeat(32);
const CA = "CA" + "6".repeat(32);
const ADD = `mutation { addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "+15558675310" }) { callSid } }`;

const fake = new FakeTwilio();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

async function whenTwilioHasIt(): Promise<void> {
  while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("shutting down", () => {
  it("lets a create that is in flight finish before closing", async () => {
    fake.reset();
    fake.reply({ status: 201, body: { call_sid: CA, conference_sid: CF }, delayMs: 300 });
    const gateway = await startTestGateway(fake.url);
    await gateway.graphql("{ gatewayInfo { name } }"); // leaves an idle keep-alive connection
    const inFlight = gateway.graphql(ADD);
    await whenTwilioHasIt();
    await gateway.close();
    expect(await inFlight).toMatchObject({ data: { addConferenceParticipant: { callSid: CA } } });
    await expect(fetch(gateway.graphqlUrl, { method: "POST" })).rejects.toThrow();
  });

  it("cuts what is still running after the grace period", async () => {
    fake.reset();
    fake.reply({ status: 201, body: { call_sid: CA, conference_sid: CF }, delayMs: 2000 });
    const gateway = await startTestGateway(fake.url);
    const inFlight = gateway.graphql(ADD).then(
      () => "answered",
      () => "cut",
    );
    await whenTwilioHasIt();
    const started = Date.now();
    await gateway.close(100);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await inFlight).toBe("cut");
  });
});
