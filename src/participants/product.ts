import type { EntityResolver } from "../graphql/entity.js";
import type { ParamTable } from "../params/param.js";
import type { ProductCallbacks } from "./callbacks.js";
import type { AddSpec } from "./resolvers/add-mutation.js";

/** A type-graphql class: a resolver, or a type the schema must know. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type SchemaClass = Function;

/**
 * Everything the rest of the gateway needs to know about one Twilio product: the schema is
 * built from its resolvers and types, the unified `addParticipant`, the explorer and the callback
 * routes iterate it.
 * A product is one folder under `participants/` that exports one of these, plus one line in
 * `registry.ts`.
 */
export interface ParticipantProduct {
  /** The product's field in the unified `AddParticipantInput` (`conference`). */
  name: string;
  /** Its queries, mutations and parent-entity fields. */
  resolvers: readonly SchemaClass[];
  /** Types reached only through `_entities`: nothing in Query or Mutation refers to them. */
  orphanedTypes: readonly SchemaClass[];
  /** How a router's entity representations become participants (or parents). */
  entities: readonly EntityResolver[];
  /** What the unified `addParticipant` sends for this kind, if participants can be added. */
  add?: AddSpec<ParamTable, object>;
  /** How Twilio calls back about its participants, for products it does (Voice, Conversations). */
  callbacks?: ProductCallbacks;
  /** The explorer opens with this operation, with these arguments (they work on the simulator). */
  explorer?: { field: string; arguments: Record<string, unknown> };
}
