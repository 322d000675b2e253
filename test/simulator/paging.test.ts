import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator/server.js";
import { ACCOUNT_SID, call, sid, twilioError } from "./helpers.js";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

async function conversationWith(count: number): Promise<{ list: string; sids: string[] }> {
  const list = `${simulator.baseUrls.conversations}/v1/Conversations/${sid("CH")}/Participants`;
  const sids: string[] = [];
  for (let i = 0; i < count; i++) {
    sids.push((await call(list, { body: { Identity: `user-${i}` } })).body.sid);
  }
  return { list, sids };
}

const sidsOf = (items: { sid: string }[]): string[] => items.map((item) => item.sid);

describe("simulator paging, v1 shape", () => {
  it("walks forward with next_page_url and back with previous_page_url", async () => {
    const { list, sids } = await conversationWith(7);
    const first = (await call(`${list}?PageSize=3`)).body;
    expect(sidsOf(first.participants)).toEqual(sids.slice(0, 3));
    expect(first.meta).toMatchObject({ page: 0, page_size: 3, previous_page_url: null });
    expect(first.meta.first_page_url).toBe(`${list}?PageSize=3&Page=0`);
    expect(first.meta.next_page_url).toMatch(
      new RegExp(`^${list}\\?PageSize=3&Page=1&PageToken=PA\\w+$`),
    );

    const second = (await call(first.meta.next_page_url)).body;
    expect(sidsOf(second.participants)).toEqual(sids.slice(3, 6));
    expect(second.meta.page).toBe(1);
    expect(second.meta.url).toBe(first.meta.next_page_url);
    expect(second.meta.previous_page_url).toMatch(/Page=0&PageToken=PB\w+$/);

    const third = (await call(second.meta.next_page_url)).body;
    expect(sidsOf(third.participants)).toEqual(sids.slice(6));
    expect(third.meta.next_page_url).toBeNull();

    const back = (await call(third.meta.previous_page_url)).body;
    expect(sidsOf(back.participants)).toEqual(sids.slice(3, 6));
    const start = (await call(back.meta.previous_page_url)).body;
    expect(sidsOf(start.participants)).toEqual(sids.slice(0, 3));
    expect(start.meta.previous_page_url).toBeNull();
  });

  it("keeps its place when participants are deleted between pages", async () => {
    const { list, sids } = await conversationWith(6);
    const first = (await call(`${list}?PageSize=2`)).body;
    await call(`${list}/${sids[0]}`, { method: "DELETE" });
    await call(`${list}/${sids[2]}`, { method: "DELETE" });
    const next = (await call(first.meta.next_page_url)).body;
    expect(sidsOf(next.participants)).toEqual([sids[3], sids[4]]);
  });

  it("pages by Page alone, without a token", async () => {
    const { list, sids } = await conversationWith(5);
    const page = (await call(`${list}?PageSize=2&Page=2`)).body;
    expect(sidsOf(page.participants)).toEqual([sids[4]]);
  });

  it("bounds PageSize per API and rejects junk paging parameters", async () => {
    const { list } = await conversationWith(1);
    expect((await call(`${list}?PageSize=100`)).status).toBe(200);
    const tooLarge = await call(`${list}?PageSize=101`);
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body).toEqual(twilioError(400, 20007));

    const proxy = `${simulator.baseUrls.proxy}/v1/Services/${sid("KS")}/Sessions/${sid("KC")}/Participants`;
    expect((await call(`${proxy}?PageSize=1000`)).status).toBe(200);
    expect((await call(`${proxy}?PageSize=1001`)).body.code).toBe(20007);
    const flex = `${simulator.baseUrls.flex}/v1/Interactions/${sid("KD")}/Channels/${sid("UO")}/Participants`;
    expect((await call(`${flex}?PageSize=1001`)).body.code).toBe(20007);

    for (const query of [
      "PageSize=0",
      "PageSize=ten",
      "Page=-1",
      "PageToken=garbage",
      "PageToken=PAbm90YW51bWJlcg",
    ]) {
      const reply = await call(`${list}?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.code, query).toBe(20001);
    }
  });
});

describe("simulator paging, 2010 shape", () => {
  it("pages conference participants with relative URIs, start and end", async () => {
    const conference = sid("CF");
    const list = `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${conference}/Participants.json`;
    const callSids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await call(`${simulator.baseUrls.api}${list}`, {
        body: { From: "+17736774757", To: "+14157663747", Muted: "true" },
      });
      callSids.push(created.body.call_sid);
    }
    const first = (await call(`${simulator.baseUrls.api}${list}?Muted=true&PageSize=2`)).body;
    expect(first).toMatchObject({
      page: 0,
      page_size: 2,
      start: 0,
      end: 1,
      previous_page_uri: null,
      first_page_uri: `${list}?Muted=true&PageSize=2&Page=0`,
      uri: `${list}?Muted=true&PageSize=2&Page=0`,
    });
    expect(first.participants.map((p: { call_sid: string }) => p.call_sid)).toEqual(
      callSids.slice(0, 2),
    );
    expect(first.next_page_uri).toMatch(
      new RegExp(`^${list.replace(/\./g, "\\.")}\\?Muted=true&PageSize=2&Page=1&PageToken=PA\\w+$`),
    );

    const second = (await call(`${simulator.baseUrls.api}${first.next_page_uri}`)).body;
    expect(second).toMatchObject({ page: 1, start: 2, end: 3 });
    expect(second.participants.map((p: { call_sid: string }) => p.call_sid)).toEqual(
      callSids.slice(2, 4),
    );
    const third = (await call(`${simulator.baseUrls.api}${second.next_page_uri}`)).body;
    expect(third).toMatchObject({ page: 2, start: 4, end: 4, next_page_uri: null });
    expect(third.participants).toHaveLength(1);
  });
});
