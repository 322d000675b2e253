/** One answer of the gateway, with what idempotency tests compare: status, headers, body. */
export interface KeyedAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: {
    data?: Record<string, unknown> | null;
    errors?: Array<{
      message: string;
      path?: Array<string | number>;
      extensions?: Record<string, unknown>;
    }>;
  };
}

/**
 * POSTs a GraphQL operation with an `Idempotency-Key` (or none, when `key` is undefined), and
 * any other headers.
 */
export async function postKeyed(
  graphqlUrl: string,
  key: string | undefined,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<KeyedAnswer> {
  const response = await fetch(graphqlUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key === undefined ? {} : { "idempotency-key": key }),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}
