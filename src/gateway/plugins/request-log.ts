import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../../graphql/context.js";
import type { Logger } from "../../logging/logger.js";

/**
 * One log line per GraphQL request: the operation's name and type, how long it took and the
 * error codes it ended with. Never the document or its variables, which can hold credentials.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, response, contextValue }) {
          const errors =
            response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          logger.info(
            {
              requestId: contextValue.requestId,
              operation: operationName ?? null,
              type: operation?.operation ?? null,
              ms: Math.round(performance.now() - started),
              errors: [
                ...new Set(errors.map((error) => String(error.extensions?.code ?? "UNKNOWN"))),
              ],
            },
            "graphql request",
          );
        },
      };
    },
  };
}
