import twilio from "twilio";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SIMULATOR_AUTH_TOKEN } from "../../src/simulator/defaults.js";
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from "../../src/simulator/server.js";
import { CallbackReceiver, type ReceivedCallback } from "./callback-receiver.js";
import { ACCOUNT_SID, basicAuth, call, sid } from "./helpers.js";

const STEP_MS = 10;

let receiver: CallbackReceiver;
beforeAll(async () => {
  receiver = await CallbackReceiver.start();
});
afterAll(() => receiver.close());

const started: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((simulator) => simulator.close()));
  vi.restoreAllMocks();
});

async function simulatorWith(options: SimulatorOptions): Promise<RunningSimulator> {
  const simulator = await startSimulator({ callProgressStepMs: STEP_MS, ...options });
  started.push(simulator);
  return simulator;
}

let pathSeed = 0;
function newPath(): string {
  return `/delivery/${++pathSeed}`;
}

/** Adds a participant whose call reports `initiated` (one callback) to `callbackUrl`. */
async function dial(
  simulator: RunningSimulator,
  callbackUrl: string,
  options: { account?: string; auth?: string } = {},
): Promise<void> {
  const account = options.account ?? ACCOUNT_SID;
  const created = await call(
    `${simulator.baseUrls.api}/2010-04-01/Accounts/${account}/Conferences/${sid("CF")}/Participants.json`,
    {
      auth: options.auth,
      body: {
        From: "+17736774757",
        To: "+14157663747",
        StatusCallback: callbackUrl,
        StatusCallbackEvent: "initiated",
      },
    },
  );
  expect(created.status).toBe(201);
}

function validFor(token: string, callback: ReceivedCallback): boolean {
  return twilio.validateRequest(
    token,
    callback.headers["x-twilio-signature"] as string,
    callback.url,
    callback.params,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("simulator: callback delivery", () => {
  it("retries a callback answered 500 with the same idempotency token, body and signature", async () => {
    const simulator = await simulatorWith({ callbackRetryDelayMs: 10 });
    const path = newPath();
    receiver.answerNext(500);
    await dial(simulator, receiver.url(path));
    const [first, retry] = await receiver.waitFor(path, 2);
    expect(retry!.headers["i-twilio-idempotency-token"]).toBe(
      first!.headers["i-twilio-idempotency-token"],
    );
    expect(retry!.body).toBe(first!.body);
    expect(retry!.headers["x-twilio-signature"]).toBe(first!.headers["x-twilio-signature"]);
    expect(validFor(SIMULATOR_AUTH_TOKEN, retry!)).toBe(true);
    await sleep(100);
    expect(receiver.at(path)).toHaveLength(2);
  });

  it("retries after a dropped connection and after a receiver that does not answer in time", async () => {
    const simulator = await simulatorWith({ callbackRetryDelayMs: 10, callbackTimeoutMs: 100 });
    const path = newPath();
    receiver.answerNext("drop", "hang");
    await dial(simulator, receiver.url(path));
    const attempts = await receiver.waitFor(path, 3);
    expect(new Set(attempts.map((a) => a.headers["i-twilio-idempotency-token"])).size).toBe(1);
  });

  it("gives up after the configured retries, waiting twice as long before each", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const simulator = await simulatorWith({ callbackRetries: 2, callbackRetryDelayMs: 60 });
    const path = newPath();
    receiver.answerNext(503, 503, 503);
    await dial(simulator, `${receiver.url(path)}?secret=x`);
    const [first, second, third] = await receiver.waitFor(path, 3);
    // Timers never fire early, so the gaps are at least the backoff (60 ms, then 120 ms).
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(55);
    expect(third!.receivedAt - second!.receivedAt).toBeGreaterThanOrEqual(115);
    await sleep(300);
    expect(receiver.at(path)).toHaveLength(3);
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]![0]);
    expect(message).toContain("HTTP 503");
    expect(message).not.toContain("secret");
  });

  it("stops everything on close(): pending call steps and retries", async () => {
    const stepping = await startSimulator({ callProgressStepMs: 50 });
    const pending = newPath();
    await dial(stepping, receiver.url(pending));
    await stepping.close();

    const retrying = await startSimulator({
      callProgressStepMs: STEP_MS,
      callbackRetryDelayMs: 150,
    });
    const retried = newPath();
    receiver.answerNext(500);
    await dial(retrying, receiver.url(retried));
    await receiver.waitFor(retried, 1);
    await retrying.close();

    await sleep(400);
    expect(receiver.at(pending)).toEqual([]);
    expect(receiver.at(retried)).toHaveLength(1);
  });

  it("keeps no timer that holds the process open", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const simulator = await simulatorWith({ callProgressStepMs: 5000, callbackRetryDelayMs: 5000 });
    await dial(simulator, receiver.url(newPath()));
    expect(timers()).toBe(before);
  });

  it("leaves a URL fragment (Twilio's connection overrides) out of the request and the signature", async () => {
    const simulator = await simulatorWith({});
    const path = newPath();
    await dial(simulator, `${receiver.url(path)}?a=1#rc=3&rp=all`);
    const [received] = await receiver.waitFor(path, 1);
    expect(received!.url).toBe(`${receiver.url(path)}?a=1`);
    expect(validFor(SIMULATOR_AUTH_TOKEN, received!)).toBe(true);
  });
});

describe("simulator: the auth token that signs callbacks", () => {
  it("is the account credential's own token", async () => {
    const account = sid("AC");
    const simulator = await simulatorWith({
      credentials: [{ username: account, password: "fake-token-1", accountSid: account }],
    });
    const path = newPath();
    await dial(simulator, receiver.url(path), {
      account,
      auth: basicAuth(account, "fake-token-1"),
    });
    const [received] = await receiver.waitFor(path, 1);
    expect(received!.params.AccountSid).toBe(account);
    expect(validFor("fake-token-1", received!)).toBe(true);
    expect(validFor(SIMULATOR_AUTH_TOKEN, received!)).toBe(false);
  });

  it("comes from authTokens for an account known only by API keys; without it nothing is sent", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const account = sid("AC");
    const key = sid("SK");
    const credentials = [{ username: key, password: "fake-key-secret", accountSid: account }];
    const auth = basicAuth(key, "fake-key-secret");

    const unsigned = await simulatorWith({ credentials });
    const lost = newPath();
    await dial(unsigned, receiver.url(lost), { account, auth });
    await dial(unsigned, receiver.url(lost), { account, auth });
    await sleep(STEP_MS * 10);
    expect(receiver.at(lost)).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain(account);
    expect(String(warn.mock.calls[0]![0])).not.toContain("fake-key-secret");

    const signed = await simulatorWith({ credentials, authTokens: { [account]: "fake-token-2" } });
    const path = newPath();
    await dial(signed, receiver.url(path), { account, auth });
    const [received] = await receiver.waitFor(path, 1);
    expect(validFor("fake-token-2", received!)).toBe(true);
  });

  it("refuses authTokens that are not keyed by account SIDs", async () => {
    await expect(startSimulator({ authTokens: { [sid("SK")]: "x" } })).rejects.toThrow(RangeError);
  });
});
