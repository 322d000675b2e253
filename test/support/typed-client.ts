import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { type GraphQLResult, postGraphQL } from "./graphql.js";

/**
 * Sends one of the generated documents (`schema/generated/operations.ts`, from
 * `schema/operations/*.graphql`) as a frontend would: data and variables are typed by codegen,
 * so an operation that drifts from the schema fails the typecheck, not just a test.
 */
export async function execute<TData, TVariables extends object>(
  graphqlUrl: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<Omit<GraphQLResult<TData>, "status">> {
  const { status: _status, ...body } = await postGraphQL<TData>(
    graphqlUrl,
    print(document),
    variables,
  );
  return body;
}
