import { type GraphQLError, locatedError } from "graphql";

/**
 * A field error from graphql-jit as graphql-js would have raised it, so Apollo, the plugins and
 * the error formatter see the same error either way. graphql-jit builds its own error objects:
 * without `extensions` when the thrown error had none (Apollo's normalization then fails on
 * them), and without `originalError` for its own errors (null in a non-null field), which
 * graphql-js raises as plain Errors. Like graphql-js, an error thrown with a `path` already is
 * kept as it is.
 */
export function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const thrown: unknown = error.originalError ?? new Error(error.message);
  const located = locatedError(thrown, undefined, error.path);
  // graphql-js locates an error at its field's nodes, which graphql-jit no longer has: their
  // locations are the same.
  if (located !== thrown && located.locations === undefined) {
    Object.assign(located, { locations: error.locations });
  }
  return located;
}
