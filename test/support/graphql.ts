/** A GraphQL answer as a test reads it, with the HTTP status. */
export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown> & { code?: string; field?: string };
  }>;
}

/** The one way tests send GraphQL over HTTP: a JSON POST, as a browser app or a router would. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: object,
  headers?: Record<string, string>,
  /** Request extensions, e.g. an automatic persisted query's hash. */
  extensions?: object,
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables, extensions }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
