import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config/config.js";
import { silentLogger } from "../../src/logging/logger.js";
import { postGraphQL } from "../support/graphql.js";
import { waitForSubscriptions } from "../support/subscriptions.js";

// Debian's package; CI installs it (`apt-get install -y chromium`) when it is missing.
const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
// In CI a missing browser is a failure, not a reason to skip.
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: install chromium`);
const SCREENSHOT = fileURLToPath(new URL("../../test-output/console.png", import.meta.url));
const GATEWAY_KEY = "console-test-key-not-real-0000";

const hex = () => randomBytes(16).toString("hex");

/** A Chromium page on one gateway, recording every request and console error. */
interface Browser {
  page: Page;
  /** Every URL the page asked for, HTTP and WebSocket. */
  requests: string[];
  consoleErrors: string[];
}

async function openBrowser(context: BrowserContext): Promise<Browser> {
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("websocket", (socket) => requests.push(socket.url()));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
  return { page, requests, consoleErrors };
}

async function watch(page: Page, kind: "CONFERENCE" | "CONVERSATION", target: string) {
  await page.getByLabel("Kind").selectOption(kind);
  await page.getByLabel("SID or name").fill(target);
  await page.getByRole("button", { name: "Watch" }).click();
}

const row = (page: Page, text: string) => page.locator("#participants tr", { hasText: text });
const cellOf = (page: Page, text: string, column: string) =>
  row(page, text).locator(`td.${column}`);
const eventsOf = (page: Page, type: string) => page.locator(`#events li[data-type="${type}"]`);

