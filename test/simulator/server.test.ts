import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator/server.js";
import { ACCOUNT_SID, AUTH, call, sid, twilioError, type Json } from "./helpers.js";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(() => simulator.close());

const DIAL = { From: "+17736774757", To: "+14157663747" };

function conferenceList(base = simulator.baseUrls.api): string {
  return `${base}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${sid("CF")}/Participants.json`;
}

/** node:http, because fetch does not let a caller choose the Host header. */
function rawRequest(options: {
  path: string;
  method?: string;
  host?: string;
  body?: string;
}): Promise<{ status: number; body: Json }> {
  const { port } = new URL(simulator.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: options.path,
        method: options.method ?? "GET",
        headers: {
          Authorization: AUTH,
          ...(options.host === undefined ? {} : { Host: options.host }),
          ...(options.body === undefined
            ? {}
            : { "Content-Type": "application/x-www-form-urlencoded" }),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode!, body: text === "" ? undefined : JSON.parse(text) }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("simulator server", () => {
  it("exposes each product under its Twilio host name", () => {
    expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(simulator.baseUrls).toEqual({
      proxy: `${simulator.url}/proxy.twilio.com`,
      flex: `${simulator.url}/flex-api.twilio.com`,
      conversations: `${simulator.url}/conversations.twilio.com`,
      api: `${simulator.url}/api.twilio.com`,
    });
  });

  it("routes by Host header when it names a Twilio host", async () => {
    const conversation = sid("CH");
    const created = await rawRequest({
      path: `/v1/Conversations/${conversation}/Participants`,
      method: "POST",
      host: "conversations.twilio.com",
      body: "Identity=alice",
    });
    expect(created.status).toBe(201);
    expect(created.body.url).toBe(
      `https://conversations.twilio.com/v1/Conversations/${conversation}/Participants/${created.body.sid}`,
    );
    const viaPath = await call(
      `${simulator.baseUrls.conversations}/v1/Conversations/${conversation}/Participants`,
    );
    expect(viaPath.body.participants.map((p: { sid: string }) => p.sid)).toEqual([
      created.body.sid,
    ]);

    const conference = await rawRequest({
      path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/Room/Participants.json`,
      method: "POST",
      host: "api.twilio.com:443",
      body: new URLSearchParams(DIAL).toString(),
    });
    expect(conference.status).toBe(201);
  });

  it("accepts a request target in absolute form, as an HTTP proxy sends it", async () => {
    const reply = await rawRequest({
      path: `http://proxy.twilio.com/v1/Services/${sid("KS")}/Sessions/${sid("KC")}/Participants`,
      host: "proxy.twilio.com",
    });
    expect(reply.status).toBe(200);
    expect(reply.body.participants).toEqual([]);
  });

  it("answers unknown paths with Twilio's 404 body", async () => {
    for (const path of [
      "/",
      "/nope",
      "/api.twilio.com/2010-04-01/Accounts.json",
      "/proxy.twilio.com/v2/Services",
    ]) {
      const reply = await call(`${simulator.url}${path}`);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).toEqual(twilioError(404, 20404));
    }
  });

  it("answers a known path with the wrong method with 405", async () => {
    const reply = await call(conferenceList(), { method: "PUT", body: DIAL });
    expect(reply.status).toBe(405);
    expect(reply.body).toEqual(twilioError(405, 20004));
  });

  it("survives malformed percent-encoding in the body and in the path", async () => {
    const body = await call(conferenceList(), { body: "To=%ZZ&From=%2B1" });
    expect(body.status).toBe(400);
    expect(body.body).toEqual(twilioError(400, 20001));
    const path = await call(
      `${simulator.baseUrls.api}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/%E0%A4%A/Participants.json`,
    );
    expect(path.status).toBe(404);
    expect((await call(conferenceList())).status).toBe(200);
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const reply = await call(conferenceList(), { body: `Label=${"x".repeat(1024 * 1024 + 1)}` });
    expect(reply.status).toBe(413);
    expect(reply.body).toEqual(twilioError(413, 20001));
    const fine = await call(conferenceList(), { body: { ...DIAL, Label: "y".repeat(1000) } });
    expect(fine.status).toBe(201);
  });

  it("stops reading a chunked body once it passes 1 MiB", async () => {
    const { port } = new URL(simulator.url);
    const path = new URL(conferenceList()).pathname;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, path, method: "POST", headers: { Authorization: AUTH } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on("error", reject);
      const chunk = "x".repeat(256 * 1024);
      req.write("Label=");
      for (let i = 0; i < 5; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
    expect((await call(conferenceList())).status).toBe(200);
  });

  it("reads only form bodies, as Twilio does", async () => {
    const reply = await call(conferenceList(), {
      body: JSON.stringify(DIAL),
      headers: { "Content-Type": "application/json" },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe(21201);
  });

  it("counts requests", async () => {
    const before = simulator.requestCount();
    await call(conferenceList());
    await call(`${simulator.url}/nope`);
    expect(simulator.requestCount()).toBe(before + 2);
  });
});

describe("simulator realism knobs", () => {
  let extra: RunningSimulator | undefined;
  afterEach(async () => {
    await extra?.close();
    extra = undefined;
  });

  it("delays every response by latencyMs", async () => {
    extra = await startSimulator({ latencyMs: 150 });
    const started = performance.now();
    const reply = await call(conferenceList(extra.baseUrls.api));
    expect(reply.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const unauthenticated = performance.now();
    await call(conferenceList(extra.baseUrls.api), { auth: null });
    expect(performance.now() - unauthenticated).toBeGreaterThanOrEqual(140);
  });

  it("fails requests with 429 and Retry-After before processing them", async () => {
    extra = await startSimulator({ failureRate: 1, failureStatuses: [429], retryAfterSeconds: 7 });
    const list = conferenceList(extra.baseUrls.api);
    const reply = await call(list, { body: DIAL });
    expect(reply.status).toBe(429);
    expect(reply.headers.get("retry-after")).toBe("7");
    expect(reply.body).toEqual(twilioError(429, 20429, "Too Many Requests"));
    expect(extra.requestCount()).toBe(1);
  });

  it("fails with 500 and 503 bodies when asked to", async () => {
    extra = await startSimulator({ failureRate: 1, failureStatuses: [500] });
    const internal = await call(conferenceList(extra.baseUrls.api));
    expect(internal.body).toEqual(twilioError(500, 20500));
    expect(internal.headers.get("retry-after")).toBeNull();
    await extra.close();
    extra = await startSimulator({ failureRate: 1, failureStatuses: [503] });
    expect((await call(conferenceList(extra.baseUrls.api))).body).toEqual(twilioError(503, 20503));
  });

  it("fails about the requested fraction of requests, and leaves failed creates unapplied", async () => {
    extra = await startSimulator({ failureRate: 0.5, failureStatuses: [429] });
    const conference = sid("CF");
    const list = `${extra.baseUrls.api}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${conference}/Participants.json`;
    let created = 0;
    for (let i = 0; i < 200; i++) {
      const reply = await call(list, { body: DIAL });
      if (reply.status === 201) created++;
      else expect(reply.status).toBe(429);
    }
    expect(created).toBeGreaterThan(60);
    expect(created).toBeLessThan(140);
    let listed: Json;
    do listed = await call(`${list}?PageSize=1000`);
    while (listed.status === 429);
    expect(listed.body.participants).toHaveLength(created);
  });

  it("rejects impossible options", async () => {
    await expect(startSimulator({ failureRate: 1.5 })).rejects.toThrow(RangeError);
    await expect(startSimulator({ failureStatuses: [404] })).rejects.toThrow(RangeError);
    await expect(startSimulator({ latencyMs: -1 })).rejects.toThrow(RangeError);
    await expect(
      startSimulator({
        credentials: [{ username: "x", password: "y", accountSid: "not-an-account" }],
      }),
    ).rejects.toThrow(RangeError);
  });

  it("stops listening on close", async () => {
    extra = await startSimulator();
    const url = conferenceList(extra.baseUrls.api);
    expect((await call(url)).status).toBe(200);
    await extra.close();
    extra = undefined;
    await expect(call(url)).rejects.toThrow();
  });
});
