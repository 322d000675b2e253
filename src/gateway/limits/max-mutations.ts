import { GraphQLError, OperationTypeNode, type ValidationRule } from "graphql";
import { fieldsOf, operationLabel } from "./selections.js";

/**
 * At most `maxMutations` mutation fields per operation (`GRAPHQL_MAX_MUTATIONS`): each add
 * dials a phone, joins a call or messages a person. Counted as they execute: one per response
 * key (aliases count, fields in fragments count; a field repeated under one key runs once),
 * `__typename` aside.
 */
export function maxMutationsRule(maxMutations: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      if (operation.operation !== OperationTypeNode.MUTATION) return;
      const keys = new Set(
        fieldsOf(context, operation.selectionSet)
          .filter((field) => field.name.value !== "__typename")
          .map((field) => (field.alias ?? field.name).value),
      );
      if (keys.size > maxMutations) {
        context.reportError(
          new GraphQLError(
            `${operationLabel(operation.name)} has ${keys.size} mutation fields; at most ${maxMutations} are allowed in one request (GRAPHQL_MAX_MUTATIONS)`,
            { nodes: operation },
          ),
        );
      }
    },
  });
}
