import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { StaticAsset } from "./assets.js";
import type { DefaultDocument } from "./default-document.js";
import { scriptSafeJson } from "./self-hosted-page.js";

export const PAGE_STYLES = `html, body { height: 100%; margin: 0; }
#graphiql { height: 100vh; }
`;

export interface PageAssets {
  stylesheets: readonly StaticAsset[];
  /** In load order: React, ReactDOM, GraphiQL, graphql-ws, then the start script. */
  scripts: readonly StaticAsset[];
}

/**
 * The page links everything relative to its own URL (it is served at `/graphiql` and
 * `/graphql`, both at the root), so it keeps working behind a proxy that adds a path prefix.
 */
export function sendPage(
  res: ServerResponse,
  assets: PageAssets,
  document: DefaultDocument,
  headOnly: boolean,
): void {
  const nonce = randomBytes(16).toString("base64");
  const config = {
    endpoint: "graphql",
    styleNonce: nonce,
    defaultQuery: document.query,
    defaultVariables: document.variables,
  };
  const link = (asset: StaticAsset) => `graphiql/assets/${asset.name}?v=${asset.version}`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL · participant-gateway</title>
<link rel="icon" href="data:,">
${assets.stylesheets.map((asset) => `<link rel="stylesheet" href="${link(asset)}">`).join("\n")}
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<noscript>GraphiQL needs JavaScript.</noscript>
<script type="application/json" id="graphiql-config">${scriptSafeJson(config)}</script>
${assets.scripts.map((asset) => `<script src="${link(asset)}"></script>`).join("\n")}
</body>
</html>
`;
  const body = Buffer.from(html, "utf8");
  res.statusCode = 200;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-length", body.length);
  res.setHeader("content-security-policy", contentSecurityPolicy(nonce));
  // A fresh nonce per response: never cache the page itself.
  res.setHeader("cache-control", "no-store");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("cross-origin-opener-policy", "same-origin");
  res.end(headOnly ? undefined : body);
}

/**
 * Scripts, styles and requests only from this origin. Two exceptions GraphiQL needs: its CSS
 * embeds fonts and icons as data: URLs, and its dialogs inject <style> elements (allowed by
 * the per-response nonce, not by 'unsafe-inline'). No 'unsafe-eval'. 'self' in connect-src
 * also admits the WebSocket subscriptions use (ws: or wss: to this same host, CSP Level 3).
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src data:",
    "font-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