describe.skipIf(!haveChromium)(
  haveChromium
    ? "the participant console in Chromium, offline, against the embedded simulator"
    : `the participant console in Chromium — SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`,
  () => {
    let app: RunningApp;
    let keyed: RunningApp;
    let userDataDir: string;
    let context: BrowserContext;
    let browser: Browser;

    beforeAll(async () => {
      [app, keyed] = await Promise.all([
        startApp(loadConfig({ PORT: "0", SIMULATOR_CALL_PROGRESS_STEP_MS: "150" }), silentLogger),
        // Keys, and only the trusted documents: the page sends nothing else.
        startApp(
          loadConfig({
            PORT: "0",
            GATEWAY_API_KEYS: GATEWAY_KEY,
            GRAPHQL_TRUSTED_DOCUMENTS: "require",
          }),
          silentLogger,
        ),
      ]);
      userDataDir = mkdtempSync(path.join(tmpdir(), "console-chromium-"));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
        viewport: { width: 1400, height: 900 },
      });
    });

    beforeEach(async () => {
      browser = await openBrowser(context);
    });

    // A closed page ends its subscriptions: each test counts its own.
    afterEach(async () => {
      await browser.page.close();
      await Promise.all([
        waitForSubscriptions(app.gateway.url, 0),
        waitForSubscriptions(keyed.gateway.url, 0),
      ]);
    });

    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      await Promise.all([app?.close(), keyed?.close()]);
    });

    it("adds a conference participant by friendly name, watches them ring and join, mutes and removes them", async () => {
      const { page } = browser;
      await page.goto(`${app.gateway.url}/console`);
      const conference = `console-demo-${hex().slice(0, 8)}`;
      await watch(page, "CONFERENCE", conference);
      await expect.poll(() => page.locator("#status").textContent()).toContain("by name");
      await waitForSubscriptions(app.gateway.url, 1);

      await page.getByLabel("Label").fill("customer");
      await page.getByRole("button", { name: "Add participant" }).click();

      // The call rings, is answered and joins, on the simulator's clock; the row follows.
      for (const type of ["ADDED", "RINGING", "ANSWERED", "JOINED"]) {
        await expect.poll(() => eventsOf(page, type).count(), { timeout: 10_000 }).toBe(1);
      }
      await expect
        .poll(() => cellOf(page, "customer", "status").textContent(), { timeout: 10_000 })
        .toBe("CONNECTED");
      const callSid = await cellOf(page, "customer", "sid").textContent();
      expect(callSid).toMatch(/^CA[0-9a-f]{32}$/);
      // The name is watched through the SID the add answered with.
      const watched = await page.locator("#watched").textContent();
      const conferenceSid = /\((CF[0-9a-f]{32})\)$/.exec(watched ?? "")?.[1];
      expect(watched).toBe(`Conference ${conference} (${conferenceSid})`);

      await row(page, "customer").getByRole("button", { name: "Mute" }).click();
      await expect.poll(() => eventsOf(page, "MUTED").count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => cellOf(page, "customer", "muted").textContent()).toBe("yes");
      await expect
        .poll(() => row(page, "customer").getByRole("button", { name: "Unmute" }).count())
        .toBe(1);
      expect(await eventsOf(page, "MUTED").first().textContent()).toContain("customer");

      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      await row(page, "customer").getByRole("button", { name: "Remove" }).click();
      await expect
        .poll(
          async () =>
            (await eventsOf(page, "REMOVED").count()) + (await eventsOf(page, "LEFT").count()),
          { timeout: 10_000 },
        )
        .toBeGreaterThanOrEqual(1);
      await expect.poll(() => row(page, "customer").count()).toBe(0);
      await expect.poll(() => page.locator("#participants").textContent()).toBe("No participants");
      // The simulator agrees: the conference no longer holds the call.
      const after = await postGraphQL(
        app.gateway.graphqlUrl,
        `{ conferenceParticipant(conferenceSid: "${conferenceSid}", callSid: "${callSid}") { callSid } }`,
      );
      expect(after).toMatchObject({ data: { conferenceParticipant: null } });

      expectOnlyLoopback(browser, app);
    });

    it("lists a conference watched by SID, and holds and unholds a participant", async () => {
      const { page } = browser;
      const conferenceSid = `CF${hex()}`;
      await page.goto(`${app.gateway.url}/console`);
      await watch(page, "CONFERENCE", conferenceSid);
      // Added once the page's subscription is served, so none of the call's events (150 ms
      // apart) can pass between the page's list and its subscription.
      await waitForSubscriptions(app.gateway.url, 1);
      const added = await postGraphQL<{ addConferenceParticipant: { callSid: string } }>(
        app.gateway.graphqlUrl,
        `mutation { addConferenceParticipant(input: { conferenceSid: "${conferenceSid}", from: "+15017122661", to: "+15558675311", label: "agent" }) { callSid } }`,
      );
      expect(added.errors).toBeUndefined();
      await expect.poll(() => row(page, "agent").count()).toBe(1);
      expect(await cellOf(page, "agent", "sid").textContent()).toBe(
        added.data!.addConferenceParticipant.callSid,
      );
      // Twilio reports hold only for a participant in the conference: once the call is answered.
      await expect
        .poll(() => cellOf(page, "agent", "status").textContent(), { timeout: 10_000 })
        .toBe("CONNECTED");
      await row(page, "agent").getByRole("button", { name: "Hold" }).click();
      await expect.poll(() => cellOf(page, "agent", "hold").textContent()).toBe("yes");
      await expect.poll(() => eventsOf(page, "HELD").count(), { timeout: 10_000 }).toBe(1);
      await row(page, "agent").getByRole("button", { name: "Unhold" }).click();
      await expect.poll(() => cellOf(page, "agent", "hold").textContent()).toBe("no");
      expectOnlyLoopback(browser, app);
    });

    it("lists a conversation's participants and removes one", async () => {
      const { page } = browser;
      const conversationSid = `CH${hex()}`;
      for (const identity of ["alice", "bob"]) {
        const added = await postGraphQL(
          app.gateway.graphqlUrl,
          `mutation { addConversationParticipant(input: { conversationSid: "${conversationSid}", identity: "${identity}" }) { sid } }`,
        );
        expect(added.errors).toBeUndefined();
      }
      await page.goto(`${app.gateway.url}/console`);
      await watch(page, "CONVERSATION", conversationSid);
      await expect.poll(() => page.locator("#participants tr").count()).toBe(2);
      // Conversations have no mute or hold; the add form is for conferences.
      expect(await row(page, "alice").getByRole("button").allTextContents()).toEqual(["Remove"]);
      expect(await page.getByRole("form", { name: "Add a participant" }).isHidden()).toBe(true);
      await waitForSubscriptions(app.gateway.url, 1);
      await row(page, "bob").getByRole("button", { name: "Remove" }).click();
      await expect.poll(() => row(page, "bob").count()).toBe(0);
      await expect.poll(() => eventsOf(page, "REMOVED").count(), { timeout: 10_000 }).toBe(1);
      expect(await row(page, "alice").count()).toBe(1);
      expectOnlyLoopback(browser, app);
    });

    it("asks for the gateway key where one is needed, sends it on HTTP and WebSocket, stores it nowhere (only trusted documents allowed)", async () => {
      const { page } = browser;
      const conferenceSid = `CF${hex()}`;
      await page.goto(`${keyed.gateway.url}/console`);
      await watch(page, "CONFERENCE", conferenceSid);
      await expect
        .poll(() => page.locator("#status").textContent())
        .toContain("paste a gateway key");

      const sent = page.waitForRequest((request) => request.url() === keyed.gateway.graphqlUrl);
      await page.locator("summary", { hasText: "Gateway key" }).click();
      await page.getByLabel("API key or token").fill(GATEWAY_KEY);
      await page.getByLabel("API key or token").press("Enter");
      await page.getByLabel("API key or token").blur();
      expect(await (await sent).headerValue("authorization")).toBe(`Bearer ${GATEWAY_KEY}`);
      await expect.poll(() => page.locator("#status").textContent()).toContain("Live");
      // The WebSocket got in with the key in connection_init: the subscription is open.
      await waitForSubscriptions(keyed.gateway.url, 1);

      const stored = await page.evaluate(() => {
        const { localStorage, sessionStorage, document } = globalThis as unknown as {
          localStorage: object;
          sessionStorage: object;
          document: { cookie: string };
        };
        return JSON.stringify({ ...localStorage, ...sessionStorage, cookie: document.cookie });
      });
      expect(stored).not.toContain(GATEWAY_KEY);
      // Refused requests are the only errors Chromium reports.
      expect(browser.consoleErrors.every((error) => error.includes("401"))).toBe(true);
      const origin = new URL(keyed.gateway.url).origin;
      expect(browser.requests.filter((url) => !sameHost(url, origin))).toEqual([]);
    });
  },
);

function sameHost(url: string, origin: string): boolean {
  const parsed = new URL(url);
  return parsed.host === new URL(origin).host;
}

/** Nothing but the gateway on loopback: no CDN, no font, nothing else; and no console error. */
function expectOnlyLoopback(browser: Browser, app: RunningApp): void {
  const origin = new URL(app.gateway.url).origin;
  expect(new URL(origin).hostname).toBe("127.0.0.1");
  expect(browser.requests.length).toBeGreaterThanOrEqual(5);
  expect(browser.requests.filter((url) => !sameHost(url, origin))).toEqual([]);
  expect(browser.consoleErrors).toEqual([]);
}
