import type { IncomingMessage, ServerResponse } from "node:http";
import type { TrustedDocuments } from "../gateway/trusted-documents/trusted-documents.js";
import { sendAsset } from "../graphiql/assets.js";
import { loadConsoleAssets } from "./assets.js";
import { consolePage, sendConsolePage } from "./page.js";

const PAGE_PATH = "/console";
const ASSET_PREFIX = "/console/assets/";
/** The console's operations in schema/operations/console.graphql are all named so. */
const CONSOLE_OPERATION = /^Console[A-Z]/;

export interface ConsoleRoutes {
  /** Whether this request is for the page or one of its assets. */
  handles(url: URL): boolean;
  serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

/**
 * The live participant console: one page and its files, all served by the gateway (no CDN),
 * built once at start-up. The page names its operations by the trusted documents' ids.
 */
export function createConsoleRoutes(trustedDocuments: TrustedDocuments): ConsoleRoutes {
  const assets = loadConsoleAssets();
  const operations = Object.fromEntries(
    trustedDocuments.manifest.operations
      .filter((entry) => CONSOLE_OPERATION.test(entry.name))
      .map((entry) => [entry.name, entry.id]),
  );
  const html = Buffer.from(consolePage(assets, operations), "utf8");
  const assetPrefix = `${ASSET_PREFIX}${assets.version}/`;

  return {
    handles(url) {
      return (
        url.pathname === PAGE_PATH ||
        url.pathname === `${PAGE_PATH}/` ||
        url.pathname.startsWith(ASSET_PREFIX)
      );
    },
    async serve(req, res, url) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.statusCode = 405;
        res.setHeader("allow", "GET, HEAD");
        res.end();
        return;
      }
      if (url.pathname === `${PAGE_PATH}/`) {
        // The page's links are relative to /console; under /console/ they would miss.
        res.statusCode = 308;
        res.setHeader("location", PAGE_PATH + url.search);
        res.end();
        return;
      }
      if (url.pathname === PAGE_PATH) {
        sendConsolePage(res, html, req.method === "HEAD");
        return;
      }
      const file = url.pathname.startsWith(assetPrefix)
        ? assets.files.get(url.pathname.slice(assetPrefix.length))
        : undefined;
      if (!file) {
        res.statusCode = 404;
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.end("Not found");
        return;
      }
      await sendAsset(req, res, file);
    },
  };
}
