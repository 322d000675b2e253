import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type ApolloServer,
  HeaderMap,
  type HTTPGraphQLRequest,
  type HTTPGraphQLResponse,
} from "@apollo/server";
import type { Authenticate } from "../auth/authenticate.js";
import type { Principal } from "../auth/principal.js";
import { ErrorCode, UnauthenticatedError, WriteOutcome } from "../errors/gateway-errors.js";
import { admitHttpRequest } from "../gateway/trusted-documents/http-request.js";
import type { TrustedDocuments } from "../gateway/trusted-documents/trusted-documents.js";
import type { GatewayContext } from "../graphql/context.js";
import type { Logger } from "../logging/logger.js";
import type { TwilioCredentials } from "../twilio/credentials.js";
import { readBody, sendGraphQLError } from "./body.js";
import type { IdempotencyKeys } from "./idempotency/idempotency-keys.js";
import { answerKeyed } from "./idempotency/keyed-answer.js";
import { readIdempotencyKey } from "./idempotency/keyed-request.js";
import type { StoredResponse } from "./idempotency/record.js";
import type { RequestContexts } from "./request-context.js";
import { requestIdOf } from "./request-id.js";
import { credentialsForRequest } from "./twilio-credentials.js";

export interface GraphQLRouteOptions {
  apollo: ApolloServer<GatewayContext>;
  contexts: RequestContexts;
  logger: Logger;
  /** Who the caller is; throws UnauthenticatedError, answered with 401 before anything runs. */
  authenticate: Authenticate;
  /** The configured credentials; a request may bring its own when `requestCredentials`. */
  credentials: TwilioCredentials | undefined;
  requestCredentials: boolean;
  /** Where `Idempotency-Key`s and their answers are kept. */
  idempotencyKeys: IdempotencyKeys;
  /** Listed operations by id; in `require` mode, the only ones that run. */
  trustedDocuments: TrustedDocuments;
}

/** `/graphql`: the HTTP request handed to Apollo with this request's context, and back. */
export function graphqlRoute(options: GraphQLRouteOptions) {
  const { apollo, logger } = options;
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    // Who is calling, and as which Twilio account, is settled before the body is even read (an
    // idempotency key belongs to both).
    let principal: Principal;
    let credentials: TwilioCredentials | undefined;
    try {
      principal = await options.authenticate({ headers: req.headers });
      credentials = credentialsForRequest(
        req.headers,
        options.credentials,
        options.requestCredentials,
      );
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      logger.info({ requestId, reason: error.message }, "request refused: unauthenticated");
      res.setHeader("www-authenticate", 'Bearer realm="participant-gateway"');
      return sendGraphQLError(res, 401, error.message, ErrorCode.Unauthenticated);
    }
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
    const admitted = admitHttpRequest(
      options.trustedDocuments,
      req.method ?? "GET",
      body,
      url.search,
    );
    if (admitted.kind === "refused") {
      logger.info({ requestId, code: admitted.code }, "request refused: not a trusted document");
      return sendGraphQLError(res, 400, admitted.message, admitted.code);
    }
    body = admitted.body;
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method ?? "GET",
      headers,
      search: admitted.search,
      body,
    };
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () =>
          options.contexts({
            requestId,
            principal,
            credentials,
            connection: req,
            headers: req.headers,
          }),
      });

    const keyed = readIdempotencyKey(req, body, { principal, credentials });
    if (keyed.kind === "refused") {
      return sendGraphQLError(res, 400, keyed.message, keyed.code, {
        outcome: WriteOutcome.NotSent,
      });
    }
    if (keyed.kind === "keyed") {
      const requestLogger = logger.child({ requestId, principal: principal.id });
      const run = async () => readResponse(await execute());
      return answerKeyed(res, options.idempotencyKeys, keyed.request, run, requestLogger);
    }
    const response = await execute();
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

/** Apollo's answer read whole, to be stored for replay (a streamed one, concatenated). */
async function readResponse(response: HTTPGraphQLResponse): Promise<StoredResponse> {
  let body = "";
  if (response.body.kind === "complete") body = response.body.string;
  else for await (const chunk of response.body.asyncIterator) body += chunk;
  return { status: response.status ?? 200, headers: [...response.headers], body };
}
