import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/index.js";
import { mapSchema, MapperKind, printSchemaWithDirectives } from "@graphql-tools/utils";
import {
  GraphQLInputObjectType,
  type GraphQLSchema,
  lexicographicSortSchema,
  parse,
} from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { GatewayInfoResolver } from "./gateway-info.js";
import { conferenceParticipantEntity } from "../participants/conference/entity.js";
import {
  Conference,
  conferenceEntity,
  ConferenceResolver,
} from "../participants/conference/parent.js";
import { ConferenceParticipantResolver } from "../participants/conference/resolver.js";
import { conversationParticipantEntity } from "../participants/conversation/entity.js";
import {
  Conversation,
  conversationEntity,
  ConversationResolver,
} from "../participants/conversation/parent.js";
import { ConversationParticipantResolver } from "../participants/conversation/resolver.js";
import type { EntityResolver } from "../graphql/entity.js";
import { interactionParticipantEntity } from "../participants/interaction/entity.js";
import {
  InteractionChannel,
  interactionChannelEntity,
  InteractionChannelResolver,
} from "../participants/interaction/parent.js";
import { InteractionParticipantResolver } from "../participants/interaction/resolver.js";
import { proxyParticipantEntity } from "../participants/proxy/entity.js";
import {
  ProxySession,
  proxySessionEntity,
  ProxySessionResolver,
} from "../participants/proxy/parent.js";
import { ProxyParticipantResolver } from "../participants/proxy/resolver.js";
import { AddParticipantResolver } from "../participants/unified/resolver.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const RESOLVERS: NonEmptyArray<Function> = [
  GatewayInfoResolver,
  ConferenceParticipantResolver,
  ConversationParticipantResolver,
  ProxyParticipantResolver,
  InteractionParticipantResolver,
  AddParticipantResolver,
  // Parent entities: what other subgraphs reference to reach a parent's participants.
  ConferenceResolver,
  ConversationResolver,
  ProxySessionResolver,
  InteractionChannelResolver,
];

/** How a router turns an entity representation into a participant (see each kind's entity.ts). */
const ENTITIES: ReadonlyArray<EntityResolver> = [
  conferenceParticipantEntity,
  conversationParticipantEntity,
  proxyParticipantEntity,
  interactionParticipantEntity,
  conferenceEntity,
  conversationEntity,
  proxySessionEntity,
  interactionChannelEntity,
];

/** Input objects that take exactly one of their fields (GraphQL's `@oneOf`). */
const ONE_OF_INPUTS = new Set<string>(["AddParticipantInput"]);

/** The Federation 2 features this subgraph uses. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/**
 * Federation's schema builder does not know graphql-js's built-in `@oneOf` and rejects the
 * printed SDL without its definition; with it, the rebuilt type is flagged `isOneOf` again.
 */
const ONE_OF_DIRECTIVE = "directive @oneOf on INPUT_OBJECT";

/**
 * Builds the schema from the type-graphql classes, then re-builds it as an Apollo Federation 2
 * subgraph (adding `_service`, `_entities` and the `@key` entities) so the same schema serves
 * frontends directly and a router as one subgraph of a supergraph.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const typeGraphQLSchema = markOneOfInputs(
    await buildSchema({
      resolvers: RESOLVERS,
      // Reached only through `_entities`, so nothing in Query or Mutation refers to them.
      orphanedTypes: [Conference, Conversation, ProxySession, InteractionChannel],
      validate: false,
      skipCheck: true,
    }),
  );
  const typeDefs = parse(
    `${FEDERATION_LINK}\n${ONE_OF_DIRECTIVE}\n\n${printSchemaWithDirectives(typeGraphQLSchema)}`,
  );
  const resolvers: Record<string, object> = createResolversMap(typeGraphQLSchema);
  for (const entity of ENTITIES) {
    resolvers[entity.typeName] = {
      ...resolvers[entity.typeName],
      __resolveReference: entity.resolveReference,
    };
  }
  return buildSubgraphSchema({
    typeDefs,
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
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
