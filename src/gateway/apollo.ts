import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { GatewayContext } from "../graphql/context.js";
import type { Logger } from "../logging/logger.js";
import type { GatewayMetrics } from "../metrics/gateway-metrics.js";
import { compiledExecutionGateway } from "./compiled-execution/gateway.js";
import { type DocumentLimits, documentLimitOptions } from "./limits/document-limits.js";
import { metricsPlugin } from "./plugins/metrics.js";
import { createErrorFormatter, expandInputIssuesPlugin } from "./plugins/error-format.js";
import { noHttpSubscriptionsPlugin } from "./plugins/no-http-subscriptions.js";
import { requestLogPlugin } from "./plugins/request-log.js";
import { tracingPlugin } from "./plugins/tracing.js";

export interface ApolloOptions {
  schema: GraphQLSchema;
  logger: Logger;
  introspection: boolean;
  /** How large one document may be: refused with HTTP 400 before anything runs. */
  limits: DocumentLimits;
  /** Counted by a plugin; without it nothing is counted. */
  metrics?: GatewayMetrics;
  /** Whether spans are exported: only then does a plugin name and end the operation's span. */
  tracing: boolean;
}

/**
 * Apollo Server with the gateway's plugins, error shaping and no work nobody reads; operations
 * run compiled by graphql-jit (`compiled-execution/`).
 */
export async function startApollo(options: ApolloOptions): Promise<ApolloServer<GatewayContext>> {
  const { schema, logger, introspection, metrics, tracing } = options;
  const apollo = new ApolloServer<GatewayContext>({
    gateway: compiledExecutionGateway({
      schema,
      logger,
      countExecution: metrics?.countGraphQLExecution,
    }),
    ...documentLimitOptions(options.limits),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection,
    // Shutdown is ours (main.ts): Apollo's own handler would stop Apollo and re-raise the signal
    // while requests are still in flight, killing the process before they are answered.
    stopOnTerminationSignals: false,
    // Compact JSON: Apollo's default pretty-prints every response, which costs CPU and bytes
    // on each request for the benefit of nobody reading it raw.
    stringifyResult: (result) => JSON.stringify(result),
    logger,
    // Each plugin costs every request its hooks: those whose work nobody reads are left out.
    plugins: [
      ...(logger.isLevelEnabled("info") ? [requestLogPlugin] : []),
      noHttpSubscriptionsPlugin,
      expandInputIssuesPlugin,
      // After expandInputIssuesPlugin, so the span records the codes the client receives.
      ...(tracing ? [tracingPlugin] : []),
      // After expandInputIssuesPlugin, so errors are counted as the client receives them.
      ...(metrics ? [metricsPlugin(metrics)] : []),
      ApolloServerPluginInlineTraceDisabled(),
      // Twilio data is never HTTP-cacheable, and the plugin wraps every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  return apollo;
}
