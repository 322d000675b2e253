import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator/server.js";
import { ACCOUNT_SID, call, RFC_2822, sid, twilioError } from "./helpers.js";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ callProgressStepMs: 10 });
});
afterAll(() => simulator.close());

function participantsUrl(conference: string, account = ACCOUNT_SID): string {
  return `${simulator.baseUrls.api}/2010-04-01/Accounts/${account}/Conferences/${encodeURIComponent(conference)}/Participants.json`;
}

function instanceUrl(conferenceSid: string, callSidOrLabel: string): string {
  return `${simulator.baseUrls.api}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${conferenceSid}/Participants/${encodeURIComponent(callSidOrLabel)}.json`;
}

const DIAL = { From: "+17736774757", To: "+14157663747" };

const FIELDS = [
  "account_sid",
  "call_sid",
  "call_sid_to_coach",
  "coaching",
  "conference_sid",
  "date_created",
  "date_updated",
  "end_conference_on_exit",
  "hold",
  "label",
  "muted",
  "queue_time",
  "start_conference_on_enter",
  "status",
  "uri",
].sort();

describe("simulator: Conference participants", () => {
  it("creates by friendly name, then lists, fetches, updates by label and deletes", async () => {
    const created = await call(participantsUrl("Sales Standup"), {
      body: {
        ...DIAL,
        Label: "customer one",
        StatusCallbackEvent: ["ringing", "answered"],
        Beep: "onEnter",
      },
    });
    expect(created.status).toBe(201);
    const p = created.body;
    expect(Object.keys(p).sort()).toEqual(FIELDS);
    expect(p).toMatchObject({
      account_sid: ACCOUNT_SID,
      label: "customer one",
      status: "queued",
      queue_time: "0",
      muted: false,
      hold: false,
      coaching: false,
      call_sid_to_coach: null,
      start_conference_on_enter: true,
      end_conference_on_exit: false,
    });
    expect(p.call_sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(p.conference_sid).toMatch(/^CF[0-9a-f]{32}$/);
    expect(p.date_created).toMatch(RFC_2822);
    expect(p.uri).toBe(
      `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${p.conference_sid}/Participants/${p.call_sid}.json`,
    );

    // The same friendly name joins the same conference.
    const second = await call(participantsUrl("Sales Standup"), {
      body: { ...DIAL, Muted: "true" },
    });
    expect(second.body.conference_sid).toBe(p.conference_sid);

    // The call is placed, rings and is answered a step apart (conference-callbacks.test.ts).
    while ((await call(`${simulator.baseUrls.api}${p.uri}`)).body.status !== "connected") {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const listed = await call(participantsUrl(p.conference_sid));
    expect(listed.status).toBe(200);
    expect(listed.body.participants.map((x: { call_sid: string }) => x.call_sid)).toEqual([
      p.call_sid,
      second.body.call_sid,
    ]);
    expect(listed.body.participants[0]).toMatchObject({ status: "connected", queue_time: null });

    const fetched = await call(`${simulator.baseUrls.api}${p.uri}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({
      ...p,
      status: "connected",
      queue_time: null,
      date_updated: expect.stringMatching(RFC_2822),
    });
    const byLabel = await call(instanceUrl(p.conference_sid, "customer one"));
    expect(byLabel.body.call_sid).toBe(p.call_sid);

    const muted = await call(instanceUrl(p.conference_sid, "customer one"), {
      body: {
        Muted: "true",
        Hold: "true",
        HoldUrl: "http://www.myapp.com/hold",
        HoldMethod: "GET",
      },
    });
    expect(muted.status).toBe(200);
    expect(muted.body).toMatchObject({ call_sid: p.call_sid, muted: true, hold: true });

    const coach = sid("CA");
    const coaching = await call(instanceUrl(p.conference_sid, p.call_sid), {
      body: { Coaching: "true", CallSidToCoach: coach },
    });
    expect(coaching.body).toMatchObject({ coaching: true, call_sid_to_coach: coach });

    const deleted = await call(instanceUrl(p.conference_sid, p.call_sid), { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    const gone = await call(instanceUrl(p.conference_sid, p.call_sid));
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual(
      twilioError(
        404,
        20404,
        `The requested resource /2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${p.conference_sid}/Participants/${p.call_sid}.json was not found`,
      ),
    );
  });

  it("creates in the conference named by a CF SID", async () => {
    const conference = sid("CF");
    const created = await call(participantsUrl(conference), { body: DIAL });
    expect(created.body.conference_sid).toBe(conference);
  });

  it("filters the list by Muted, Hold and Coaching, and keeps the filter in its URIs", async () => {
    const conference = sid("CF");
    const quiet = (await call(participantsUrl(conference), { body: { ...DIAL, Muted: "true" } }))
      .body;
    await call(participantsUrl(conference), { body: DIAL });
    const coachSid = sid("CA");
    const coach = (
      await call(participantsUrl(conference), { body: { ...DIAL, CallSidToCoach: coachSid } })
    ).body;
    expect(coach).toMatchObject({ coaching: true, call_sid_to_coach: coachSid });

    const mutedOnly = await call(`${participantsUrl(conference)}?Muted=true`);
    expect(mutedOnly.body.participants.map((x: { call_sid: string }) => x.call_sid)).toEqual([
      quiet.call_sid,
    ]);
    expect(mutedOnly.body.uri).toBe(
      `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${conference}/Participants.json?Muted=true&PageSize=50&Page=0`,
    );
    const coaching = await call(`${participantsUrl(conference)}?Coaching=true&Muted=false`);
    expect(coaching.body.participants.map((x: { call_sid: string }) => x.call_sid)).toEqual([
      coach.call_sid,
    ]);
    expect((await call(`${participantsUrl(conference)}?Hold=true`)).body.participants).toEqual([]);
    expect((await call(`${participantsUrl(conference)}?Hold=sometimes`)).status).toBe(400);
  });

  it("requires To and From, with Twilio's voice error codes", async () => {
    const list = participantsUrl(sid("CF"));
    const noTo = await call(list, { body: { From: DIAL.From } });
    expect(noTo.status).toBe(400);
    expect(noTo.body).toEqual(twilioError(400, 21201));
    const noFrom = await call(list, { body: { To: DIAL.To } });
    expect(noFrom.body).toEqual(twilioError(400, 21213));
  });

  it("rejects an invalid To (21211) and From (21212)", async () => {
    const list = participantsUrl(sid("CF"));
    const badTo = await call(list, { body: { ...DIAL, To: "(415) 766-3747" } });
    expect(badTo.status).toBe(400);
    expect(badTo.body).toEqual(
      twilioError(400, 21211, "The 'To' number (415) 766-3747 is not a valid phone number."),
    );
    const badFrom = await call(list, { body: { ...DIAL, From: "client:alice" } });
    expect(badFrom.body).toEqual(
      twilioError(400, 21212, "Invalid From Number (caller ID): client:alice"),
    );
    // An unencoded + in a form body is a space, so the number arrives broken, as it would at Twilio.
    const plus = await call(list, {
      body: `To=+14157663747&From=${encodeURIComponent(DIAL.From)}`,
    });
    expect(plus.body.code).toBe(21211);
  });

  it("accepts the endpoint forms in Twilio's own examples", async () => {
    const list = participantsUrl(sid("CF"));
    for (const [from, to] of [
      ["4405512345678", "4157663747"],
      ["client:alice", "client:bob"],
      ["alice", "sip:bob@twilio.com"],
      [DIAL.From, `app:${sid("AP")}`],
    ] as const) {
      const reply = await call(list, { body: { From: from, To: to } });
      expect(reply.status, `${from} -> ${to}`).toBe(201);
    }
  });

  it("validates enumerated values, event lists, methods and timeouts", async () => {
    const list = participantsUrl(sid("CF"));
    const beep = await call(list, { body: { ...DIAL, Beep: "loud" } });
    expect(beep.status).toBe(400);
    expect(beep.body.code).toBe(20001);
    expect(beep.body.message).toContain("Beep");

    const events = await call(list, {
      body: { ...DIAL, StatusCallbackEvent: ["ringing", "bogus"] },
    });
    expect(events.status).toBe(400);
    expect(events.body.message).toContain("bogus");
    const spaced = await call(list, {
      body: { ...DIAL, StatusCallbackEvent: "initiated ringing answered completed" },
    });
    expect(spaced.status).toBe(201);

    const method = await call(list, { body: { ...DIAL, StatusCallbackMethod: "PUT" } });
    expect(method.body).toEqual(twilioError(400, 21209));
    const timeout = await call(list, { body: { ...DIAL, Timeout: "3" } });
    expect(timeout.body).toEqual(twilioError(400, 21208));

    const coach = await call(list, { body: { ...DIAL, Coaching: "true" } });
    expect(coach.status).toBe(400);
    expect(coach.body.message).toContain("CallSidToCoach");
  });

  it("answers 404 when the path's account is not the caller's", async () => {
    const other = sid("AC");
    const created = await call(participantsUrl("Room", other), { body: DIAL });
    expect(created.status).toBe(404);
    expect(created.body.code).toBe(20404);
    expect((await call(participantsUrl(sid("CF"), other))).status).toBe(404);
  });

  it("lists only by CF SID", async () => {
    const reply = await call(participantsUrl("Sales Standup"));
    expect(reply.status).toBe(404);
  });
});
