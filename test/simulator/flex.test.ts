import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator/server.js";
import { call, sid, twilioError } from "./helpers.js";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

function channelUrl(): string {
  return `${simulator.baseUrls.flex}/v1/Interactions/${sid("KD")}/Channels/${sid("UO")}/Participants`;
}

const MEDIA = JSON.stringify({
  level: "to",
  name: "Random Person",
  address: "random@person.com",
  type: "email",
});
const ROUTING = JSON.stringify({ task_sid: sid("WT"), worker_sid: sid("WK") });

describe("simulator: Flex interaction channel participants", () => {
  it("creates (200), lists and updates a participant", async () => {
    const list = channelUrl();
    const created = await call(list, {
      body: { Type: "agent", MediaProperties: MEDIA, RoutingProperties: ROUTING },
    });
    expect(created.status).toBe(200);
    const p = created.body;
    expect(Object.keys(p).sort()).toEqual(
      ["channel_sid", "interaction_sid", "routing_properties", "sid", "type", "url"].sort(),
    );
    expect(p.sid).toMatch(/^UT[0-9a-f]{32}$/);
    expect(p.type).toBe("agent");
    expect(p.routing_properties).toEqual(JSON.parse(ROUTING));
    expect(p.url).toBe(`${list}/${p.sid}`);
    const [, interaction, channel] = /Interactions\/(KD\w+)\/Channels\/(UO\w+)/.exec(list)!;
    expect(p.interaction_sid).toBe(interaction);
    expect(p.channel_sid).toBe(channel);

    const listed = await call(list);
    expect(listed.status).toBe(200);
    expect(listed.body.participants).toEqual([p]);
    expect(listed.body.meta.key).toBe("participants");

    const updated = await call(p.url, { body: { Status: "wrapup" } });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual(p);
    expect((await call(p.url, { body: { Status: "closed" } })).status).toBe(200);
  });

  it("has no routing properties unless given", async () => {
    const created = await call(channelUrl(), {
      body: { Type: "customer", MediaProperties: MEDIA },
    });
    expect(created.body.routing_properties).toBeNull();
  });

  it("requires Type and MediaProperties", async () => {
    const noType = await call(channelUrl(), { body: { MediaProperties: MEDIA } });
    expect(noType.status).toBe(400);
    expect(noType.body).toEqual(
      twilioError(400, 20001, "Missing required parameter Type in the post body"),
    );
    const noMedia = await call(channelUrl(), { body: { Type: "agent" } });
    expect(noMedia.body).toEqual(
      twilioError(400, 20001, "Missing required parameter MediaProperties in the post body"),
    );
  });

  it("rejects an unknown Type and malformed JSON properties", async () => {
    const badType = await call(channelUrl(), { body: { Type: "robot", MediaProperties: MEDIA } });
    expect(badType.status).toBe(400);
    expect(badType.body.code).toBe(20001);
    expect(badType.body.message).toContain("robot");

    const badMedia = await call(channelUrl(), {
      body: { Type: "agent", MediaProperties: "{oops" },
    });
    expect(badMedia.status).toBe(400);
    expect(badMedia.body).toEqual(twilioError(400, 20001));
    expect(badMedia.body.message).toContain("MediaProperties");

    const badRouting = await call(channelUrl(), {
      body: { Type: "agent", MediaProperties: MEDIA, RoutingProperties: "[1," },
    });
    expect(badRouting.status).toBe(400);
    expect(badRouting.body.message).toContain("RoutingProperties");
  });

  it("validates the update status and the participant", async () => {
    const list = channelUrl();
    const p = (await call(list, { body: { Type: "agent", MediaProperties: MEDIA } })).body;
    const badStatus = await call(p.url, { body: { Status: "open" } });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.code).toBe(20001);
    const noStatus = await call(p.url, { body: {} });
    expect(noStatus.body.message).toBe("Missing required parameter Status in the post body");
    const unknown = await call(`${list}/${sid("UT")}`, { body: { Status: "closed" } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(20404);
  });

  it("has no fetch or delete, as Flex has none", async () => {
    const p = (await call(channelUrl(), { body: { Type: "agent", MediaProperties: MEDIA } })).body;
    const fetched = await call(p.url);
    expect(fetched.status).toBe(405);
    expect(fetched.body).toEqual(twilioError(405, 20004, "Method not allowed"));
    expect((await call(p.url, { method: "DELETE" })).status).toBe(405);
  });
});
