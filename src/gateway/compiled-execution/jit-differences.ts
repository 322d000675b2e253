import {
  type DocumentNode,
  getNamedType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isAbstractType,
  isInputObjectType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

const AsyncFunction = (async () => {}).constructor;

/**
 * Why graphql-jit would run a document differently from graphql-js, if it would; such a
 * document runs on graphql-js. graphql-jit 0.8 does not know `@oneOf` (it would accept an
 * input naming two members), and it calls `resolveType` and `isTypeOf` synchronously (a promise
 * from them would be taken for the type's name or for `true`): type-graphql makes every
 * interface's `resolveType` an async function.
 */
export function jitDifference(schema: GraphQLSchema, document: DocumentNode): string | undefined {
  const typeInfo = new TypeInfo(schema);
  let difference: string | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument() {
        const type = typeInfo.getInputType();
        if (type && reachesOneOf(getNamedType(type))) {
          difference = "a @oneOf input";
          return false;
        }
        return undefined;
      },
      Field() {
        const type = typeInfo.getType();
        const named = type && getNamedType(type);
        if (named && resolvesTypeAsynchronously(schema, named)) {
          difference = `${named.name} resolves its type asynchronously`;
          return false;
        }
        return undefined;
      },
    }),
  );
  return difference;
}

function reachesOneOf(type: GraphQLNamedType, seen = new Set<GraphQLNamedType>()): boolean {
  if (!isInputObjectType(type) || seen.has(type)) return false;
  if (type.isOneOf) return true;
  seen.add(type);
  return Object.values(type.getFields()).some((field) =>
    reachesOneOf(getNamedType(field.type), seen),
  );
}

function resolvesTypeAsynchronously(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  if (isObjectType(type)) return type.isTypeOf instanceof AsyncFunction;
  if (!isAbstractType(type)) return false;
  return (
    // Without one, graphql-jit's default type resolver fails differently from graphql-js's.
    !type.resolveType ||
    type.resolveType instanceof AsyncFunction ||
    schema.getPossibleTypes(type).some((possible) => possible.isTypeOf instanceof AsyncFunction)
  );
}
