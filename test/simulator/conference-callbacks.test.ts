import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATOR_AUTH_TOKEN } from "../../src/simulator/defaults.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/server.js";
import { CallbackReceiver, type ReceivedCallback } from "./callback-receiver.js";
import { ACCOUNT_SID, call, RFC_2822, sid, type Json } from "./helpers.js";

const STEP_MS = 20;
const FROM = "+17736774757";
const TO = "+14157663747";

let simulator: RunningSimulator;
let receiver: CallbackReceiver;
beforeAll(async () => {
  receiver = await CallbackReceiver.start();
  simulator = await startSimulator({ callProgressStepMs: STEP_MS, callbackRetryDelayMs: 10 });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

let pathSeed = 0;
/** A receiver path of its own for each use, so tests never see each other's callbacks. */
function newPath(name: string): string {
  return `/t${++pathSeed}/${name}`;
}

function participantsUrl(conference: string): string {
  return `${simulator.baseUrls.api}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${encodeURIComponent(conference)}/Participants.json`;
}

function instanceUrl(conferenceSid: string, callSid: string): string {
  return `${simulator.baseUrls.api}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${conferenceSid}/Participants/${callSid}.json`;
}

async function add(
  conference: string,
  body: Record<string, string | readonly string[]> = {},
): Promise<Json> {
  const created = await call(participantsUrl(conference), {
    body: { From: FROM, To: TO, ...body },
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function waitForStatus(p: Json, status: string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const fetched = await call(instanceUrl(p.conference_sid, p.call_sid));
    if (fetched.body?.status === status) return;
    if (Date.now() > deadline) throw new Error(`${p.call_sid} never became ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Callbacks in the order the simulator fired them. */
function bySequence(callbacks: ReceivedCallback[]): ReceivedCallback[] {
  return [...callbacks].sort(
    (a, b) => Number(a.params.SequenceNumber) - Number(b.params.SequenceNumber),
  );
}

function expectSignedByTwilio(callback: ReceivedCallback): void {
  const signature = callback.headers["x-twilio-signature"];
  expect(typeof signature).toBe("string");
  const params = callback.method === "POST" ? callback.params : {};
  expect(
    twilio.validateRequest(SIMULATOR_AUTH_TOKEN, signature as string, callback.url, params),
  ).toBe(true);
}

function callProgress(p: Json, status: string, sequence: number): Json {
  return {
    AccountSid: ACCOUNT_SID,
    ApiVersion: "2010-04-01",
    CallSid: p.call_sid,
    CallStatus: status,
    Called: TO,
    Caller: FROM,
    Direction: "outbound-api",
    From: FROM,
    To: TO,
    Timestamp: expect.stringMatching(RFC_2822),
    CallbackSource: "call-progress-events",
    SequenceNumber: String(sequence),
  };
}

function conferenceEvent(conference: Json, event: string, sequence: number): Json {
  return {
    ConferenceSid: conference.sid,
    FriendlyName: conference.name,
    AccountSid: ACCOUNT_SID,
    SequenceNumber: String(sequence),
    Timestamp: expect.stringMatching(RFC_2822),
    StatusCallbackEvent: event,
  };
}

function participantFields(p: Json, changes: Record<string, string> = {}): Json {
  return {
    CallSid: p.call_sid,
    Muted: String(p.muted),
    Hold: String(p.hold),
    Coaching: String(p.coaching),
    EndConferenceOnExit: String(p.end_conference_on_exit),
    StartConferenceOnEnter: String(p.start_conference_on_enter),
    ...(p.label === null ? {} : { ParticipantLabel: p.label }),
    ...changes,
  };
}

describe("simulator: a conference participant's call progress", () => {
  it("is queued, connecting, ringing, then connected, as fetch and list report it", async () => {
    const slow = await startSimulator({ callProgressStepMs: 300 });
    try {
      const url = `${slow.baseUrls.api}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${sid("CF")}/Participants.json`;
      const created = (await call(url, { body: { From: FROM, To: TO } })).body;
      expect(created).toMatchObject({ status: "queued", queue_time: "0" });
      const seen: string[] = [];
      const fetchUrl = `${slow.baseUrls.api}${created.uri}`;
      while (seen.at(-1) !== "connected") {
        const { status } = (await call(fetchUrl)).body;
        if (seen.at(-1) !== status) seen.push(status);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(seen).toEqual(["queued", "connecting", "ringing", "connected"]);
      const listed = (
        await call(url.replace(/Conferences\/[^/]+/, `Conferences/${created.conference_sid}`))
      ).body;
      expect(listed.participants[0]).toMatchObject({ status: "connected", queue_time: null });
    } finally {
      await slow.close();
    }
  });

  it("calls back for each event asked for, exactly as Twilio, and completes when removed", async () => {
    const path = newPath("call");
    const p = await add(sid("CF"), {
      StatusCallback: receiver.url(path),
      StatusCallbackEvent: ["initiated ringing", "answered", "completed"],
    });
    const progress = bySequence(await receiver.waitFor(path, 3));
    expect(progress.map((c) => c.params)).toEqual([
      callProgress(p, "initiated", 0),
      callProgress(p, "ringing", 1),
      callProgress(p, "in-progress", 2),
    ]);
    await waitForStatus(p, "connected");

    expect(
      (await call(instanceUrl(p.conference_sid, p.call_sid), { method: "DELETE" })).status,
    ).toBe(204);
    const [, , , completed] = bySequence(await receiver.waitFor(path, 4));
    expect(completed!.params).toEqual({
      ...callProgress(p, "completed", 3),
      CallDuration: expect.stringMatching(/^\d+$/),
      Duration: "1",
      SipResponseCode: "200",
    });
    for (const callback of receiver.at(path)) {
      expect(callback.method).toBe("POST");
      expect(callback.headers).toMatchObject({
        "content-type": "application/x-www-form-urlencoded",
        "user-agent": "TwilioProxy/1.1",
        "i-twilio-idempotency-token": expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      // Twilio's encoding: a space is +, a plus sign %2B.
      expect(callback.body).toContain(`From=${encodeURIComponent(FROM)}`);
      expect(callback.body).toMatch(/Timestamp=[A-Z][a-z]{2}%2C\+\d{2}\+/);
      expectSignedByTwilio(callback);
    }
    const tokens = new Set(receiver.at(path).map((c) => c.headers["i-twilio-idempotency-token"]));
    expect(tokens.size).toBe(4);
    expect((await call(instanceUrl(p.conference_sid, p.call_sid))).status).toBe(404);
  });

  it("sends only the completed callback when no event is named, and nothing without a URL", async () => {
    const path = newPath("call");
    const p = await add(sid("CF"), { StatusCallback: receiver.url(path) });
    const silent = await add(sid("CF"), { StatusCallbackEvent: "initiated" });
    await waitForStatus(p, "connected");
    await waitForStatus(silent, "connected");
    expect(receiver.at(path)).toEqual([]);
    await call(instanceUrl(p.conference_sid, p.call_sid), { method: "DELETE" });
    const [completed] = await receiver.waitFor(path, 1);
    expect(completed!.params).toMatchObject({ CallStatus: "completed", SequenceNumber: "0" });
  });

  it("puts the parameters in the query string with StatusCallbackMethod=GET, signed over that URL", async () => {
    const path = newPath("call");
    const p = await add(sid("CF"), {
      StatusCallback: `${receiver.url(path)}?tenant=acme`,
      StatusCallbackMethod: "get",
      StatusCallbackEvent: "ringing",
    });
    const [ringing] = await receiver.waitFor(path, 1);
    expect(ringing!.method).toBe("GET");
    expect(ringing!.body).toBe("");
    expect(ringing!.headers["content-type"]).toBeUndefined();
    expect(ringing!.pairs[0]).toEqual(["tenant", "acme"]);
    expect(ringing!.params).toEqual({ tenant: "acme", ...callProgress(p, "ringing", 0) });
    expectSignedByTwilio(ringing!);
  });

  it.each([
    ["+15005550486", ["initiated", "ringing", "busy"], "486"],
    ["+15005550487", ["initiated", "ringing", "no-answer"], "487"],
    ["+15005550404", ["initiated", "failed"], "404"],
  ])("dialling %s ends as %j and the participant is gone", async (to, statuses, sipCode) => {
    const callPath = newPath("call");
    const conferencePath = newPath("conference");
    const p = await add(sid("CF"), {
      To: to,
      StatusCallback: receiver.url(callPath),
      StatusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
      ConferenceStatusCallback: receiver.url(conferencePath),
      ConferenceStatusCallbackEvent: ["join", "leave"],
    });
    const progress = bySequence(await receiver.waitFor(callPath, statuses.length));
    expect(progress.map((c) => c.params.CallStatus)).toEqual(statuses);
    expect(progress.at(-1)!.params).toEqual({
      ...callProgress({ ...p }, statuses.at(-1)!, statuses.length - 1),
      To: to,
      Called: to,
      CallDuration: "0",
      SipResponseCode: sipCode,
    });
    const [left] = await receiver.waitFor(conferencePath, 1);
    expect(left!.params).toMatchObject({
      StatusCallbackEvent: "participant-leave",
      CallSid: p.call_sid,
      ParticipantCallStatus: statuses.at(-1),
      ReasonParticipantLeft: "participant_add_failed",
    });
    expect((await call(instanceUrl(p.conference_sid, p.call_sid))).status).toBe(404);
    expect((await call(participantsUrl(p.conference_sid))).body.participants).toEqual([]);
  });

  it("cancels a ringing call when removed, and one still queued without any call callback", async () => {
    const ringingPath = newPath("call");
    const queuedPath = newPath("call");
    const conferencePath = newPath("conference");
    const conference = sid("CF");
    // Someone stays, so that the conference outlives the removals.
    await add(conference, {
      ConferenceStatusCallback: receiver.url(conferencePath),
      ConferenceStatusCallbackEvent: "leave",
    });
    const ringing = await add(conference, {
      StatusCallback: receiver.url(ringingPath),
      StatusCallbackEvent: ["ringing", "completed"],
    });
    await receiver.waitFor(ringingPath, 1);
    await call(instanceUrl(conference, ringing.call_sid), { method: "DELETE" });
    const [, canceled] = bySequence(await receiver.waitFor(ringingPath, 2));
    expect(canceled!.params).toMatchObject({
      CallStatus: "canceled",
      CallDuration: "0",
      SipResponseCode: "487",
    });
    expect(canceled!.params.Duration).toBeUndefined();

    const queued = await add(conference, {
      StatusCallback: receiver.url(queuedPath),
      StatusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
    });
    await call(instanceUrl(conference, queued.call_sid), { method: "DELETE" });
    const leaves = await receiver.waitFor(conferencePath, 2);
    expect(
      leaves.map((c) => [
        c.params.CallSid,
        c.params.ParticipantCallStatus,
        c.params.ReasonParticipantLeft,
      ]),
    ).toEqual([
      [ringing.call_sid, "canceled", "participant_updated_via_api"],
      [queued.call_sid, "canceled", "participant_updated_via_api"],
    ]);
    await new Promise((resolve) => setTimeout(resolve, STEP_MS * 5));
    expect(receiver.at(queuedPath)).toEqual([]);
  });
});

describe("simulator: conference status callbacks", () => {
  it("reports joins, the start, mute/hold/modify changes, leaves and the end, in sequence", async () => {
    const path = newPath("conference");
    const name = `Standup ${pathSeed}`;
    const agent = await add(name, {
      Label: "agent",
      ConferenceStatusCallback: receiver.url(path),
      ConferenceStatusCallbackEvent: "start end join leave mute hold modify",
    });
    const customer = await add(name, { Muted: "true" });
    const conference = { sid: agent.conference_sid, name };
    const joined = bySequence(await receiver.waitFor(path, 3));
    expect(joined.map((c) => c.params.StatusCallbackEvent)).toEqual([
      "participant-join",
      "participant-join",
      "conference-start",
    ]);
    const [first, second] =
      joined[0]!.params.CallSid === agent.call_sid ? [agent, customer] : [customer, agent];
    expect(joined.map((c) => c.params)).toEqual([
      { ...conferenceEvent(conference, "participant-join", 1), ...participantFields(first) },
      { ...conferenceEvent(conference, "participant-join", 2), ...participantFields(second) },
      conferenceEvent(conference, "conference-start", 3),
    ]);
    await waitForStatus(customer, "connected");

    const update = (body: Record<string, string>) =>
      call(instanceUrl(conference.sid, customer.call_sid), { body });
    await update({ Muted: "false" });
    await update({ Hold: "true", HoldUrl: "http://example.com/hold" });
    await update({ Muted: "false", Hold: "true" }); // no change, no event
    await update({ Hold: "false", Muted: "true" });
    await update({ EndConferenceOnExit: "true" });
    const changes = bySequence(await receiver.waitFor(path, 8)).slice(3);
    expect(changes.map((c) => c.params)).toEqual([
      {
        ...conferenceEvent(conference, "participant-unmute", 4),
        ...participantFields(customer, { Muted: "false" }),
      },
      {
        ...conferenceEvent(conference, "participant-hold", 5),
        ...participantFields(customer, { Muted: "false", Hold: "true" }),
      },
      {
        ...conferenceEvent(conference, "participant-mute", 6),
        ...participantFields(customer, { Muted: "true" }),
      },
      {
        ...conferenceEvent(conference, "participant-unhold", 7),
        ...participantFields(customer, { Muted: "true" }),
      },
      {
        ...conferenceEvent(conference, "participant-modify", 8),
        ...participantFields(customer, { Muted: "true", EndConferenceOnExit: "true" }),
      },
    ]);

    await call(instanceUrl(conference.sid, "agent"), { method: "DELETE" });
    await call(instanceUrl(conference.sid, customer.call_sid), { method: "DELETE" });
    const ending = bySequence(await receiver.waitFor(path, 11)).slice(8);
    expect(ending.map((c) => c.params)).toEqual([
      {
        ...conferenceEvent(conference, "participant-leave", 9),
        ...participantFields(agent),
        ParticipantCallStatus: "completed",
        ReasonParticipantLeft: "participant_updated_via_api",
      },
      {
        ...conferenceEvent(conference, "participant-leave", 10),
        ...participantFields(customer, { Muted: "true", EndConferenceOnExit: "true" }),
        ParticipantCallStatus: "completed",
        ReasonParticipantLeft: "participant_updated_via_api",
      },
      {
        ...conferenceEvent(conference, "conference-end", 11),
        CallSidEndingConference: customer.call_sid,
        ReasonConferenceEnded: "participant-with-end-conference-on-exit-kicked",
        Reason: `Participant ${customer.call_sid} with endConferenceOnExit was removed from the conference`,
      },
    ]);
    for (const callback of receiver.at(path)) expectSignedByTwilio(callback);

    // The conference is over: its name now starts another one.
    const again = await add(name);
    expect(again.conference_sid).not.toBe(conference.sid);
  });

  it("reports no change of a participant not yet in the conference; its join shows it", async () => {
    // Slow steps, so that the update surely lands while the call is still on its way.
    const slow = await startSimulator({ callProgressStepMs: 150 });
    try {
      const path = newPath("conference");
      const list = `${slow.baseUrls.api}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${sid("CF")}/Participants.json`;
      const p = (
        await call(list, {
          body: {
            From: FROM,
            To: TO,
            ConferenceStatusCallback: receiver.url(path),
            ConferenceStatusCallbackEvent: "join mute hold modify",
          },
        })
      ).body;
      await call(`${slow.baseUrls.api}${p.uri}`, {
        body: { Muted: "true", Hold: "true", EndConferenceOnExit: "true" },
      });
      const [join] = await receiver.waitFor(path, 1);
      expect(join!.params).toMatchObject({
        StatusCallbackEvent: "participant-join",
        SequenceNumber: "1",
        Muted: "true",
        Hold: "true",
        EndConferenceOnExit: "true",
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(receiver.at(path)).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it("keeps the callback of the first participant only", async () => {
    const first = newPath("first");
    const second = newPath("second");
    const conference = sid("CF");
    const a = await add(conference, {
      ConferenceStatusCallback: receiver.url(first),
      ConferenceStatusCallbackEvent: "join",
    });
    const b = await add(conference, {
      ConferenceStatusCallback: receiver.url(second),
      ConferenceStatusCallbackMethod: "GET",
      ConferenceStatusCallbackEvent: ["join", "leave", "start"],
    });
    const joins = await receiver.waitFor(first, 2);
    expect(new Set(joins.map((c) => c.params.CallSid))).toEqual(new Set([a.call_sid, b.call_sid]));
    expect(joins.every((c) => c.method === "POST")).toBe(true);
    await call(instanceUrl(conference, b.call_sid), { method: "DELETE" });
    await new Promise((resolve) => setTimeout(resolve, STEP_MS * 5));
    // No start and no leave: the first participant asked for joins only.
    expect(receiver.at(first)).toHaveLength(2);
    expect(receiver.at(second)).toEqual([]);
  });

  it("sends start and end only by default; a hang-up leaves, and the last one out ends it", async () => {
    const path = newPath("conference");
    const conference = sid("CF");
    const stays = await add(conference, {
      Label: "host",
      ConferenceStatusCallback: receiver.url(path),
    });
    const hangsUp = await add(conference, {
      To: "+15005550200",
      StatusCallback: receiver.url(`${path}/call`),
    });
    const [started] = await receiver.waitFor(path, 1);
    expect(started!.params).toEqual(
      conferenceEvent({ sid: conference, name: conference }, "conference-start", 1),
    );
    const [hungUp] = await receiver.waitFor(`${path}/call`, 1);
    expect(hungUp!.params).toMatchObject({
      CallSid: hangsUp.call_sid,
      CallStatus: "completed",
      Duration: "1",
    });
    expect(
      (await call(participantsUrl(conference))).body.participants.map((x: Json) => x.call_sid),
    ).toEqual([stays.call_sid]);
    await call(instanceUrl(conference, stays.call_sid), { method: "DELETE" });
    const [, ended] = await receiver.waitFor(path, 2);
    expect(ended!.params).toEqual({
      ...conferenceEvent({ sid: conference, name: conference }, "conference-end", 2),
      CallSidEndingConference: stays.call_sid,
      ParticipantLabelEndingConference: "host",
      ReasonConferenceEnded: "last-participant-kicked",
      Reason: `Last participant ${stays.call_sid} was removed from the conference`,
    });
  });

  it("reports a hang-up as participant_hung_up", async () => {
    const path = newPath("conference");
    const p = await add(sid("CF"), {
      To: "+15005550200",
      ConferenceStatusCallback: receiver.url(path),
      ConferenceStatusCallbackEvent: ["join", "leave", "end"],
    });
    const [join, leave] = await receiver.waitFor(path, 2);
    expect(join!.params.StatusCallbackEvent).toBe("participant-join");
    expect(leave!.params).toMatchObject({
      StatusCallbackEvent: "participant-leave",
      CallSid: p.call_sid,
      ParticipantCallStatus: "completed",
      ReasonParticipantLeft: "participant_hung_up",
    });
    // Alone it never started, so it does not end either.
    await new Promise((resolve) => setTimeout(resolve, STEP_MS * 5));
    expect(receiver.at(path)).toHaveLength(2);
  });

  it("ends when a moderator hangs up: everyone else leaves with it", async () => {
    const path = newPath("conference");
    const conference = sid("CF");
    const listener = await add(conference, {
      ConferenceStatusCallback: receiver.url(path),
      ConferenceStatusCallbackEvent: "start end leave",
    });
    await waitForStatus(listener, "connected");
    const moderator = await add(conference, { To: "+15005550200", EndConferenceOnExit: "true" });
    const events = bySequence(await receiver.waitFor(path, 4));
    expect(events.map((c) => c.params)).toEqual([
      conferenceEvent({ sid: conference, name: conference }, "conference-start", 1),
      {
        ...conferenceEvent({ sid: conference, name: conference }, "participant-leave", 2),
        ...participantFields(moderator),
        ParticipantCallStatus: "completed",
        ReasonParticipantLeft: "participant_hung_up",
      },
      {
        ...conferenceEvent({ sid: conference, name: conference }, "participant-leave", 3),
        ...participantFields(listener),
        ParticipantCallStatus: "completed",
        ReasonParticipantLeft: "moderator_ended_conference",
      },
      {
        ...conferenceEvent({ sid: conference, name: conference }, "conference-end", 4),
        CallSidEndingConference: moderator.call_sid,
        ReasonConferenceEnded: "participant-with-end-conference-on-exit-left",
        Reason: `Participant ${moderator.call_sid} with endConferenceOnExit left the conference`,
      },
    ]);
    expect((await call(participantsUrl(conference))).body.participants).toEqual([]);
  });

  it("cancels the calls still on their way when a moderator is removed", async () => {
    // Slow steps, so that the last participant is surely still being dialled.
    const slow = await startSimulator({ callProgressStepMs: 150 });
    try {
      const path = newPath("conference");
      const list = `${slow.baseUrls.api}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${sid("CF")}/Participants.json`;
      const create = async (body: Record<string, string>) =>
        (await call(list, { body: { From: FROM, To: TO, ...body } })).body;
      const moderator = await create({
        EndConferenceOnExit: "true",
        ConferenceStatusCallback: receiver.url(path),
        ConferenceStatusCallbackEvent: "start leave end",
      });
      await create({});
      await receiver.waitFor(path, 1);
      const late = await create({ StatusCallback: receiver.url(`${path}/late`) });
      await call(`${slow.baseUrls.api}${moderator.uri}`, { method: "DELETE" });
      const events = bySequence(await receiver.waitFor(path, 5));
      expect(events.map((c) => c.params.StatusCallbackEvent)).toEqual([
        "conference-start",
        "participant-leave",
        "participant-leave",
        "participant-leave",
        "conference-end",
      ]);
      expect(events[3]!.params).toMatchObject({
        CallSid: late.call_sid,
        ParticipantCallStatus: "canceled",
        ReasonParticipantLeft: "moderator_ended_conference",
      });
      expect(events[4]!.params.ReasonConferenceEnded).toBe(
        "participant-with-end-conference-on-exit-kicked",
      );
    } finally {
      await slow.close();
    }
  });
});
