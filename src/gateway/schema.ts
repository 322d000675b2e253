import { buildSubgraphSchema } from "@apollo/subgraph";
import { mapSchema, MapperKind, printSchemaWithDirectives } from "@graphql-tools/utils";
import {
  GraphQLInputObjectType,
  type GraphQLSchema,
  isObjectType,
  lexicographicSortSchema,
  parse,
} from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { directResolversOf } from "../graphql/direct-resolvers.js";
import { ParticipantEventsResolver } from "../participants/events/subscription.js";
import type { SchemaClass } from "../participants/product.js";
import { PRODUCTS } from "../participants/registry.js";
import {
  ADD_PARTICIPANT_INPUT,
  AddParticipantResolver,
} from "../participants/unified/add-participant.js";
import { GatewayInfoResolver } from "./gateway-info.js";
import { type FieldResolvers, statingWriteOutcomes } from "./write-outcome.js";

/** Input objects that take exactly one of their fields (GraphQL's `@oneOf`). */
const ONE_OF_INPUTS = new Set<string>([ADD_PARTICIPANT_INPUT]);

/** The Federation 2 features this subgraph uses: entities, and `PageInfo` shared with others. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.4", import: ["@key", "@shareable"])';

/**
 * Federation's schema builder does not know graphql-js's built-in `@oneOf` and rejects the
 * printed SDL without its definition; with it, the rebuilt type is flagged `isOneOf` again.
 */
const ONE_OF_DIRECTIVE = "directive @oneOf on INPUT_OBJECT";

/**
 * type-graphql wants a PubSub as soon as there is a subscription, though it uses one only for
 * `topics`; every subscription here brings its own `subscribe` (the live-event bus).
 */
const NO_PUB_SUB = {
  publish(): never {
    throw new Error(
      "Subscriptions here have their own subscribe: nothing publishes through PubSub",
    );
  },
  subscribe(): never {
    throw new Error(
      "Subscriptions here have their own subscribe: nothing subscribes through PubSub",
    );
  },
};

/** `buildSubgraphSchema`'s resolver map: types by name, fields or `__resolveReference` by name. */
type SubgraphResolvers = Parameters<typeof buildSubgraphSchema>[0] extends infer A
  ? A extends { resolvers?: infer R }
    ? NonNullable<R>
    : never
  : never;

/**
 * Builds the schema from every registered product's type-graphql classes, then re-builds it as
 * an Apollo Federation 2 subgraph (adding `_service`, `_entities` and the `@key` entities) so
 * the same schema serves frontends directly and a router as one subgraph of a supergraph.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const resolverClasses: NonEmptyArray<SchemaClass> = [
    GatewayInfoResolver,
    AddParticipantResolver,
    ParticipantEventsResolver,
    ...PRODUCTS.flatMap((product) => product.resolvers),
  ];
  const typeGraphQLSchema = markOneOfInputs(
    await buildSchema({
      resolvers: resolverClasses,
      orphanedTypes: PRODUCTS.flatMap((product) => product.orphanedTypes),
      validate: false,
      skipCheck: true,
      pubSub: NO_PUB_SUB,
    }),
  );
  const typeDefs = parse(
    `${FEDERATION_LINK}\n${ONE_OF_DIRECTIVE}\n\n${printSchemaWithDirectives(typeGraphQLSchema)}`,
  );
  const resolvers: Record<string, object> = createResolversMap(typeGraphQLSchema);
  for (const resolverClass of resolverClasses) {
    for (const [typeName, fields] of Object.entries(directResolversOf(resolverClass) ?? {})) {
      const declared = typeGraphQLSchema.getType(typeName);
      for (const field of Object.keys(fields)) {
        if (!isObjectType(declared) || !declared.getFields()[field]) {
          throw new Error(`${resolverClass.name} resolves ${typeName}.${field}, not in the schema`);
        }
      }
      resolvers[typeName] = { ...resolvers[typeName], ...fields };
    }
  }
  resolvers.Mutation = statingWriteOutcomes(resolvers.Mutation as FieldResolvers);
  for (const entity of PRODUCTS.flatMap((product) => product.entities)) {
    resolvers[entity.typeName] = {
      ...resolvers[entity.typeName],
      __resolveReference: entity.resolveReference,
    };
  }
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as SubgraphResolvers });
}

/** type-graphql cannot declare `@oneOf`; graphql-js enforces it once the type is flagged. */
function markOneOfInputs(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.INPUT_OBJECT_TYPE]: (type) =>
      ONE_OF_INPUTS.has(type.name)
        ? new GraphQLInputObjectType({ ...type.toConfig(), isOneOf: true })
        : type,
  });
}

/** The checked-in `schema/schema.graphql`: sorted, so it only changes when the API does. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchemaWithDirectives(lexicographicSortSchema(schema))}\n`;
}
