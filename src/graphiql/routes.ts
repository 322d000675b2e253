import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logging/logger.js";
import { assetFrom, CSS, JAVASCRIPT, loadPackageAssets, sendAsset } from "./assets.js";
import { loadDefaultDocument } from "./default-document.js";
import { PAGE_STYLES, sendPage } from "./page.js";
import { START_SCRIPT } from "./start-script.js";

const PAGE_PATH = "/graphiql";
const ASSET_PREFIX = "/graphiql/assets/";

export interface GraphiQLRoutes {
  /** Whether this request is for the page or one of its assets. */
  handles(req: IncomingMessage, url: URL): boolean;
  serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

/**
 * GraphiQL served entirely by the gateway: no CDN, so it works offline and behind firewalls.
 * Everything is read once at start-up.
 */
export function createGraphiQLRoutes(logger: Logger): GraphiQLRoutes {
  const { react, reactDom, graphiqlScript, graphiqlStyles, graphqlWs } = loadPackageAssets();
  const pageAssets = {
    stylesheets: [graphiqlStyles, assetFrom("page.css", CSS, PAGE_STYLES)],
    scripts: [
      react,
      reactDom,
      graphiqlScript,
      graphqlWs,
      assetFrom("start.js", JAVASCRIPT, START_SCRIPT),
    ],
  };
  const assets = new Map(
    [...pageAssets.stylesheets, ...pageAssets.scripts].map((asset) => [asset.name, asset]),
  );
  const document = loadDefaultDocument(logger);

  return {
    handles(req, url) {
      return (
        url.pathname === PAGE_PATH ||
        url.pathname === `${PAGE_PATH}/` ||
        url.pathname.startsWith(ASSET_PREFIX) ||
        (url.pathname === "/graphql" && isBrowserNavigation(req, url))
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
        // The page's links are relative to /graphiql; under /graphiql/ they would miss.
        res.statusCode = 308;
        res.setHeader("location", PAGE_PATH + url.search);
        res.end();
        return;
      }
      if (!url.pathname.startsWith(ASSET_PREFIX)) {
        sendPage(res, pageAssets, document, req.method === "HEAD");
        return;
      }
      const asset = assets.get(url.pathname.slice(ASSET_PREFIX.length));
      if (!asset) {
        res.statusCode = 404;
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.end("Not found");
        return;
      }
      await sendAsset(req, res, asset);
    },
  };
}

/**
 * A person opening `/graphql` in a browser gets GraphiQL. Anything carrying an operation
 * (`query`, or `extensions` for a persisted query) stays with the GraphQL endpoint, as does
 * every non-GET request, whatever it accepts.
 */
function isBrowserNavigation(req: IncomingMessage, url: URL): boolean {
  return (
    req.method === "GET" &&
    (req.headers.accept ?? "").includes("text/html") &&
    !url.searchParams.has("query") &&
    !url.searchParams.has("extensions")
  );
}
