import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config/config.js";
import { silentLogger } from "../../src/logging/logger.js";
import { SIMULATOR_ACCOUNT_SID, SIMULATOR_AUTH_TOKEN } from "../../src/simulator/defaults.js";
import { openSubscriptions, waitForSubscriptions } from "../support/subscriptions.js";

// Debian's package; CI installs it (`apt-get install -y chromium`) when it is missing.
const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
// In CI a missing browser is a failure, not a reason to skip.
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: install chromium`);
const SCREENSHOT = fileURLToPath(new URL("../../test-output/graphiql.png", import.meta.url));

/** CodeMirror 5, which GraphiQL 4 uses, keeps its editor object on the wrapper element. */
interface CodeMirrorElement {
  CodeMirror: {
    getValue(): string;
    setValue(value: string): void;
    on(event: "change", handler: () => void): void;
  };
}

const editorValue = (editor: Locator) =>
  editor.evaluate((element) => (element as unknown as CodeMirrorElement).CodeMirror.getValue());

const resultEditor = (page: Page) => page.locator(".result-window .CodeMirror");

/** Opens GraphiQL and waits until it has the schema. */
async function openGraphiQL(page: Page, url: string, graphqlUrl: string): Promise<void> {
  const introspected = page.waitForResponse(
    (response) =>
      response.url() === graphqlUrl &&
      (response.request().postData() ?? "").includes("IntrospectionQuery"),
  );
  await page.goto(`${url}/graphiql`);
  expect((await introspected).status()).toBe(200);
}

/** As a user would: open Headers and paste them. */
async function pasteHeaders(page: Page, headers: Record<string, string>): Promise<void> {
  await page.getByRole("button", { name: "Headers", exact: true }).click();
  await page
    .locator(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror")
    .evaluate((element, text) => {
      (element as unknown as CodeMirrorElement).CodeMirror.setValue(text);
    }, JSON.stringify(headers));
}

/** Several operations: the Run button offers them in a menu. */
async function runFromMenu(page: Page, operationName: string): Promise<void> {
  await page.locator(".graphiql-execute-button").click();
  await page
    .getByRole("menuitem")
    .filter({ hasText: new RegExp(`^${operationName}$`) })
    .click();
}

describe.skipIf(!haveChromium)(
  haveChromium
    ? "GraphiQL in Chromium, offline, against the embedded simulator"
    : `GraphiQL in Chromium — SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`,
  () => {
    let app: RunningApp;
    let userDataDir: string;
    let context: BrowserContext;
    let page: Page;
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    /** The WebSockets the pages opened, with every frame they sent. */
    const sockets: Array<{ url: string; sent: string[] }> = [];

    /** Records what a page requests, opens and logs as an error. */
    function observe(observed: Page): void {
      observed.on("request", (request) => requests.push(request.url()));
      observed.on("websocket", (socket) => {
        const record = { url: socket.url(), sent: [] as string[] };
        sockets.push(record);
        socket.on("framesent", ({ payload }) => record.sent.push(String(payload)));
      });
      observed.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      observed.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
    }

    beforeAll(async () => {
      // A quick call clock: a simulated call rings and is answered within a second.
      app = await startApp(
        loadConfig({ PORT: "0", SIMULATOR_CALL_PROGRESS_STEP_MS: "200" }),
        silentLogger,
      );
      userDataDir = mkdtempSync(path.join(tmpdir(), "graphiql-chromium-"));
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
      page = context.pages()[0] ?? (await context.newPage());
      observe(page);
    });

    // Each test starts from GraphiQL's first visit: no tabs remembered from another test.
    beforeEach(async () => {
      await page.goto(`${app.gateway.url}/health`);
      await page.evaluate(() =>
        (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear(),
      );
      requests.length = 0;
      consoleErrors.length = 0;
      sockets.length = 0;
    });

    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      await app?.close();
    });

    it("adds a conference participant from the default document, with a pasted Authorization header", async () => {
      await openGraphiQL(page, app.gateway.url, app.gateway.graphqlUrl);

      const variablesEditor = page.locator(".graphiql-editor-tool .graphiql-editor .CodeMirror");
      const variables = JSON.parse(await editorValue(variablesEditor.first())) as Record<
        string,
        unknown
      >;
      expect(variables.addConferenceParticipantInput).toMatchObject({
        conferenceSid: "CF00000000000000000000000000000001",
      });

      // As a user would: open Headers and paste Basic credentials (the simulator's own).
      const basic = Buffer.from(`${SIMULATOR_ACCOUNT_SID}:${SIMULATOR_AUTH_TOKEN}`).toString(
        "base64",
      );
      await pasteHeaders(page, { Authorization: `Basic ${basic}` });

      // Several operations: the Run button offers them in a menu.
      await page.locator(".graphiql-execute-button").click();
      const menu = page.getByRole("menuitem");
      await expect
        .poll(() => menu.allTextContents())
        .toEqual([
          "WatchConference",
          "AddProxyParticipant",
          "AddInteractionParticipant",
          "AddConversationParticipant",
          "AddConferenceParticipant",
          "AddParticipant",
          "GatewayInfo",
        ]);
      const executed = page.waitForRequest(
        (request) =>
          request.url() === app.gateway.graphqlUrl &&
          (request.postData() ?? "").includes('"operationName":"AddConferenceParticipant"'),
      );
      await menu.filter({ hasText: /^AddConferenceParticipant$/ }).click();
      expect(await (await executed).headerValue("authorization")).toBe(`Basic ${basic}`);

      await expect
        .poll(() => editorValue(resultEditor(page)), { timeout: 10_000 })
        .toContain("callSid");
      const result = JSON.parse(await editorValue(resultEditor(page))) as {
        data: { addConferenceParticipant: Record<string, unknown> };
      };
      expect(result.data.addConferenceParticipant).toMatchObject({
        __typename: "ConferenceParticipant",
        kind: "CONFERENCE",
        callSid: expect.stringMatching(/^CA[0-9a-f]{32}$/),
        conferenceSid: "CF00000000000000000000000000000001",
        accountSid: SIMULATOR_ACCOUNT_SID,
        label: "alice",
      });
      expect(await page.locator(".result-window").textContent()).toContain('"callSid"');

      // The simulator really holds the participant the page added.
      const listed = await fetch(app.gateway.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `{ conferenceParticipant(conferenceSid: "CF00000000000000000000000000000001", callSid: "${String(result.data.addConferenceParticipant.callSid)}") { label } }`,
        }),
      });
      expect(await listed.json()).toEqual({ data: { conferenceParticipant: { label: "alice" } } });

      // Credentials typed into Headers stay out of storage (shouldPersistHeaders is off).
      const stored = await page.evaluate(() =>
        JSON.stringify({ ...(globalThis as unknown as { localStorage: object }).localStorage }),
      );
      expect(stored).toContain("AddConferenceParticipant");
      expect(stored).not.toContain(basic);

      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });

      const origin = new URL(app.gateway.url).origin;
      expect(requests.length).toBeGreaterThanOrEqual(9);
      expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
      expect(new URL(origin).hostname).toBe("127.0.0.1");
      expect(consoleErrors).toEqual([]);
    });

    it("watches the example conference in one browser tab while another adds a participant", async () => {
      const basic = Buffer.from(`${SIMULATOR_ACCOUNT_SID}:${SIMULATOR_AUTH_TOKEN}`).toString(
        "base64",
      );
      await openGraphiQL(page, app.gateway.url, app.gateway.graphqlUrl);
      await pasteHeaders(page, { Authorization: `Basic ${basic}` });
      // Every value the result pane shows, as it shows it: each event replaces the last.
      await resultEditor(page).evaluate((element) => {
        const editor = (element as unknown as CodeMirrorElement).CodeMirror;
        const shown: string[] = [];
        (globalThis as unknown as { shown: string[] }).shown = shown;
        editor.on("change", () => shown.push(editor.getValue()));
      });
      await runFromMenu(page, "WatchConference");
      await waitForSubscriptions(app.gateway.url, 1);

      // Over WebSocket to the page's own origin, the pasted headers as connection_init's payload.
      // The browser reports the frames it sent on its own channel, which can trail the gateway.
      await expect.poll(() => sockets[0]?.sent.length ?? 0).toBeGreaterThanOrEqual(2);
      const origin = new URL(app.gateway.url);
      expect(sockets.map((socket) => socket.url)).toEqual([`ws://${origin.host}/graphql`]);
      const [init, subscribe] = sockets[0]!.sent.map((frame) => JSON.parse(frame) as unknown);
      expect(init).toEqual({
        type: "connection_init",
        payload: { Authorization: `Basic ${basic}` },
      });
      expect(subscribe).toMatchObject({
        type: "subscribe",
        payload: {
          operationName: "WatchConference",
          variables: { filter: { conferenceSid: "CF00000000000000000000000000000001" } },
        },
      });

      // A second browser tab (GraphiQL's own tabs share one Run button) adds the participant.
      const adder = await context.newPage();
      observe(adder);
      try {
        await openGraphiQL(adder, app.gateway.url, app.gateway.graphqlUrl);
        await runFromMenu(adder, "AddConferenceParticipant");
        // The pane may first show the other tab's saved result (its last event): wait for the add.
        await expect
          .poll(() => editorValue(resultEditor(adder)), { timeout: 10_000 })
          .toContain("addConferenceParticipant");
        const added = JSON.parse(await editorValue(resultEditor(adder))) as {
          data: { addConferenceParticipant: { callSid: string } };
        };
        const { callSid } = added.data.addConferenceParticipant;

        // The first tab shows the call's events as they come: ringing, then answered and joined.
        const shownTypes = async () => {
          const shown = await page.evaluate(
            () => (globalThis as unknown as { shown: string[] }).shown,
          );
          return shown.flatMap((text) => {
            const event = (
              JSON.parse(text || "{}") as {
                data?: { participantEvents: { type: string; participant: { callSid: string } } };
              }
            ).data?.participantEvents;
            return event?.participant.callSid === callSid ? [event.type] : [];
          });
        };
        await expect
          .poll(shownTypes, { timeout: 15_000 })
          .toEqual(expect.arrayContaining(["RINGING", "ANSWERED", "JOINED"]));
        const types = await shownTypes();
        expect(types[0]).toBe("ADDED");
        expect(types.indexOf("ANSWERED")).toBeGreaterThan(types.indexOf("RINGING"));
        expect(types.indexOf("JOINED")).toBeGreaterThan(types.indexOf("RINGING"));
        const pane = (await page.locator(".result-window").textContent()) ?? "";
        expect(pane).toContain(callSid);
        expect(pane).toMatch(/"(ANSWERED|JOINED)"/);
        mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-subscription.png") });

        // The Run button stops the subscription, and its connection closes.
        await page.locator(".graphiql-execute-button").click();
        await waitForSubscriptions(app.gateway.url, 0);
      } finally {
        await adder.close();
      }

      expect(requests.filter((url) => new URL(url).origin !== origin.origin)).toEqual([]);
      expect(sockets.map((socket) => new URL(socket.url).host)).toEqual([origin.host]);
      expect(origin.hostname).toBe("127.0.0.1");
      expect(consoleErrors).toEqual([]);
    });

    it("shows why the gateway refused a subscription's connection", async () => {
      await openGraphiQL(page, app.gateway.url, app.gateway.graphqlUrl);
      // The simulator's account with a wrong token: Twilio (the simulator) refuses it.
      const wrong = Buffer.from(`${SIMULATOR_ACCOUNT_SID}:not-the-token`).toString("base64");
      await pasteHeaders(page, { Authorization: `Basic ${wrong}` });
      await runFromMenu(page, "WatchConference");
      await expect
        .poll(() => editorValue(resultEditor(page)), { timeout: 10_000 })
        .toContain("WebSocket");
      expect(JSON.parse(await editorValue(resultEditor(page)))).toEqual({
        errors: [{ message: "The WebSocket closed: 4401 Unauthorized" }],
      });
      // Ended: the button runs again (no stop button left behind), and nothing stays open.
      await expect
        .poll(() => page.locator(".graphiql-execute-button").getAttribute("aria-label"))
        .toBe("Execute query (Ctrl-Enter)");
      expect(await openSubscriptions(app.gateway.url)).toBe(0);
      expect(consoleErrors).toEqual([]);
    });

    it("opens a shared link's query and variables in a tab, and never takes headers from it", async () => {
      const query =
        'query Shared($sid: String!) { conferenceParticipant(conferenceSid: $sid, callSid: "CA00000000000000000000000000000009") { callSid } }';
      const variables = JSON.stringify({ sid: "CF00000000000000000000000000000042" });
      const link = new URL(`${app.gateway.url}/graphiql`);
      link.searchParams.set("query", query);
      link.searchParams.set("variables", variables);
      link.searchParams.set("headers", JSON.stringify({ Authorization: "Basic planted" }));
      await page.goto(link.href);

      const queryEditor = page.locator(".graphiql-query-editor .CodeMirror");
      await expect.poll(() => editorValue(queryEditor)).toBe(query);
      const variablesEditor = page.locator(".graphiql-editor-tool .graphiql-editor .CodeMirror");
      expect(await editorValue(variablesEditor.first())).toBe(variables);
      const headersEditor = page.locator(".graphiql-editor-tool .graphiql-editor .CodeMirror");
      expect(await editorValue(headersEditor.nth(1))).not.toContain("planted");
      expect(consoleErrors).toEqual([]);
    });
  },
);
