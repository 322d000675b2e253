import type { GraphQLResponse } from "@apollo/server";

/** The `extensions.code` of each error in a response, as the client receives them. */
export function responseErrorCodes(response: GraphQLResponse): string[] {
  const body = response.body;
  const errors = body.kind === "single" ? body.singleResult.errors : body.initialResult.errors;
  return (errors ?? []).map((error) => {
    const code = error.extensions?.code;
    return typeof code === "string" ? code : "UNKNOWN";
  });
}
