import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../../graphql/context.js";
import { responseErrorCodes } from "./response-errors.js";

/**
 * Names the request's operation span once Apollo has resolved the operation, and ends it with
 * the response's error codes. The span itself is started with the request's context, so the
 * Twilio calls it makes are its children.
 */
export const tracingPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, operationName, contextValue }) {
        if (operation)
          contextValue.operationSpan.setOperation(operation.operation, operationName ?? undefined);
      },
      async willSendResponse({ response, contextValue }) {
        contextValue.operationSpan.end(responseErrorCodes(response));
      },
    };
  },
};
