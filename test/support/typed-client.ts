import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export interface TypedResult<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * Sends one of the generated documents (`schema/generated/operations.ts`, from
 * `schema/operations/*.graphql`) as a frontend would: data and variables are typed by codegen,
 * so an operation that drifts from the schema fails the typecheck, not just a test.
 */
export async function execute<TData, TVariables>(
  graphqlUrl: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<TypedResult<TData>> {
  const response = await fetch(graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as TypedResult<TData>;
}
