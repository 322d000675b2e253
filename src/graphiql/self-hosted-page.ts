import type { IncomingMessage, ServerResponse } from "node:http";
import { sendAsset, type StaticAsset } from "./assets.js";

/** A page the gateway serves itself, with its files, under one path (GraphiQL, the console). */
export interface SelfHostedPage {
  /** e.g. `/graphiql`; `/graphiql/` is redirected there: the page's links are relative to it. */
  path: string;
  /** e.g. `/graphiql/assets/`: a request under it is for a file, any other for the page. */
  assetPrefix: string;
  /** The file a name under `assetPrefix` stands for; undefined for a 404. */
  asset(name: string): StaticAsset | undefined;
  sendPage(res: ServerResponse, headOnly: boolean): void;
}

/** Whether a request is for the page (at its path, with or without a slash) or one of its files. */
export function isForPage(url: URL, page: SelfHostedPage): boolean {
  const { pathname } = url;
  return (
    pathname === page.path || pathname === `${page.path}/` || pathname.startsWith(page.assetPrefix)
  );
}

/**
 * Answers a request its routes took for the page: GET and HEAD only (405 otherwise), the page
 * itself, or one of its files (with the caching `sendAsset` gives them).
 */
export async function serveSelfHostedPage(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  page: SelfHostedPage,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.statusCode = 405;
    res.setHeader("allow", "GET, HEAD");
    res.end();
    return;
  }
  if (url.pathname === `${page.path}/`) {
    res.statusCode = 308;
    res.setHeader("location", page.path + url.search);
    res.end();
    return;
  }
  if (!url.pathname.startsWith(page.assetPrefix)) {
    page.sendPage(res, req.method === "HEAD");
    return;
  }
  const asset = page.asset(url.pathname.slice(page.assetPrefix.length));
  if (!asset) {
    res.statusCode = 404;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end("Not found");
    return;
  }
  await sendAsset(req, res, asset);
}

/** JSON that cannot end the surrounding <script> element or open an HTML comment. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
