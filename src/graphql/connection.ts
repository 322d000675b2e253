import { ArgsType, Directive, Field, Int, ObjectType } from "type-graphql";
import { InputValidationError } from "../errors/gateway-errors.js";
import type { NextPage, PageRequest, TwilioPage } from "../twilio/paging.js";
import { intRange } from "../validation/formats.js";
import { collectIssues } from "../validation/rules.js";

/**
 * Relay's `PageInfo`, all four fields as the Relay connection spec defines them. `@shareable`:
 * every subgraph of a supergraph that pages the Relay way declares the same type, and Federation
 * merges them only when each one says it may be shared.
 */
@Directive("@shareable")
@ObjectType({ description: "Relay paging information (forward paging: `first` and `after`)." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more edges follow `endCursor`." })
  hasNextPage: boolean;

  @Field(() => Boolean, {
    description:
      "Whether edges come before this page: true when it was asked for with `after` (the " +
      "cursor follows at least one edge), false for the first page. Paging is forward only.",
  })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The first edge's cursor; null when the page has no edges.",
  })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The last edge's cursor; when the page has no edges, the `after` it was asked with (or null).",
  })
  endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: "How many participants to return (default 50).",
  })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: "An `endCursor` (or edge cursor) from a previous page.",
  })
  after?: string;
}

/**
 * Checks a list's own arguments and its `first` together, so that every issue is reported at
 * once and nothing is sent; `loadConnection` checks `first` again for lists that skip this.
 */
export function assertValidListArgs(
  filterType: abstract new (...args: never[]) => unknown,
  filter: object,
  paging: ConnectionArgs,
  maxPageSize: number,
): void {
  const issues = collectIssues(filterType, filter, "");
  const firstIssue = paging.first == null ? undefined : intRange(1, maxPageSize)(paging.first);
  if (firstIssue !== undefined) issues.push({ field: "first", message: firstIssue });
  if (issues.length > 0) throw new InputValidationError(issues);
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Array<Edge<T>>;
  pageInfo: PageInfo;
}

/** One connection type per node type, made on first use: type-graphql needs a class per type. */
const connections = new WeakMap<object, new () => Connection<unknown>>();

/**
 * `<Node>Connection` (with `<Node>Edge`) for a node type: what a list of it returns, the same
 * class wherever the list is served (a query, a parent entity's field).
 */
export function connectionOf<T>(node: new () => T): new () => Connection<T> {
  let type = connections.get(node);
  if (!type) {
    @ObjectType(`${node.name}Edge`)
    class EdgeType {
      @Field(() => String)
      cursor: string;

      @Field(() => node)
      node: T;
    }

    @ObjectType(`${node.name}Connection`)
    class ConnectionType {
      @Field(() => [EdgeType])
      edges: EdgeType[];

      @Field(() => PageInfo)
      pageInfo: PageInfo;
    }
    type = ConnectionType as new () => Connection<unknown>;
    connections.set(node, type);
  }
  return type as new () => Connection<T>;
}

/** Where a list resumes: a Twilio page (token + index + size) and how many of it to skip. */
interface CursorPosition {
  /** The list this cursor belongs to: account plus parent SIDs (and filters). */
  scope: string;
  page: number;
  pageToken: string | undefined;
  pageSize: number;
  skip: number;
}

function encodeCursor(position: CursorPosition): string {
  const { scope, page, pageToken, pageSize, skip } = position;
  return Buffer.from(JSON.stringify([scope, page, pageToken ?? null, pageSize, skip])).toString(
    "base64url",
  );
}

function decodeCursor(cursor: string, scope: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === 5 &&
    typeof parsed[0] === "string" &&
    Number.isInteger(parsed[1]) &&
    (parsed[2] === null || typeof parsed[2] === "string") &&
    Number.isInteger(parsed[3]) &&
    Number.isInteger(parsed[4]);
  if (!valid)
    throw new InputValidationError([{ field: "after", message: "is not a cursor from this API" }]);
  const [cursorScope, page, pageToken, pageSize, skip] = parsed as [
    string,
    number,
    string | null,
    number,
    number,
  ];
  // The token alone cannot reach another list (we rebuild the path from the arguments), but a
  // cursor used against another list would silently page through the wrong thing.
  if (cursorScope !== scope) {
    throw new InputValidationError([
      { field: "after", message: "belongs to another list (other account, parent or filters)" },
    ]);
  }
  return { scope, page, pageToken: pageToken ?? undefined, pageSize, skip };
}

export const DEFAULT_PAGE_SIZE = 50;
const END_OF_LIST = -1;

/**
 * Serves one Relay page from Twilio's token paging. Every edge gets a cursor that resumes
 * right after it: the Twilio page it came from plus an offset, or the next Twilio page when it
 * is the last of its page.
 */
export async function loadConnection<T>(options: {
  args: ConnectionArgs;
  scope: string;
  maxPageSize: number;
  fetchPage: (request: PageRequest) => Promise<TwilioPage<T>>;
}): Promise<Connection<T>> {
  const { args, scope, maxPageSize, fetchPage } = options;
  const first = args.first ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw new InputValidationError([
      { field: "first", message: `must be an integer from 1 to ${maxPageSize}` },
    ]);
  }
  const start = args.after
    ? decodeCursor(args.after, scope)
    : { scope, page: 0, pageToken: undefined, pageSize: first, skip: 0 };
  if (start.page === END_OF_LIST) return { edges: [], pageInfo: pageInfo([], args, false) };
  // Resuming inside a page must re-read it with the size it was read with, or offsets shift.
  const pageSize = start.skip > 0 ? start.pageSize : first;
  const result = await fetchPage({ pageSize, page: start.page, pageToken: start.pageToken });

  const remaining = result.items.slice(start.skip);
  const taken = remaining.slice(0, first);
  const edges = taken.map((node, i): Edge<T> => {
    const offset = start.skip + i + 1;
    const endOfPage = offset >= result.items.length;
    // Encoded when asked for: most clients read only `pageInfo.endCursor` of a page.
    return {
      node,
      get cursor() {
        return endOfPage
          ? nextPageCursor(scope, result.next, pageSize)
          : encodeCursor({
              scope,
              page: start.page,
              pageToken: start.pageToken,
              pageSize,
              skip: offset,
            });
      },
    };
  });
  const hasNextPage = remaining.length > taken.length || result.next !== null;
  return { edges, pageInfo: pageInfo(edges, args, hasNextPage) };
}

function pageInfo(edges: ReadonlyArray<Edge<unknown>>, args: ConnectionArgs, hasNextPage: boolean) {
  return {
    hasNextPage,
    // Every cursor this API hands out follows an edge, so a page asked for with one has edges
    // before it (the Relay spec lets forward paging say so when it can tell cheaply).
    hasPreviousPage: Boolean(args.after),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? args.after ?? null,
  };
}

function nextPageCursor(scope: string, next: NextPage | null, pageSize: number): string {
  // At the end of the list the cursor points at an empty page; resuming there yields nothing.
  return encodeCursor({
    scope,
    page: next?.page ?? END_OF_LIST,
    pageToken: next?.pageToken,
    pageSize,
    skip: 0,
  });
}
