import { MaxIntrospectionDepthRule, type ParseOptions, type ValidationRule } from "graphql";
import { maxAliasesRule } from "./max-aliases.js";
import { maxDepthRule } from "./max-depth.js";
import { maxMutationsRule } from "./max-mutations.js";

/** How large one GraphQL document may be; see the `GRAPHQL_MAX_*` variables. */
export interface DocumentLimits {
  maxTokens: number;
  maxMutations: number;
  maxAliases: number;
  maxDepth: number;
}

/**
 * Apollo Server options that refuse an oversized document with HTTP 400 before anything runs:
 * the parser stops at `maxTokens` (so a huge document costs no more than the limit), and the
 * validation rules refuse the rest. graphql-js's MaxIntrospectionDepthRule stops introspection
 * cycles such as `__type { fields { type { fields … } } }`.
 */
export function documentLimitOptions(limits: DocumentLimits): {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
} {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      maxMutationsRule(limits.maxMutations),
      maxAliasesRule(limits.maxAliases),
      maxDepthRule(limits.maxDepth),
      MaxIntrospectionDepthRule,
    ],
  };
}
