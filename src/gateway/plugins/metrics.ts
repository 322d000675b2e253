import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayMetrics } from "../../metrics/gateway-metrics.js";
import { responseErrorCodes } from "./response-errors.js";
import { firstRootField } from "./root-field.js";

/**
 * Counts each GraphQL request, its errors and its duration. Install it after the plugins that
 * rewrite the errors (expandInputIssuesPlugin) so it counts what the client receives.
 */
export function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, document, response }) {
          const seconds = (performance.now() - started) / 1000;
          const codes = responseErrorCodes(response);
          // Parse and validation failures end before an operation is resolved.
          const resolved = operation !== undefined && document !== undefined;
          metrics.observeGraphQLRequest(
            resolved ? operation.operation : "unknown",
            resolved ? firstRootField(operation, document) : "unknown",
            codes.length > 0,
            seconds,
          );
          for (const code of codes) metrics.countGraphQLError(code);
        },
      };
    },
  };
}
