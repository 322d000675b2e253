import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator/server.js";
import { ACCOUNT_SID, call, ISO_8601, sid, twilioError } from "./helpers.js";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

function sessionUrl(): string {
  return `${simulator.baseUrls.proxy}/v1/Services/${sid("KS")}/Sessions/${sid("KC")}/Participants`;
}

describe("simulator: Proxy session participants", () => {
  it("creates, lists, fetches and deletes a participant", async () => {
    const list = sessionUrl();
    const created = await call(list, {
      body: { Identifier: "+14155551212", FriendlyName: "Alice Smith" },
    });
    expect(created.status).toBe(201);
    const p = created.body;
    expect(Object.keys(p).sort()).toEqual(
      [
        "account_sid",
        "date_created",
        "date_deleted",
        "date_updated",
        "friendly_name",
        "identifier",
        "links",
        "proxy_identifier",
        "proxy_identifier_sid",
        "service_sid",
        "session_sid",
        "sid",
        "url",
      ].sort(),
    );
    expect(p.sid).toMatch(/^KP[0-9a-f]{32}$/);
    expect(p.account_sid).toBe(ACCOUNT_SID);
    expect(p.identifier).toBe("+14155551212");
    expect(p.friendly_name).toBe("Alice Smith");
    expect(p.proxy_identifier).toMatch(/^\+1[2-9]\d{9}$/);
    expect(p.proxy_identifier_sid).toMatch(/^PN[0-9a-f]{32}$/);
    expect(p.date_created).toMatch(ISO_8601);
    expect(p.date_deleted).toBeNull();
    expect(p.url).toBe(`${list}/${p.sid}`);
    expect(p.links).toEqual({ message_interactions: `${list}/${p.sid}/MessageInteractions` });

    const listed = await call(list);
    expect(listed.status).toBe(200);
    expect(listed.body.participants).toEqual([p]);
    expect(listed.body.meta).toMatchObject({ key: "participants", page: 0, page_size: 50 });

    const fetched = await call(p.url);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(p);

    const deleted = await call(p.url, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");

    const gone = await call(p.url);
    expect(gone.status).toBe(404);
    const path = new URL(p.url).pathname.replace("/proxy.twilio.com", "");
    expect(gone.body).toEqual(
      twilioError(404, 20404, `The requested resource ${path} was not found`),
    );
    expect((await call(list)).body.participants).toEqual([]);
  });

  it("uses the proxy identifier and its SID when given", async () => {
    const proxyIdentifierSid = sid("PN");
    const created = await call(sessionUrl(), {
      body: {
        Identifier: "+14155551212",
        ProxyIdentifier: "+14155559999",
        ProxyIdentifierSid: proxyIdentifierSid,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.proxy_identifier).toBe("+14155559999");
    expect(created.body.proxy_identifier_sid).toBe(proxyIdentifierSid);
  });

  it("requires Identifier", async () => {
    const reply = await call(sessionUrl(), { body: { FriendlyName: "nobody" } });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(
      twilioError(400, 20001, "Missing required parameter Identifier in the post body"),
    );
  });

  it("refuses an identifier already in the session, and one removed from it", async () => {
    const list = sessionUrl();
    const first = await call(list, { body: { Identifier: "+14155551212" } });
    const again = await call(list, { body: { Identifier: "+14155551212" } });
    expect(again.status).toBe(400);
    expect(again.body).toEqual(twilioError(400, 80103));

    await call(first.body.url, { method: "DELETE" });
    const readded = await call(list, { body: { Identifier: "+14155551212" } });
    expect(readded.body.code).toBe(80103);
  });

  it("allows two participants per session", async () => {
    const list = sessionUrl();
    expect((await call(list, { body: { Identifier: "+14155550001" } })).status).toBe(201);
    expect((await call(list, { body: { Identifier: "+14155550002" } })).status).toBe(201);
    const third = await call(list, { body: { Identifier: "+14155550003" } });
    expect(third.status).toBe(400);
    expect(third.body).toEqual(twilioError(400, 80609));
  });

  it("rejects a malformed ProxyIdentifierSid", async () => {
    const reply = await call(sessionUrl(), {
      body: { Identifier: "+14155551212", ProxyIdentifierSid: "PN123" },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe(20001);
  });

  it("answers 404 for a path whose service or session is not a SID", async () => {
    const reply = await call(
      `${simulator.baseUrls.proxy}/v1/Services/not-a-sid/Sessions/${sid("KC")}/Participants`,
    );
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe(20404);
  });
});
