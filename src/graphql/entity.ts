import type { GatewayContext } from "./context.js";

/**
 * A participant type's Federation `__resolveReference`: the router hands over the `@key`
 * fields, the resolver loads the participant through the request's DataLoaders so N
 * representations in one `_entities` call cost at most one upstream read each.
 */
export interface EntityResolver {
  typeName: string;
  resolveReference(
    representation: Record<string, unknown>,
    context: GatewayContext,
  ): Promise<unknown> | unknown;
}
