// Hive Gateway's configuration for routing to participant-gateway replicas: what reaches the
// subgraphs, not where the supergraph comes from (that is the `supergraph` command's argument
// or its --dev-service flags, see compose.yaml), so the same file serves every environment.
// The router tests start Hive Gateway with this very file (test/support/router.ts).
//
// Only a type is imported: the file then also loads where `@graphql-hive/gateway` is not
// resolvable from its folder (the tests run it from the repository).
import type { GatewayCLISupergraphConfig, GatewayPlugin } from "@graphql-hive/gateway";

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

/**
 * Subgraph answer headers a client behind the router still needs. Idempotent-Replayed: true says
 * the gateway answered a retried add from its store instead of running it again (nothing reached
 * Twilio a second time), as it says to a client that talks to it directly.
 */
const RETURNED_HEADERS = ["idempotent-replayed"];

/** Interpolated by Hive per client connection: the caller's Authorization, or nothing. */
const CALLER_AUTHORIZATION = "{context.headers.authorization}";

/**
 * The router's own key to the gateway (one of the replicas' GATEWAY_API_KEYS), for the one
 * request the router makes for no client: reading a subgraph's SDL (`_service { sdl }`) when it
 * composes the supergraph itself (`--dev-service`, at start-up and every polling interval after).
 * A gateway with access control answers that request 401 like any other, and without this the
 * router never gets a supergraph. Client requests never carry this key: they carry the caller's.
 */
const ROUTER_API_KEY = process.env.ROUTER_GATEWAY_API_KEY;

/** The query Hive sends a subgraph for its SDL: the only request the router's key goes with. */
const SDL_QUERY = /^\s*(query\b[^{]*)?\{\s*_service\s*\{\s*sdl\s*\}\s*\}\s*$/;

function asksForSdl(body: unknown): boolean {
  if (typeof body !== "string") return false;
  try {
    const { query } = JSON.parse(body) as { query?: unknown };
    return typeof query === "string" && SDL_QUERY.test(query);
  } catch {
    return false;
  }
}

/** Adds the router's key to the SDL requests it makes for itself (no client request behind them). */
const routerKeyForSdl = (key: string): GatewayPlugin => ({
  onFetch({ executionRequest, options, setOptions }) {
    if (executionRequest || !asksForSdl(options.body)) return;
    setOptions({ ...options, headers: { ...options.headers, authorization: `Bearer ${key}` } });
  },
});

export const gatewayConfig: GatewayCLISupergraphConfig = {
  propagateHeaders: {
    // `context.headers`, not the HTTP request's: for a WebSocket client it also holds what the
    // client put in connection_init's payload (`{ authorization }`: browsers cannot set headers
    // on a WebSocket), so entities fetched for a subscription event carry its credentials too.
    fromClientToSubgraphs: ({ context }) =>
      Object.fromEntries(FORWARDED_HEADERS.map((name) => [name, context.headers[name]])),
    fromSubgraphsToClient: ({ response }) =>
      Object.fromEntries(RETURNED_HEADERS.map((name) => [name, response.headers.get(name)])),
    // One value per header however many of a client request's subgraph requests sent it.
    deduplicateHeaders: true,
  },
  plugins: () => (ROUTER_API_KEY ? [routerKeyForSdl(ROUTER_API_KEY)] : []),
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
