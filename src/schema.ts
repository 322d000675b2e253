import { mapSchema, MapperKind } from "@graphql-tools/utils";
import {
  GraphQLInputObjectType,
  type GraphQLSchema,
  lexicographicSortSchema,
  printSchema,
} from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { ConferenceParticipantResolver } from "./participants/conference/resolver.js";
import { GatewayInfoResolver } from "./gateway-info.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const RESOLVERS: NonEmptyArray<Function> = [GatewayInfoResolver, ConferenceParticipantResolver];

/** Input objects that take exactly one of their fields (GraphQL's `@oneOf`). */
const ONE_OF_INPUTS = new Set<string>(["AddParticipantInput"]);

export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: RESOLVERS, validate: false });
  return markOneOfInputs(schema);
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
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
