import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator/server.js";
import { ACCOUNT_SID, call, ISO_8601, sid, twilioError } from "./helpers.js";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

function participantsUrl(conversation: string = sid("CH")): string {
  return `${simulator.baseUrls.conversations}/v1/Conversations/${conversation}/Participants`;
}

/** A fresh pair, so that tests never collide on the account-wide address bindings. */
let numberSeed = 1000;
function phone(): string {
  return `+1415555${String(numberSeed++).padStart(4, "0")}`;
}

const FIELDS = [
  "account_sid",
  "attributes",
  "conversation_sid",
  "date_created",
  "date_updated",
  "identity",
  "last_read_message_index",
  "last_read_timestamp",
  "messaging_binding",
  "role_sid",
  "sid",
  "url",
].sort();

describe("simulator: Conversation participants", () => {
  it("creates, lists, fetches, updates and deletes a chat participant", async () => {
    const conversation = sid("CH");
    const list = participantsUrl(conversation);
    const created = await call(list, { body: { Identity: "alice" } });
    expect(created.status).toBe(201);
    const p = created.body;
    expect(Object.keys(p).sort()).toEqual(FIELDS);
    expect(p).toMatchObject({
      account_sid: ACCOUNT_SID,
      conversation_sid: conversation,
      identity: "alice",
      attributes: "{}",
      messaging_binding: null,
      role_sid: null,
      last_read_message_index: null,
      last_read_timestamp: null,
    });
    expect(p.sid).toMatch(/^MB[0-9a-f]{32}$/);
    expect(p.date_created).toMatch(ISO_8601);
    expect(p.url).toBe(`${list}/${p.sid}`);

    const listed = await call(list);
    expect(listed.body.participants).toEqual([p]);
    expect(listed.body.meta).toMatchObject({
      key: "participants",
      page: 0,
      page_size: 50,
      previous_page_url: null,
      next_page_url: null,
      first_page_url: `${list}?PageSize=50&Page=0`,
      url: `${list}?PageSize=50&Page=0`,
    });

    expect((await call(p.url)).body).toEqual(p);
    expect((await call(`${list}/alice`)).body).toEqual(p);

    const attributes = '{ "role": "driver" }';
    const roleSid = sid("RL");
    const updated = await call(`${list}/alice`, {
      body: { Attributes: attributes, RoleSid: roleSid, LastReadMessageIndex: "7" },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      sid: p.sid,
      attributes,
      role_sid: roleSid,
      last_read_message_index: 7,
    });
    const cleared = await call(p.url, { body: { LastReadMessageIndex: "null" } });
    expect(cleared.body.last_read_message_index).toBeNull();

    const deleted = await call(`${list}/alice`, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    const gone = await call(p.url);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual(twilioError(404, 20404));
    expect(gone.body.message).toBe(
      `The requested resource /v1/Conversations/${conversation}/Participants/${p.sid} was not found`,
    );
  });

  it("creates an SMS participant with its messaging binding, dates and attributes", async () => {
    const address = phone();
    const proxyAddress = phone();
    const created = await call(participantsUrl(), {
      body: {
        "MessagingBinding.Address": address,
        "MessagingBinding.ProxyAddress": proxyAddress,
        Attributes: '{"vip": true}',
        DateCreated: "2015-12-16T22:18:37Z",
        DateUpdated: "2015-12-16T22:18:38Z",
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.identity).toBeNull();
    expect(created.body.messaging_binding).toEqual({
      type: "sms",
      address,
      proxy_address: proxyAddress,
    });
    expect(created.body.attributes).toBe('{"vip": true}');
    expect(created.body.date_created).toBe("2015-12-16T22:18:37Z");
    expect(created.body.date_updated).toBe("2015-12-16T22:18:38Z");
  });

  it("types a binding by its address prefix and keeps a projected address", async () => {
    const whatsapp = await call(participantsUrl(), {
      body: {
        "MessagingBinding.Address": `whatsapp:${phone()}`,
        "MessagingBinding.ProxyAddress": `whatsapp:${phone()}`,
      },
    });
    expect(whatsapp.body.messaging_binding.type).toBe("whatsapp");
    const projected = phone();
    const gmms = await call(participantsUrl(), {
      body: { Identity: "bob", "MessagingBinding.ProjectedAddress": projected },
    });
    expect(gmms.body.messaging_binding).toEqual({ type: "sms", projected_address: projected });
  });

  it("refuses a second participant with the same identity (409, 50433)", async () => {
    const list = participantsUrl();
    await call(list, { body: { Identity: "carol" } });
    const again = await call(list, { body: { Identity: "carol" } });
    expect(again.status).toBe(409);
    expect(again.body).toEqual(twilioError(409, 50433, "Participant already exists"));
  });

  it("refuses an address pair already bound, in this conversation or another (409, 50416)", async () => {
    const conversation = sid("CH");
    const binding = {
      "MessagingBinding.Address": phone(),
      "MessagingBinding.ProxyAddress": phone(),
    };
    const first = await call(participantsUrl(conversation), { body: binding });
    expect(first.status).toBe(201);

    const same = await call(participantsUrl(conversation), { body: binding });
    expect(same.status).toBe(409);
    expect(same.body).toEqual(
      twilioError(
        409,
        50416,
        `A binding for this participant and proxy address already exists in Conversation ${conversation}`,
      ),
    );
    const elsewhere = await call(participantsUrl(), { body: binding });
    expect(elsewhere.body.code).toBe(50416);

    await call(first.body.url, { method: "DELETE" });
    expect((await call(participantsUrl(), { body: binding })).status).toBe(201);
  });

  it("validates identity and address combinations", async () => {
    const both = await call(participantsUrl(), {
      body: { Identity: "dave", "MessagingBinding.Address": phone() },
    });
    expect(both.status).toBe(400);
    expect(both.body.code).toBe(50211);

    const same = phone();
    const equal = await call(participantsUrl(), {
      body: { "MessagingBinding.Address": same, "MessagingBinding.ProxyAddress": same },
    });
    expect(equal.body.code).toBe(50409);

    const empty = await call(participantsUrl(), { body: { "MessagingBinding.Address": "" } });
    expect(empty.body.code).toBe(50411);

    const neither = await call(participantsUrl(), { body: { Attributes: "{}" } });
    expect(neither.status).toBe(400);
    expect(neither.body.code).toBe(20001);
  });

  it("rejects malformed JSON attributes and a malformed role SID", async () => {
    const created = await call(participantsUrl(), {
      body: { Identity: "erin", Attributes: "{not json" },
    });
    expect(created.status).toBe(400);
    expect(created.body).toEqual(twilioError(400, 20001));
    expect(created.body.message).toContain("Attributes");

    const ok = await call(participantsUrl(), { body: { Identity: "erin" } });
    const updated = await call(ok.body.url, { body: { Attributes: "nope" } });
    expect(updated.status).toBe(400);
    expect((await call(ok.body.url)).body.attributes).toBe("{}");

    const role = await call(participantsUrl(), { body: { Identity: "frank", RoleSid: "RL1" } });
    expect(role.status).toBe(400);
  });

  it("updates the proxy address of an SMS participant only", async () => {
    const sms = await call(participantsUrl(), {
      body: { "MessagingBinding.Address": phone(), "MessagingBinding.ProxyAddress": phone() },
    });
    const newProxy = phone();
    const moved = await call(sms.body.url, { body: { "MessagingBinding.ProxyAddress": newProxy } });
    expect(moved.status).toBe(200);
    expect(moved.body.messaging_binding.proxy_address).toBe(newProxy);

    const chat = await call(participantsUrl(), { body: { Identity: "gina" } });
    const refused = await call(chat.body.url, {
      body: { "MessagingBinding.ProxyAddress": phone() },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(50441);
  });

  it("addresses a conversation by unique name as well as by SID", async () => {
    const byName = await call(participantsUrl("support-line"), { body: { Identity: "hank" } });
    expect(byName.status).toBe(201);
    const chSid = byName.body.conversation_sid;
    expect(chSid).toMatch(/^CH[0-9a-f]{32}$/);
    const bySid = await call(participantsUrl(chSid));
    expect(bySid.body.participants.map((p: { sid: string }) => p.sid)).toEqual([byName.body.sid]);
    const again = await call(participantsUrl("support-line"), { body: { Identity: "ivy" } });
    expect(again.body.conversation_sid).toBe(chSid);
  });

  it("serves the same API under a Conversation Service", async () => {
    const service = sid("IS");
    const conversation = sid("CH");
    const list = `${simulator.baseUrls.conversations}/v1/Services/${service}/Conversations/${conversation}/Participants`;
    const created = await call(list, { body: { Identity: "jane" } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual([...FIELDS, "chat_service_sid"].sort());
    expect(created.body.chat_service_sid).toBe(service);
    expect(created.body.url).toBe(`${list}/${created.body.sid}`);
    expect((await call(`${list}/jane`)).body.sid).toBe(created.body.sid);

    // The default service is a different one: the same CH SID there is another conversation.
    expect((await call(participantsUrl(conversation))).body.participants).toEqual([]);

    expect((await call(`${list}/jane`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`${list}/jane`)).status).toBe(404);

    const badService = await call(
      `${simulator.baseUrls.conversations}/v1/Services/IS1/Conversations/${conversation}/Participants`,
    );
    expect(badService.status).toBe(404);
  });

  it("validates the X-Twilio-Webhook-Enabled header", async () => {
    const reply = await call(participantsUrl(), {
      body: { Identity: "kate" },
      headers: { "X-Twilio-Webhook-Enabled": "maybe" },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe(20001);
    const ok = await call(participantsUrl(), {
      body: { Identity: "kate" },
      headers: { "X-Twilio-Webhook-Enabled": "true" },
    });
    expect(ok.status).toBe(201);
  });
});
