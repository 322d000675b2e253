import { firstIndexFrom, type Entry } from "./collection.js";
import { invalidParameter, pageSizeTooLarge } from "./errors.js";
import type { FormParams } from "./form.js";

const DEFAULT_PAGE_SIZE = 50;

/** A page token names a sequence number and a direction: "PA" pages after it, "PB" before it. */
interface PageToken {
  direction: "after" | "before";
  seq: number;
}

export interface PageQuery {
  size: number;
  page: number;
  token: PageToken | undefined;
  rawToken: string | undefined;
}

export function readPageQuery(query: FormParams, maxSize: number): PageQuery {
  const size = nonNegativeInteger(query, "PageSize") ?? DEFAULT_PAGE_SIZE;
  if (size < 1) throw invalidParameter("PageSize", String(size));
  if (size > maxSize) throw pageSizeTooLarge(maxSize);
  const rawToken = query.get("PageToken");
  return {
    size,
    page: nonNegativeInteger(query, "Page") ?? 0,
    token: rawToken === undefined ? undefined : decodeToken(rawToken),
    rawToken,
  };
}

function nonNegativeInteger(query: FormParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw invalidParameter(name, value);
  return Number(value);
}

function encodeToken(token: PageToken): string {
  const prefix = token.direction === "after" ? "PA" : "PB";
  return prefix + Buffer.from(String(token.seq)).toString("base64url");
}

function decodeToken(raw: string): PageToken {
  const direction = raw.startsWith("PA") ? "after" : raw.startsWith("PB") ? "before" : undefined;
  const digits = Buffer.from(raw.slice(2), "base64url").toString();
  // Re-encoding must give the same text, so that junk which happens to decode is refused too.
  if (
    direction === undefined ||
    !/^\d{1,15}$/.test(digits) ||
    encodeToken({ direction, seq: Number(digits) }) !== raw
  ) {
    throw invalidParameter("PageToken", raw);
  }
  return { direction, seq: Number(digits) };
}

export interface PageSlice<T> {
  items: T[];
  page: number;
  size: number;
  nextToken: string | undefined;
  previousToken: string | undefined;
  rawToken: string | undefined;
}

export function slicePage<T>(entries: readonly Entry<T>[], query: PageQuery): PageSlice<T> {
  const { size, token } = query;
  let start: number;
  let end: number;
  if (token === undefined) {
    start = Math.min(query.page * size, entries.length);
    end = Math.min(start + size, entries.length);
  } else if (token.direction === "after") {
    start = firstIndexFrom(entries, token.seq + 1);
    end = Math.min(start + size, entries.length);
  } else {
    end = firstIndexFrom(entries, token.seq);
    start = Math.max(0, end - size);
  }
  const first = entries[start];
  const last = entries[end - 1];
  return {
    items: entries.slice(start, end).map((entry) => entry.value),
    page: query.page,
    size,
    nextToken:
      end < entries.length && last !== undefined
        ? encodeToken({ direction: "after", seq: last.seq })
        : undefined,
    previousToken:
      start > 0
        ? encodeToken({ direction: "before", seq: first?.seq ?? entries[start - 1]!.seq + 1 })
        : undefined,
    rawToken: query.rawToken,
  };
}

function pageLink(
  path: string,
  filters: readonly [string, string][],
  size: number,
  page: number,
  token: string | undefined,
): string {
  const pairs: [string, string][] = [
    ...filters,
    ["PageSize", String(size)],
    ["Page", String(page)],
  ];
  if (token !== undefined) pairs.push(["PageToken", token]);
  return `${path}?${pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&")}`;
}

/** The v1 list shape: items under `key` plus a `meta` block of absolute URLs. */
export function v1Page<T, J>(
  key: string,
  listUrl: string,
  slice: PageSlice<T>,
  render: (item: T) => J,
): Record<string, unknown> {
  const { size, page } = slice;
  return {
    [key]: slice.items.map(render),
    meta: {
      page,
      page_size: size,
      first_page_url: pageLink(listUrl, [], size, 0, undefined),
      previous_page_url:
        slice.previousToken === undefined
          ? null
          : pageLink(listUrl, [], size, Math.max(page - 1, 0), slice.previousToken),
      url: pageLink(listUrl, [], size, page, slice.rawToken),
      next_page_url:
        slice.nextToken === undefined
          ? null
          : pageLink(listUrl, [], size, page + 1, slice.nextToken),
      key,
    },
  };
}

/** The 2010 list shape: flat paging fields with URIs relative to the API host. */
export function v2010Page<T, J>(
  key: string,
  listUri: string,
  filters: readonly [string, string][],
  slice: PageSlice<T>,
  render: (item: T) => J,
): Record<string, unknown> {
  const { size, page, items } = slice;
  const start = page * size;
  return {
    [key]: items.map(render),
    first_page_uri: pageLink(listUri, filters, size, 0, undefined),
    next_page_uri:
      slice.nextToken === undefined
        ? null
        : pageLink(listUri, filters, size, page + 1, slice.nextToken),
    previous_page_uri:
      slice.previousToken === undefined
        ? null
        : pageLink(listUri, filters, size, Math.max(page - 1, 0), slice.previousToken),
    uri: pageLink(listUri, filters, size, page, slice.rawToken),
    page,
    page_size: size,
    start,
    end: items.length === 0 ? start : start + items.length - 1,
  };
}
