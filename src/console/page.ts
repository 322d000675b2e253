import type { ServerResponse } from "node:http";
import { scriptSafeJson } from "../graphiql/self-hosted-page.js";
import type { ConsoleAssets } from "./assets.js";

/** Operation name → trusted-document id, for the page's JSON block. */
export type ConsoleOperationIds = Readonly<Record<string, string>>;

/**
 * The page's markup. Everything is linked relative to `/console` (so it works behind a proxy
 * that adds a path prefix), and the assets' folder is their version: the modules import each
 * other by relative URLs, which then carry it too.
 */
export function consolePage(assets: ConsoleAssets, operations: ConsoleOperationIds): string {
  const asset = (name: string) => `console/assets/${assets.version}/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Participant console · participant-gateway</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset("console.css")}">
</head>
<body>
<header>
<h1>Participant console</h1>
<p id="watched">Pick a conference or a conversation</p>
</header>
<main>
<section class="controls">
<form id="watch" aria-label="What to watch">
<label>Kind
<select id="kind" name="kind">
<option value="CONFERENCE">Conference</option>
<option value="CONVERSATION">Conversation</option>
</select>
</label>
<label>SID or name <input id="target" name="target" required autocomplete="off" placeholder="CF… or a friendly name"></label>
<label id="chat-service-field" hidden>Chat service <input id="chat-service" name="chatService" autocomplete="off" placeholder="IS… (empty: the default)"></label>
<button type="submit">Watch</button>
</form>
<details>
<summary>Gateway key</summary>
<label>API key or token <input id="key" type="password" autocomplete="off" spellcheck="false"></label>
<p>Where the gateway needs one: sent as <code>Authorization: Bearer</code> and in the WebSocket's <code>connection_init</code>, kept by this page only while it is open.</p>
</details>
</section>
<p id="status" role="status" aria-live="polite"></p>
<section aria-labelledby="participants-title">
<h2 id="participants-title">Participants</h2>
<table>
<thead><tr><th>Participant</th><th>SID</th><th>Status</th><th>Muted</th><th>Hold</th><th>Actions</th></tr></thead>
<tbody id="participants"></tbody>
</table>
<form id="add" aria-label="Add a participant" hidden>
<label>From <input name="from" required value="+15017122661" autocomplete="off"></label>
<label>To <input name="to" required value="+15558675310" autocomplete="off"></label>
<label>Label <input name="label" autocomplete="off" placeholder="optional"></label>
<button type="submit">Add participant</button>
</form>
</section>
<section aria-labelledby="events-title">
<h2 id="events-title">Live events</h2>
<ol id="events"></ol>
</section>
</main>
<noscript>The console needs JavaScript.</noscript>
<script type="application/json" id="console-config">${scriptSafeJson({ operations })}</script>
<script src="${asset("graphql-ws.js")}"></script>
<script type="module" src="${asset("main.js")}"></script>
</body>
</html>
`;
}

export function sendConsolePage(res: ServerResponse, html: Buffer, headOnly: boolean): void {
  res.statusCode = 200;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-length", html.length);
  res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
  // The next deployment's page names new asset versions.
  res.setHeader("cache-control", "no-cache");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("cross-origin-opener-policy", "same-origin");
  res.end(headOnly ? undefined : html);
}

/**
 * Scripts, styles and connections (HTTP and the WebSocket) to this origin only; no inline
 * script or style, no eval. The JSON block is data, which script-src does not govern.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");
