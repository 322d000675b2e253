import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

export const JAVASCRIPT = "text/javascript; charset=utf-8";
export const CSS = "text/css; charset=utf-8";

/** A file the GraphiQL page loads from this host, held in memory from start-up. */
export interface StaticAsset {
  /** Its file name under `/graphiql/assets/`. */
  name: string;
  contentType: string;
  body: Buffer;
  /** A content hash: the page's cache-busting `?v=` and the ETag. */
  version: string;
}

interface PackageFile {
  name: string;
  packageName: string;
  /** The file's path inside the package. */
  file: string;
  contentType: string;
}

/**
 * The browser builds GraphiQL needs, straight from the installed packages. The GraphiQL UMD
 * bundle carries graphql-js and CodeMirror and expects `React` and `ReactDOM` as globals.
 * graphql-ws's UMD build (the `graphqlWs` global) is the client the page subscribes with: the
 * same library, and version, the gateway's WebSocket server runs.
 */
const PACKAGE_FILES = {
  react: {
    name: "react.js",
    packageName: "react",
    file: "umd/react.production.min.js",
    contentType: JAVASCRIPT,
  },
  reactDom: {
    name: "react-dom.js",
    packageName: "react-dom",
    file: "umd/react-dom.production.min.js",
    contentType: JAVASCRIPT,
  },
  graphiqlScript: {
    name: "graphiql.js",
    packageName: "graphiql",
    file: "dist/index.umd.js",
    contentType: JAVASCRIPT,
  },
  graphiqlStyles: {
    name: "graphiql.css",
    packageName: "graphiql",
    file: "dist/style.css",
    contentType: CSS,
  },
  graphqlWs: {
    name: "graphql-ws.js",
    packageName: "graphql-ws",
    file: "umd/graphql-ws.min.js",
    contentType: JAVASCRIPT,
  },
} satisfies Record<string, PackageFile>;

export type PackageAssets = Record<keyof typeof PACKAGE_FILES, StaticAsset>;

/**
 * Resolves through Node's module resolution (not a path relative to this file), so it finds
 * the same packages from `src/`, from `dist/` and from a production `npm ci --omit=dev` install.
 * A missing package fails start-up rather than the first page view.
 */
export function loadPackageAssets(): PackageAssets {
  const require = createRequire(import.meta.url);
  const load = ({ name, packageName, file, contentType }: PackageFile) => {
    const packageDir = path.dirname(require.resolve(`${packageName}/package.json`));
    return assetFrom(name, contentType, readFileSync(path.join(packageDir, file)));
  };
  return Object.fromEntries(
    Object.entries(PACKAGE_FILES).map(([key, packageFile]) => [key, load(packageFile)]),
  ) as PackageAssets;
}

export function assetFrom(name: string, contentType: string, body: Buffer | string): StaticAsset {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const version = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  return { name, contentType, body: bytes, version };
}

const gzipped = new WeakMap<StaticAsset, Promise<Buffer>>();

/**
 * Serves an asset for a year: the page always asks for `?v=<content hash>`, so a new version
 * is a new URL. Compressed on first request (GraphiQL's bundle shrinks from about 1 MB to a
 * third) and kept.
 */
export async function sendAsset(
  req: IncomingMessage,
  res: ServerResponse,
  asset: StaticAsset,
): Promise<void> {
  const etag = `"${asset.version}"`;
  res.setHeader("content-type", asset.contentType);
  res.setHeader("cache-control", "public, max-age=31536000, immutable");
  res.setHeader("etag", etag);
  res.setHeader("vary", "accept-encoding");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("cross-origin-resource-policy", "same-origin");
  if (req.headers["if-none-match"] === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  let body = asset.body;
  if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    let compressed = gzipped.get(asset);
    if (!compressed) {
      compressed = gzipAsync(asset.body);
      gzipped.set(asset, compressed);
    }
    body = await compressed;
    res.setHeader("content-encoding", "gzip");
  }
  res.setHeader("content-length", body.length);
  res.statusCode = 200;
  res.end(req.method === "HEAD" ? undefined : body);
}
