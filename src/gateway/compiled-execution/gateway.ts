import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  type GraphQLSchema,
  printSchema,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import type { Logger } from "../../logging/logger.js";
import type { GraphQLExecutor } from "../../metrics/gateway-metrics.js";
import { jitDifference } from "./jit-differences.js";
import { asGraphQLJsError } from "./located-errors.js";

/** Apollo Server's way of taking over execution (its "gateway" option). */
export type ExecutionGateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type Executor = NonNullable<Awaited<ReturnType<ExecutionGateway["load"]>>["executor"]>;
type SchemaListener = Parameters<ExecutionGateway["onSchemaLoadOrUpdate"]>[0];

/**
 * How one operation of one parsed document runs: compiled, on graphql-js for good, or on
 * graphql-js until it has run `RUNS_BEFORE_COMPILING` times (the count so far).
 */
type Plan = CompiledQuery | typeof GRAPHQL_JS | number;
const GRAPHQL_JS = Symbol("graphql-js");

/**
 * An operation is compiled when it runs again: compiling takes milliseconds, some ten times
 * parsing and validating the document, which one-off documents (an explorer's, or a flood of
 * distinct ones) must not pay. Documents clients send over and over are compiled at once.
 */
const RUNS_BEFORE_COMPILING = 1;

export interface CompiledExecutionOptions {
  schema: GraphQLSchema;
  logger: Logger;
  /** Told which executor ran each operation. */
  countExecution?: (executor: GraphQLExecutor) => void;
}

/**
 * Runs queries and mutations with graphql-jit, which compiles an operation once into a function
 * (variable coercion and field execution) instead of walking the document on every request as
 * graphql-js does; plugged into Apollo Server as its documented `gateway`, with a schema that
 * never changes. Apollo still parses, validates and caches documents and runs every plugin hook
 * but `willResolveField` (which none of the gateway's plugins use).
 *
 * graphql-js runs an operation's first run (see RUNS_BEFORE_COMPILING) and whatever graphql-jit
 * would run differently: a document graphql-jit cannot
 * compile or would execute differently (`jitDifference`), variables graphql-jit refuses
 * (graphql-js words the refusal as clients expect, before anything has run), and an operation
 * Apollo could not resolve.
 */
export function compiledExecutionGateway(options: CompiledExecutionOptions): ExecutionGateway {
  const listeners = new Set<SchemaListener>();
  const executor = compiledExecutor(options);
  return {
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      const { schema } = options;
      const loaded = {
        apiSchema: schema,
        // Read only by Apollo's schema reporting to GraphOS, which this gateway never installs.
        get coreSupergraphSdl() {
          return printSchema(schema);
        },
      };
      for (const listener of listeners) listener(loaded);
      return { executor };
    },
    async stop() {
      listeners.clear();
    },
  };
}

function compiledExecutor({ schema, logger, countExecution }: CompiledExecutionOptions): Executor {
  // Keyed by the parsed document Apollo keeps in its bounded document store: an entry goes
  // when Apollo drops the document.
  const plans = new WeakMap<DocumentNode, Map<string, Plan>>();

  function planFor(document: DocumentNode, operationName: string | undefined): Plan {
    let byOperation = plans.get(document);
    if (!byOperation) plans.set(document, (byOperation = new Map()));
    const key = operationName ?? "";
    let plan = byOperation.get(key) ?? 0;
    if (typeof plan === "number") {
      plan = plan < RUNS_BEFORE_COMPILING ? plan + 1 : compile(document, operationName);
      byOperation.set(key, plan);
    }
    return plan;
  }

  function compile(document: DocumentNode, operationName: string | undefined): Plan {
    const difference = jitDifference(schema, document);
    const compiled = difference
      ? undefined
      : compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
    if (compiled && isCompiledQuery(compiled)) return compiled;
    logger.debug(
      { operation: operationName ?? null, reason: difference ?? compiled?.errors?.[0]?.message },
      "operation runs on graphql-js",
    );
    return GRAPHQL_JS;
  }

  return async ({ document, operation, request, context }) => {
    const plan =
      operation && operation.operation !== "subscription"
        ? planFor(document, request.operationName)
        : GRAPHQL_JS;
    if (typeof plan === "object") {
      const result: ExecutionResult = await plan.query(undefined, context, request.variables);
      // Only a refusal of the variables comes without `data`.
      if ("data" in result) {
        countExecution?.("compiled");
        return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
      }
    }
    countExecution?.("graphql_js");
    return execute({
      schema,
      document,
      contextValue: context,
      variableValues: request.variables,
      operationName: request.operationName,
    });
  };
}
