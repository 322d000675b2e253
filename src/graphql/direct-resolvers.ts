import type { GraphQLFieldResolver } from "graphql";
import type { GatewayContext } from "./context.js";

/** Resolvers by type name, then field name, as graphql-js calls them. */
export type DirectResolvers = Readonly<
  Record<string, Readonly<Record<string, GraphQLFieldResolver<unknown, GatewayContext>>>>
>;

const registered = new WeakMap<object, DirectResolvers>();

/**
 * Has the fields a type-graphql resolver class declares resolved by `resolvers` instead of by
 * type-graphql, whose handler, on every call, sorts the parameters, rebuilds each input class's
 * field list, copies the arguments into class instances (60 fields and as many metadata lookups
 * for a conference add) and awaits the validation it has turned off. Classes made from param
 * tables need none of it: their resolvers read the plain objects graphql-js has coerced. The
 * class still declares each field (name, type, arguments, description) for the schema.
 */
export function resolvedDirectly<C extends object>(
  resolverClass: C,
  resolvers: DirectResolvers,
): C {
  registered.set(resolverClass, resolvers);
  return resolverClass;
}

/** The resolvers `resolvedDirectly` gave a class, if any. */
export function directResolversOf(resolverClass: object): DirectResolvers | undefined {
  return registered.get(resolverClass);
}
