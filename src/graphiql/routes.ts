import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logging/logger.js";
import { assetFrom, CSS, JAVASCRIPT, loadPackageAssets } from "./assets.js";
import { loadDefaultDocument } from "./default-document.js";
import { PAGE_STYLES, sendPage } from "./page.js";
import { isForPage, type SelfHostedPage, serveSelfHostedPage } from "./self-hosted-page.js";
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
  const page: SelfHostedPage = {
    path: PAGE_PATH,
    assetPrefix: ASSET_PREFIX,
    asset: (name) => assets.get(name),
    // Also what a browser opening /graphql gets.
    sendPage: (res, headOnly) => sendPage(res, pageAssets, document, headOnly),
  };

  return {
    handles(req, url) {
      return isForPage(url, page) || (url.pathname === "/graphql" && isBrowserNavigation(req, url));
    },
    serve(req, res, url) {
      return serveSelfHostedPage(req, res, url, page);
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
