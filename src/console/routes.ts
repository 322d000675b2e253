import type { IncomingMessage, ServerResponse } from "node:http";
import type { TrustedDocuments } from "../gateway/trusted-documents/trusted-documents.js";
import {
  isForPage,
  type SelfHostedPage,
  serveSelfHostedPage,
} from "../graphiql/self-hosted-page.js";
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
  // Each file's URL names the version of them all: a new release is never served from cache.
  const versionPrefix = `${assets.version}/`;
  const page: SelfHostedPage = {
    path: PAGE_PATH,
    assetPrefix: ASSET_PREFIX,
    asset: (name) =>
      name.startsWith(versionPrefix)
        ? assets.files.get(name.slice(versionPrefix.length))
        : undefined,
    sendPage: (res, headOnly) => sendConsolePage(res, html, headOnly),
  };

  return {
    handles: (url) => isForPage(url, page),
    serve(req, res, url) {
      return serveSelfHostedPage(req, res, url, page);
    },
  };
}
