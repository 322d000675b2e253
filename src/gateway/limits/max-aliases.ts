import { GraphQLError, type ValidationRule } from "graphql";
import { measureSelections, operationLabel, type SelectionMeasure } from "./selections.js";

/** Every alias that executes counts; aliases of `__typename` cost nothing and are free. */
const ALIASES: SelectionMeasure = {
  field: (field, inner) => (field.alias && field.name.value !== "__typename" ? 1 : 0) + inner(),
  combine: (a, b) => a + b,
};

/**
 * At most `maxAliases` aliases per operation (`GRAPHQL_MAX_ALIASES`): aliases are how one
 * document asks for the same Twilio resource many times.
 */
export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const aliases = measureSelections(context, operation.selectionSet, ALIASES);
      if (aliases > maxAliases) {
        context.reportError(
          new GraphQLError(
            `${operationLabel(operation.name)} has ${aliases} aliases; at most ${maxAliases} are allowed (GRAPHQL_MAX_ALIASES)`,
            { nodes: operation },
          ),
        );
      }
    },
  });
}
