import { readFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config/config.js";
import { silentLogger } from "../../src/logging/logger.js";
import type { WatchConferenceSubscription } from "../../schema/generated/operations.js";
import { checkedInOperation } from "../support/operations.js";
import {
  type ClientSubscription,
  until,
  waitForSubscriptions,
  wsClient,
} from "../support/subscriptions.js";

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** node:http rather than fetch: fetch decompresses and hides the bytes actually sent. */
function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** What Chromium sends when a person opens a URL. */
const BROWSER_ACCEPT =
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

const require = createRequire(import.meta.url);
const packageFile = (packageName: string, file: string) =>
  readFileSync(path.join(path.dirname(require.resolve(`${packageName}/package.json`)), file));

let app: RunningApp;
let page: RawResponse;
let html: string;
beforeAll(async () => {
  app = await startApp(loadConfig({ PORT: "0" }), silentLogger);
  page = await request(`${app.gateway.url}/graphiql`, { headers: { accept: BROWSER_ACCEPT } });
  html = page.body.toString("utf8");
});
afterAll(() => app.close());

/** Every src/href in the page, as written. */
function pageUrls(): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
}

function pageConfig(): {
  endpoint: string;
  styleNonce: string;
  defaultQuery: string;
  defaultVariables: string;
} {
  const json = /<script type="application\/json" id="graphiql-config">([^<]*)<\/script>/.exec(html);
  return JSON.parse(json![1]!);
}

