/**
 * Twilio's two list shapes: v1 APIs put paging in `meta` (absolute `next_page_url`), the 2010
 * API flattens it (`next_page_uri`, relative). Both carry the next page as query parameters
 * `Page` and an opaque `PageToken`, which is all we keep: the URL itself is never followed, so
 * an answer cannot redirect us to another host or resource.
 */
import type { FormParams } from "./form.js";

/** Which page of a Twilio list to read. */
export interface PageRequest {
  pageSize: number;
  page: number;
  pageToken: string | undefined;
}

/** The query parameters every Twilio list takes, in the order the SDKs send them. */
export function pageQuery(page: PageRequest): FormParams {
  return [
    ["PageSize", page.pageSize],
    ["Page", page.page],
    ["PageToken", page.pageToken],
  ];
}

export interface NextPage {
  page: number;
  pageToken: string | undefined;
}

export interface TwilioPage<T> {
  items: T[];
  next: NextPage | null;
}

export function readTwilioPage<T>(
  body: Record<string, unknown> | undefined,
  listKey: string,
  mapItem: (json: Record<string, unknown>) => T,
): TwilioPage<T> {
  const raw = body?.[listKey];
  const items = Array.isArray(raw)
    ? raw.map((item) => mapItem(item as Record<string, unknown>))
    : [];
  const meta = body?.meta as Record<string, unknown> | undefined;
  const nextLink = meta ? meta.next_page_url : body?.next_page_uri;
  return { items, next: typeof nextLink === "string" ? parseNextLink(nextLink) : null };
}

function parseNextLink(link: string): NextPage | null {
  let url: URL;
  try {
    url = new URL(link, "https://twilio.invalid");
  } catch {
    return null;
  }
  const page = Number(url.searchParams.get("Page"));
  const pageToken = url.searchParams.get("PageToken") ?? undefined;
  if (!Number.isInteger(page) || page < 0) return null;
  return { page, pageToken };
}
