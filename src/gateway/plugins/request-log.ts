import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../../graphql/context.js";
import { responseErrorCodes } from "./response-errors.js";

/**
 * One log line per GraphQL request, on the request's own logger (so it carries the request id):
 * the operation's name and type, how long it took and the error codes it ended with. Never the
 * document or its variables, which can hold credentials.
 */
export const requestLogPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    const started = performance.now();
    return {
      async willSendResponse({ operationName, operation, response, contextValue }) {
        contextValue.logger.info(
          {
            operation: operationName ?? null,
            type: operation?.operation ?? null,
            ms: Math.round(performance.now() - started),
            errors: [...new Set(responseErrorCodes(response))],
          },
          "graphql request",
        );
      },
    };
  },
};
