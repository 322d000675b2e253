import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

/**
 * Apollo Server would run a subscription sent to `POST /graphql` as if it were a query, with no
 * event to resolve: tell the client where subscriptions are served instead.
 */
export const noHttpSubscriptionsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== "subscription") return;
        throw new GraphQLError(
          "Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql and over Server-Sent Events at /graphql/stream, not over HTTP POST/GET",
          { extensions: { code: "BAD_REQUEST", http: { status: 400 } } },
        );
      },
    };
  },
};
