// Hive Gateway's configuration for routing to participant-gateway replicas: what reaches the
// subgraphs, not where the supergraph comes from (that is the `supergraph` command's argument
// or its --dev-service flags, see compose.yaml), so the same file serves every environment.
// The router tests start Hive Gateway with this very file (test/support/router.ts).
//
// Only a type is imported: the file then also loads where `@graphql-hive/gateway` is not
// resolvable from its folder (the tests run it from the repository).
import type { GatewayCLISupergraphConfig } from "@graphql-hive/gateway";

/**
 * Client headers a router drops unless told otherwise. Authorization carries the caller's
 * credentials (a bearer token for the gateway, or Twilio Basic credentials on an open gateway);
 * X-Twilio-Authorization and X-Twilio-Account-Sid carry a caller's own Twilio credentials next
 * to its bearer token; traceparent and tracestate keep a trace in one piece; Idempotency-Key
 * lets a retried add reach the gateway with the key of the first attempt. X-Request-Id is
 * forwarded by `requestId` below.
 */
const FORWARDED_HEADERS = [
  "authorization",
  "x-twilio-authorization",
  "x-twilio-account-sid",
  "traceparent",
  "tracestate",
  "idempotency-key",
];

/** Interpolated by Hive per client connection: the caller's Authorization, or nothing. */
const CALLER_AUTHORIZATION = "{context.headers.authorization}";

export const gatewayConfig: GatewayCLISupergraphConfig = {
  propagateHeaders: {
    // `context.headers`, not the HTTP request's: for a WebSocket client it also holds what the
    // client put in connection_init's payload (`{ authorization }`: browsers cannot set headers
    // on a WebSocket), so entities fetched for a subscription event carry its credentials too.
    fromClientToSubgraphs: ({ context }) =>
      Object.fromEntries(FORWARDED_HEADERS.map((name) => [name, context.headers[name]])),
  },
  // The client's X-Request-Id (or a fresh UUID) goes to every subgraph request and back to the
  // client, so the router's log lines and the gateway's share one id.
  requestId: { headerName: "x-request-id" },
  transportEntries: {
    "*.http": {
      options: {
        // Subscriptions go to the subgraph over WebSocket (graphql-transport-ws on /graphql),
        // whatever the client used (WebSocket or SSE); over HTTP the gateway refuses them. One
        // upstream connection per distinct Authorization, which rides in the upgrade request's
        // headers and in connection_init's payload.
        subscriptions: {
          kind: "ws",
          location: "/graphql",
          headers: [["authorization", CALLER_AUTHORIZATION]],
          options: { connectionParams: { authorization: CALLER_AUTHORIZATION } },
        },
      },
    },
  },
};
