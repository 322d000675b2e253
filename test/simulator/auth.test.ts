import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATOR_AUTH_TOKEN } from "../../src/simulator/defaults.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/server.js";
import { ACCOUNT_SID, basicAuth, call, sid } from "./helpers.js";

const AUTHENTICATE = {
  code: 20003,
  message: "Authenticate",
  more_info: "https://www.twilio.com/docs/errors/20003",
  status: 401,
};

const OTHER_ACCOUNT = sid("AC");
const API_KEY = sid("SK");
const API_SECRET = "an-api-key-secret";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({
    credentials: [
      { username: ACCOUNT_SID, password: SIMULATOR_AUTH_TOKEN, accountSid: ACCOUNT_SID },
      { username: API_KEY, password: API_SECRET, accountSid: ACCOUNT_SID },
      { username: OTHER_ACCOUNT, password: "other-token", accountSid: OTHER_ACCOUNT },
    ],
  });
});
afterAll(() => simulator.close());

function conversationUrl(): string {
  return `${simulator.baseUrls.conversations}/v1/Conversations/${sid("CH")}/Participants`;
}

describe("simulator authentication", () => {
  it("answers 401 with Twilio's 20003 body without credentials, on every product", async () => {
    const urls = [
      conversationUrl(),
      `${simulator.baseUrls.proxy}/v1/Services/${sid("KS")}/Sessions/${sid("KC")}/Participants`,
      `${simulator.baseUrls.flex}/v1/Interactions/${sid("KD")}/Channels/${sid("UO")}/Participants`,
      `${simulator.baseUrls.api}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${sid("CF")}/Participants.json`,
    ];
    for (const url of urls) {
      const reply = await call(url, { auth: null });
      expect(reply.status, url).toBe(401);
      expect(reply.body, url).toEqual(AUTHENTICATE);
      expect(reply.headers.get("www-authenticate")).toMatch(/^Basic /);
    }
  });

  it("refuses a wrong token, an unknown user and a malformed header", async () => {
    for (const auth of [
      basicAuth(ACCOUNT_SID, "wrong"),
      basicAuth(ACCOUNT_SID, `${SIMULATOR_AUTH_TOKEN}x`),
      basicAuth(sid("AC"), SIMULATOR_AUTH_TOKEN),
      `Bearer ${SIMULATOR_AUTH_TOKEN}`,
      "Basic !!!",
      "Basic",
    ]) {
      const reply = await call(conversationUrl(), { auth });
      expect(reply.status, auth).toBe(401);
      expect(reply.body).toEqual(AUTHENTICATE);
    }
  });

  it("accepts an API key for the account it belongs to", async () => {
    const list = conversationUrl();
    const apiKey = basicAuth(API_KEY, API_SECRET);
    const created = await call(list, { body: { Identity: "alice" }, auth: apiKey });
    expect(created.status).toBe(201);
    expect(created.body.account_sid).toBe(ACCOUNT_SID);
    const listed = await call(list);
    expect(listed.body.participants.map((p: { sid: string }) => p.sid)).toEqual([created.body.sid]);
  });

  it("keeps accounts apart", async () => {
    const list = conversationUrl();
    await call(list, { body: { Identity: "alice" } });
    const other = basicAuth(OTHER_ACCOUNT, "other-token");
    expect((await call(list, { auth: other })).body.participants).toEqual([]);

    const conference = `${simulator.baseUrls.api}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${sid("CF")}/Participants.json`;
    const foreign = await call(conference, { auth: other });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe(20404);
  });
});