describe("the GraphiQL page", () => {
  it("is served as HTML with a strict CSP and a fresh style nonce per response", async () => {
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    const nonce = pageConfig().styleNonce;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(page.headers["content-security-policy"]).toBe(
      "default-src 'none'; script-src 'self'; " +
        `style-src 'self' 'nonce-${nonce}'; connect-src 'self'; img-src data:; font-src data:; ` +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers["content-security-policy"]).not.toMatch(/unsafe|\*/);

    const again = await request(`${app.gateway.url}/graphiql`);
    expect(again.headers["content-security-policy"]).not.toContain(nonce);
  });

  it("names no other host: every link is relative, no http(s) URL anywhere in the HTML", () => {
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/\/\/[a-z0-9]/i);
    const urls = pageUrls();
    expect(urls).toHaveLength(8);
    for (const url of urls) {
      expect(
        url === "data:," || /^graphiql\/assets\/[a-z-]+\.(js|css)\?v=[0-9a-f]{16}$/.test(url),
      ).toBe(true);
    }
    // Relative to the page, so the GraphQL endpoint and the assets are on this host.
    expect(pageConfig().endpoint).toBe("graphql");
  });

  it("has no inline script or style: only a JSON data block, which browsers do not run", () => {
    const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    for (const [, attributes, content] of scripts) {
      if (attributes!.includes('type="application/json"')) continue;
      expect(attributes).toMatch(/^ src="[^"]+"$/);
      expect(content).toBe("");
    }
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    // A value containing "</script>" could not end the data block early.
    expect(html.match(/<\/script>/g)).toHaveLength(scripts.length);
    expect(pageConfig().defaultQuery).toContain("<base64 of SID:token>");
  });

  it("serves every asset the page references from this host, typed, cached and nosniff", async () => {
    const expectedBytes: Record<string, Buffer> = {
      "react.js": packageFile("react", "umd/react.production.min.js"),
      "react-dom.js": packageFile("react-dom", "umd/react-dom.production.min.js"),
      "graphiql.js": packageFile("graphiql", "dist/index.umd.js"),
      "graphiql.css": packageFile("graphiql", "dist/style.css"),
      "graphql-ws.js": packageFile("graphql-ws", "umd/graphql-ws.min.js"),
    };
    const assetUrls = pageUrls().filter((url) => url.startsWith("graphiql/assets/"));
    expect(assetUrls.map((url) => url.replace(/^graphiql\/assets\/|\?.*$/g, ""))).toEqual([
      "graphiql.css",
      "page.css",
      "react.js",
      "react-dom.js",
      "graphiql.js",
      "graphql-ws.js",
      "start.js",
    ]);
    for (const relative of assetUrls) {
      const url = new URL(relative, `${app.gateway.url}/graphiql`);
      expect(url.origin).toBe(app.gateway.url);
      const asset = await request(url.href);
      expect(asset.status, url.pathname).toBe(200);
      expect(asset.headers["content-type"]).toBe(
        url.pathname.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8",
      );
      expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(asset.headers["x-content-type-options"]).toBe("nosniff");
      expect(asset.headers["content-encoding"]).toBeUndefined();
      expect(Number(asset.headers["content-length"])).toBe(asset.body.length);
      const name = path.basename(url.pathname);
      if (expectedBytes[name]) expect(asset.body.equals(expectedBytes[name])).toBe(true);
    }
  });

  it("loads nothing else at run time: the CSS uses only data: URLs, start.js only this page", async () => {
    const css = (await request(`${app.gateway.url}/graphiql/assets/graphiql.css`)).body.toString();
    const cssUrls = [...css.matchAll(/url\(\s*["']?([^"')\s]+)/g)].map((match) => match[1]!);
    expect(cssUrls.length).toBeGreaterThan(0);
    expect(cssUrls.filter((url) => !url.startsWith("data:"))).toEqual([]);
    expect(css).not.toMatch(/@import/);
    const start = (await request(`${app.gateway.url}/graphiql/assets/start.js`)).body.toString();
    expect(start).not.toMatch(/https?:|\/\/[a-z0-9]/i);
  });

  it("gzips on request, answers If-None-Match with 304, HEAD without a body", async () => {
    const url = new URL(
      pageUrls().find((u) => u.includes("graphiql.js"))!,
      `${app.gateway.url}/graphiql`,
    );
    const plain = await request(url.href);
    const zipped = await request(url.href, { headers: { "accept-encoding": "gzip, br" } });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("accept-encoding");
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);

    const etag = plain.headers.etag!;
    expect(url.searchParams.get("v")).toBe(etag.replaceAll('"', ""));
    const cached = await request(url.href, { headers: { "if-none-match": etag } });
    expect(cached.status).toBe(304);
    expect(cached.body.length).toBe(0);

    const head = await request(url.href, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers["content-length"])).toBe(plain.body.length);
    expect(head.body.length).toBe(0);
  });

  it("404s an unknown asset and 405s a POST to the page", async () => {
    for (const name of ["nope.js", "../package.json", "%2e%2e%2fpackage.json", ""]) {
      const missing = await request(`${app.gateway.url}/graphiql/assets/${name}`);
      expect(missing.status, name).toBe(404);
    }
    const posted = await request(`${app.gateway.url}/graphiql`, { method: "POST", body: "{}" });
    expect(posted.status).toBe(405);
    expect(posted.headers.allow).toBe("GET, HEAD");
  });
});

describe("routing /graphiql/", () => {
  it("redirects to /graphiql, where the page's relative links resolve", async () => {
    const answer = await request(`${app.gateway.url}/graphiql/?x=1`);
    expect(answer.status).toBe(308);
    expect(answer.headers.location).toBe("/graphiql?x=1");
  });
});

describe("routing /graphql", () => {
  it("opened in a browser (HTML accepted, no query) shows GraphiQL", async () => {
    const response = await request(app.gateway.graphqlUrl, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    // The relative links resolve to the same assets from /graphql as from /graphiql.
    const link = /src="(graphiql\/assets\/graphiql\.js\?v=[0-9a-f]+)"/.exec(
      response.body.toString(),
    );
    const asset = await request(new URL(link![1]!, app.gateway.graphqlUrl).href);
    expect(asset.status).toBe(200);
  });

  it("leaves a browser GET with ?query= to Apollo (with its CSRF preflight header)", async () => {
    const url = `${app.gateway.graphqlUrl}?query=${encodeURIComponent("{ gatewayInfo { twilioMode } }")}`;
    const response = await request(url, {
      headers: { accept: BROWSER_ACCEPT, "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(response.body.toString())).toEqual({
      data: { gatewayInfo: { twilioMode: "simulator" } },
    });

    const withoutPreflight = await request(url, { headers: { accept: BROWSER_ACCEPT } });
    expect(withoutPreflight.status).toBe(400);
    expect(withoutPreflight.body.toString()).toMatch(/CSRF|preflight/i);
  });

  it("leaves JSON POSTs and non-browser GETs to Apollo", async () => {
    const posted = await request(app.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: BROWSER_ACCEPT },
      body: JSON.stringify({ query: "{ gatewayInfo { name } }" }),
    });
    expect(posted.status).toBe(200);
    expect(JSON.parse(posted.body.toString())).toEqual({
      data: { gatewayInfo: { name: "participant-gateway" } },
    });

    const apiGet = await request(app.gateway.graphqlUrl, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(apiGet.headers["content-type"]).toMatch(/^application\/json/);
    expect(apiGet.status).toBe(400);
  });
});

describe("the default document", () => {
  const OPERATIONS = [
    "WatchConference",
    "AddProxyParticipant",
    "AddInteractionParticipant",
    "AddConversationParticipant",
    "AddConferenceParticipant",
    "AddParticipant",
    "GatewayInfo",
  ];

  it("holds WatchConference, one named operation per add mutation and GatewayInfo, from schema/operations", () => {
    const { defaultQuery } = pageConfig();
    const names = parse(defaultQuery).definitions.map((definition) =>
      "name" in definition ? definition.name?.value : undefined,
    );
    // Then the fragments they spread: the conversation add's typed messaging binding.
    expect(names).toEqual([...OPERATIONS, "MessagingBinding"]);
    // The conference operation is the file's, with its `$input` renamed apart from the others'.
    const operation = checkedInOperation("conference.graphql", "AddConferenceParticipant");
    expect(defaultQuery).toContain(
      operation.replace(/\$input\b/g, "$addConferenceParticipantInput"),
    );
  });

  it("runs every operation against the embedded simulator with the default variables", async () => {
    const { defaultQuery, defaultVariables } = pageConfig();
    const variables = JSON.parse(defaultVariables) as Record<string, unknown>;
    expect(variables).toMatchObject({
      filter: { conferenceSid: expect.stringMatching(/^CF[0-9a-f]{32}$/) },
      addProxyParticipantInput: { serviceSid: expect.stringMatching(/^KS[0-9a-f]{32}$/) },
      addInteractionParticipantInput: {
        interactionSid: expect.stringMatching(/^KD[0-9a-f]{32}$/),
        mediaProperties: expect.any(Object),
      },
      addConversationParticipantInput: {
        conversationSid: expect.stringMatching(/^CH[0-9a-f]{32}$/),
      },
      addConferenceParticipantInput: { from: expect.stringMatching(/^\+1\d{10}$/) },
    });
    // The subscription watches the very conference both conference adds dial into.
    const conferenceSid = (variables.filter as { conferenceSid: string }).conferenceSid;
    expect(variables.addConferenceParticipantInput).toMatchObject({ conferenceSid });
    expect(variables.addParticipantInput).toMatchObject({ conference: { conferenceSid } });

    const [subscriptionName, ...requestNames] = OPERATIONS;
    const sockets = wsClient(app.gateway.url);
    try {
      const watching = sockets.subscribe<WatchConferenceSubscription>({
        query: defaultQuery,
        variables,
        operationName: subscriptionName,
      });
      await waitForSubscriptions(app.gateway.url, 1);
      for (const operationName of requestNames) {
        const response = await fetch(app.gateway.graphqlUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: defaultQuery, variables, operationName }),
        });
        const result = (await response.json()) as {
          data?: Record<string, unknown>;
          errors?: unknown;
        };
        expect(result.errors, operationName).toBeUndefined();
        expect(Object.values(result.data ?? {})[0], operationName).toEqual(expect.any(Object));
      }
      // AddConferenceParticipant's and AddParticipant's participants, as the gateway added them.
      await until(
        () => added(watching).length === 2,
        10_000,
        () => JSON.stringify(watching.payloads),
      );
      expect(added(watching)).toEqual([
        { conferenceSid, label: "alice" },
        { conferenceSid, label: "bob" },
      ]);
      expect(watching.payloads.filter((payload) => payload.errors)).toEqual([]);
    } finally {
      await sockets.dispose();
    }
  });
});

/** The participants a WatchConference subscription saw the gateway add, in order. */
function added(subscription: ClientSubscription<WatchConferenceSubscription>) {
  return subscription.data
    .map((data) => data.participantEvents)
    .filter((event) => event.type === "ADDED")
    .map(({ participant }) =>
      participant?.__typename === "ConferenceParticipant"
        ? { conferenceSid: participant.conferenceSid, label: participant.label }
        : participant,
    );
}
