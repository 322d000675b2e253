import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { ANONYMOUS } from "../auth/principal.js";
import type { GatewayContext } from "../graphql/context.js";
import type { TwilioCredentials } from "../twilio/credentials.js";
import { readBody, sendGraphQLError } from "./body.js";
import type { RequestContexts } from "./request-context.js";
import { requestIdOf } from "./request-id.js";
import { credentialsForRequest } from "./twilio-credentials.js";

export interface GraphQLRouteOptions {
  apollo: ApolloServer<GatewayContext>;
  contexts: RequestContexts;
  /** The configured credentials; a request may bring its own. */
  credentials: TwilioCredentials | undefined;
}

/** `/graphql`: the HTTP request handed to Apollo with this request's context, and back. */
export function graphqlRoute(options: GraphQLRouteOptions) {
  const { apollo, contexts } = options;
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown;
    if (req.method === "POST") {
      const raw = await readBody(req);
      if (raw === undefined) {
        return sendGraphQLError(res, 413, "Request body is larger than 1 MiB", "BAD_REQUEST");
      }
      if ((req.headers["content-type"] ?? "").includes("json")) {
        try {
          body = raw.length ? JSON.parse(raw) : {};
        } catch {
          return sendGraphQLError(res, 400, "The request body is not valid JSON", "BAD_REQUEST");
        }
      } else {
        body = raw;
      }
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method ?? "GET",
      headers,
      search: url.search,
      body,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () =>
        contexts({
          requestId,
          principal: ANONYMOUS,
          credentials: credentialsForRequest(req.headers, options.credentials),
          connection: req,
        }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
