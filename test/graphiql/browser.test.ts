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

// Debian's package; CI installs it (`apt-get install -y chromium`) when it is missing.
const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
// In CI a missing browser is a failure, not a reason to skip.
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: install chromium`);
const SCREENSHOT = fileURLToPath(new URL("../../test-output/graphiql.png", import.meta.url));

/** CodeMirror 5, which GraphiQL 4 uses, keeps its editor object on the wrapper element. */
interface CodeMirrorElement {
  CodeMirror: { getValue(): string; setValue(value: string): void };
}

const editorValue = (editor: Locator) =>
  editor.evaluate((element) => (element as unknown as CodeMirrorElement).CodeMirror.getValue());

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

    beforeAll(async () => {
      app = await startApp(loadConfig({ PORT: "0" }), silentLogger);
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
      page.on("request", (request) => requests.push(request.url()));
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
    });

    // Each test starts from GraphiQL's first visit: no tabs remembered from another test.
    beforeEach(async () => {
      await page.goto(`${app.gateway.url}/health`);
      await page.evaluate(() =>
        (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear(),
      );
      requests.length = 0;
      consoleErrors.length = 0;
    });

    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      await app?.close();
    });

    it("adds a conference participant from the default document, with a pasted Authorization header", async () => {
      const introspected = page.waitForResponse(
        (response) =>
          response.url() === app.gateway.graphqlUrl &&
          (response.request().postData() ?? "").includes("IntrospectionQuery"),
      );
      await page.goto(`${app.gateway.url}/graphiql`);
      expect((await introspected).status()).toBe(200);

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
      await page.getByRole("button", { name: "Headers", exact: true }).click();
      await page
        .locator(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror")
        .evaluate(
          (element, headers) => {
            (element as unknown as CodeMirrorElement).CodeMirror.setValue(headers);
          },
          JSON.stringify({ Authorization: `Basic ${basic}` }),
        );

      // Several operations: the Run button offers them in a menu.
      await page.locator(".graphiql-execute-button").click();
      const menu = page.getByRole("menuitem");
      await expect
        .poll(() => menu.allTextContents())
        .toEqual([
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

      const resultEditor = page.locator(".result-window .CodeMirror");
      await expect.poll(() => editorValue(resultEditor), { timeout: 10_000 }).toContain("callSid");
      const result = JSON.parse(await editorValue(resultEditor)) as {
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
