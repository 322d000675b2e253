import { GraphQLError, type ValidationRule } from "graphql";
import { measureSelections, operationLabel, type SelectionMeasure } from "./selections.js";

/**
 * Introspection (`__schema`, `__type`, `__typename`) is not counted: GraphiQL's own
 * introspection query is 15 levels deep, and graphql-js's MaxIntrospectionDepthRule bounds the
 * introspection cycles that would be costly.
 */
const DEPTH: SelectionMeasure = {
  field: (field, inner) => (field.name.value.startsWith("__") ? 0 : 1 + inner()),
  combine: Math.max,
};

/** At most `maxDepth` nested field levels per operation (`GRAPHQL_MAX_DEPTH`). */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const depth = measureSelections(context, operation.selectionSet, DEPTH);
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(
            `${operationLabel(operation.name)} is ${depth} levels deep; at most ${maxDepth} are allowed (GRAPHQL_MAX_DEPTH)`,
            { nodes: operation },
          ),
        );
      }
    },
  });
}
