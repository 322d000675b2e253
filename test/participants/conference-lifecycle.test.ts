import { describe, expect, it } from "vitest";
import { FakeTwilio, twilioError, twilioErrorDetails } from "../support/fake-twilio.js";
import { ACCOUNT_SID, useGatewayOnFakeTwilio } from "../support/gateway.js";

const CF = "CF" + "a".repeat(32);
const CA = (n: number) => "CA" + n.toString(16).padStart(32, "0");
const BASE = `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CF}/Participants`;

function participant(callSid: string, extra: Record<string, unknown> = {}) {
  return {
    account_sid: ACCOUNT_SID,
    call_sid: callSid,
    conference_sid: CF,
    label: null,
    muted: false,
    hold: false,
    status: "connected",
    date_created: "Sat, 19 Feb 2011 21:07:19 +0000",
    date_updated: "Sat, 19 Feb 2011 21:07:19 +0000",
    uri: `${BASE}/${callSid}.json`,
    ...extra,
  };
}

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake);

describe("conference participant lifecycle on the wire", () => {
  it("updates with every parameter in Twilio's order", async () => {
    fake.reply({ status: 200, body: participant(CA(1), { muted: true, hold: true }) });
    const result = await gateway.graphql(
      `mutation($input: UpdateConferenceParticipantInput!) {
        updateConferenceParticipant(input: $input) { callSid muted hold }
      }`,
      {
        input: {
          conferenceSid: CF,
          callSid: "agent smith",
          muted: true,
          hold: true,
          holdUrl: "https://example.com/hold music.mp3",
          holdMethod: "GET",
          announceUrl: "https://example.com/announce",
          announceMethod: "POST",
          waitUrl: "https://example.com/wait",
          waitMethod: "GET",
          beepOnExit: false,
          endConferenceOnExit: true,
          coaching: true,
          callSidToCoach: CA(2),
        },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      updateConferenceParticipant: { callSid: CA(1), muted: true, hold: true },
    });
    expect(fake.requests[0]!.method).toBe("POST");
    expect(fake.requests[0]!.url).toBe(`${BASE}/agent%20smith.json`);
    expect(fake.requests[0]!.body).toBe(
      [
        "Muted=true",
        "Hold=true",
        "HoldUrl=https%3A%2F%2Fexample.com%2Fhold%20music.mp3",
        "HoldMethod=GET",
        "AnnounceUrl=https%3A%2F%2Fexample.com%2Fannounce",
        "AnnounceMethod=POST",
        "WaitUrl=https%3A%2F%2Fexample.com%2Fwait",
        "WaitMethod=GET",
        "BeepOnExit=false",
        "EndConferenceOnExit=true",
        "Coaching=true",
        `CallSidToCoach=${CA(2)}`,
      ].join("&"),
    );
  });

  it('sends waitUrl "" as an empty WaitUrl on an update too', async () => {
    fake.reply({ status: 200, body: participant(CA(1)) });
    const result = await gateway.graphql(
      `mutation($input: UpdateConferenceParticipantInput!) { updateConferenceParticipant(input: $input) { callSid } }`,
      { input: { conferenceSid: CF, callSid: CA(1), waitUrl: "", waitMethod: "GET" } },
    );
    expect(result.errors).toBeUndefined();
    expect(fake.requests[0]!.body).toBe("WaitUrl=&WaitMethod=GET");
  });

  it("refuses a participant label that looks like a mistyped call SID, and sends nothing", async () => {
    const result = await gateway.graphql(
      `{ a: conferenceParticipant(conferenceSid: "${CF}", callSid: "CA12") { callSid }
         b: conferenceParticipant(conferenceSid: "${CF}", callSid: "${CF}") { callSid } }`,
    );
    expect(fake.requests).toHaveLength(0);
    expect(result.errors!.map((e) => e.message)).toEqual([
      "callSid: looks like a SID but is not a valid CA SID (CA followed by 32 hex digits)",
      "callSid: looks like a CF SID, not a CA SID (CA followed by 32 hex digits) or participant label",
    ]);
  });

  it("says NOT_FOUND, with Twilio's 404 under extensions.twilio, for an update of a participant that does not exist", async () => {
    fake.reply(twilioError(404, 20404, "The requested resource was not found"));
    const result = await gateway.graphql(
      `mutation($input: UpdateConferenceParticipantInput!) { updateConferenceParticipant(input: $input) { callSid } }`,
      { input: { conferenceSid: CF, callSid: "agent smith", muted: true } },
    );
    expect(result.data).toEqual({ updateConferenceParticipant: null });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: "Conference participant agent smith was not found",
        extensions: {
          code: "NOT_FOUND",
          outcome: "REJECTED",
          twilio: twilioErrorDetails(404, 20404, "The requested resource was not found"),
        },
      }),
    ]);
    expect(fake.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("rejects a bad update before sending anything", async () => {
    const result = await gateway.graphql(
      `mutation($input: UpdateConferenceParticipantInput!) { updateConferenceParticipant(input: $input) { callSid } }`,
      { input: { conferenceSid: "Room 1", callSid: CA(1), holdUrl: "ftp://x", coaching: true } },
    );
    expect(fake.requests).toHaveLength(0);
    expect(result.errors!.map((e) => e.extensions!.field)).toEqual([
      "input.conferenceSid",
      "input.holdUrl",
      "input.callSidToCoach",
    ]);
  });

  it("fetches one participant, and answers null for a missing one", async () => {
    fake.reply(
      { status: 200, body: participant(CA(1)) },
      twilioError(404, 20404, "The requested resource was not found"),
    );
    const query = `query($callSid: String!) { conferenceParticipant(conferenceSid: "${CF}", callSid: $callSid) { sid status } }`;
    const found = await gateway.graphql(query, { callSid: CA(1) });
    const missing = await gateway.graphql(query, { callSid: CA(9) });
    expect(found.data).toEqual({ conferenceParticipant: { sid: CA(1), status: "CONNECTED" } });
    expect(missing).toEqual({ status: 200, data: { conferenceParticipant: null } });
    expect(fake.requests.map((r) => [r.method, r.url])).toEqual([
      ["GET", `${BASE}/${CA(1)}.json`],
      ["GET", `${BASE}/${CA(9)}.json`],
    ]);
  });

  it("fetches the same participant once however often one operation asks for it", async () => {
    fake.setFallback((request) => ({
      status: 200,
      body: participant(request.url.split("/").at(-1)!.replace(".json", "")),
    }));
    const result = await gateway.graphql(`{
      a: conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA(1)}") { sid }
      b: conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA(1)}") { muted }
      c: conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA(2)}") { sid }
    }`);
    fake.setFallback({ status: 500, body: "no answer queued" });
    expect(result.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(2);
  });

  it("keeps one participant's failure to its own field", async () => {
    fake.setFallback((request) =>
      request.url.includes(CA(2))
        ? twilioError(403, 20403, "Forbidden")
        : { status: 200, body: participant(CA(1)) },
    );
    const result = await gateway.graphql(`{
      ok: conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA(1)}") { sid }
      bad: conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA(2)}") { sid }
    }`);
    fake.setFallback({ status: 500, body: "no answer queued" });
    expect(result.data).toEqual({ ok: { sid: CA(1) }, bad: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.path).toEqual(["bad"]);
    expect(result.errors![0]!.extensions!.code).toBe("TWILIO_API_ERROR");
  });

  it("removes a participant, reporting it, and says NOT_FOUND when it is already gone", async () => {
    fake.reply({ status: 200, body: participant(CA(1), { label: "agent" }) }, { status: 204 });
    const remove = `mutation($callSid: String!) {
      removeConferenceParticipant(input: { conferenceSid: "${CF}", callSid: $callSid }) { callSid label }
    }`;
    const removed = await gateway.graphql(remove, { callSid: CA(1) });
    expect(removed.data).toEqual({
      removeConferenceParticipant: { callSid: CA(1), label: "agent" },
    });
    expect(fake.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["GET", `${BASE}/${CA(1)}.json`, ""],
      ["DELETE", `${BASE}/${CA(1)}.json`, ""],
    ]);

    fake.reset();
    fake.reply(twilioError(404, 20404, "The requested resource was not found"));
    const gone = await gateway.graphql(remove, { callSid: CA(1) });
    expect(gone.data).toEqual({ removeConferenceParticipant: null });
    expect(gone.errors![0]!.extensions).toEqual({ code: "NOT_FOUND", outcome: "NOT_SENT" });
    expect(fake.requests.map((r) => r.method)).toEqual(["GET"]);
  });

  it("pages through a filtered list with opaque cursors bound to that list", async () => {
    const page = (sids: string[], next: string | null) => ({
      status: 200,
      body: {
        participants: sids.map((s) => participant(s, { muted: true })),
        next_page_uri: next,
        page: 0,
        page_size: 2,
      },
    });
    fake.reply(
      page([CA(1), CA(2)], `${BASE}.json?Muted=true&PageSize=2&Page=1&PageToken=PA${CA(2)}`),
      page([CA(3)], null),
    );
    const list = `query($after: String) {
      conferenceParticipants(conferenceSid: "${CF}", muted: true, first: 2, after: $after) {
        edges { cursor node { callSid } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    type Page = {
      conferenceParticipants: {
        edges: Array<{ cursor: string; node: { callSid: string } }>;
        pageInfo: {
          hasNextPage: boolean;
          hasPreviousPage: boolean;
          startCursor: string | null;
          endCursor: string;
        };
      };
    };
    const first = await gateway.graphql<Page>(list);
    const firstPage = first.data!.conferenceParticipants;
    expect(firstPage.edges.map((e) => e.node.callSid)).toEqual([CA(1), CA(2)]);
    // Relay's four fields: the first page has nothing before it; the cursors are its edges'.
    expect(firstPage.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: firstPage.edges[0]!.cursor,
      endCursor: firstPage.edges[1]!.cursor,
    });
    const second = await gateway.graphql<Page>(list, { after: firstPage.pageInfo.endCursor });
    const secondPage = second.data!.conferenceParticipants;
    expect(secondPage.edges.map((e) => e.node.callSid)).toEqual([CA(3)]);
    expect(secondPage.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: secondPage.edges[0]!.cursor,
      endCursor: secondPage.edges[0]!.cursor,
    });
    // Past the end: no edges, nothing further, the cursor asked with as endCursor.
    const past = await gateway.graphql<Page>(list, { after: secondPage.pageInfo.endCursor });
    expect(past.data!.conferenceParticipants).toEqual({
      edges: [],
      pageInfo: {
        hasNextPage: false,
        hasPreviousPage: true,
        startCursor: null,
        endCursor: secondPage.pageInfo.endCursor,
      },
    });
    expect(fake.requests.map((r) => r.url)).toEqual([
      `${BASE}.json?Muted=true&PageSize=2&Page=0`,
      `${BASE}.json?Muted=true&PageSize=2&Page=1&PageToken=PA${CA(2)}`,
    ]);

    fake.reset();
    const otherList = await gateway.graphql(
      `query($after: String) { conferenceParticipants(conferenceSid: "${CF}", first: 2, after: $after) { edges { cursor } } }`,
      { after: firstPage.pageInfo.endCursor },
    );
    expect(otherList.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    expect(fake.requests).toHaveLength(0);
  });

  it("resumes from a cursor in the middle of a page", async () => {
    const body = {
      participants: [participant(CA(1)), participant(CA(2)), participant(CA(3))],
      next_page_uri: null,
    };
    fake.reply({ status: 200, body }, { status: 200, body });
    const list = `query($after: String, $first: Int) {
      conferenceParticipants(conferenceSid: "${CF}", first: $first, after: $after) {
        edges { cursor node { callSid } } pageInfo { hasNextPage }
      }
    }`;
    const first = await gateway.graphql<{
      conferenceParticipants: { edges: Array<{ cursor: string }> };
    }>(list, { first: 3 });
    const resumed = await gateway.graphql(list, {
      first: 1,
      after: first.data!.conferenceParticipants.edges[0]!.cursor,
    });
    expect(resumed.data).toMatchObject({
      conferenceParticipants: {
        edges: [{ node: { callSid: CA(2) } }],
        pageInfo: { hasNextPage: true },
      },
    });
    expect(fake.requests[1]!.url).toBe(`${BASE}.json?PageSize=3&Page=0`);
  });

  it("bounds first by the API's page size", async () => {
    const result = await gateway.graphql(
      `{ conferenceParticipants(conferenceSid: "${CF}", first: 1001) { edges { cursor } } }`,
    );
    expect(result.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
    expect(fake.requests).toHaveLength(0);
  });
});
