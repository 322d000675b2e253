import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { type Authenticate, openAccess } from "../../src/auth/authenticate.js";
import { loadConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/logging/logger.js";
import { GatewayMetrics } from "../../src/metrics/gateway-metrics.js";
import { buildGatewaySchema } from "../../src/gateway/schema.js";
import { type RunningGateway, startGatewayServer } from "../../src/http/server.js";
import { TwilioClient } from "../../src/twilio/client.js";

export const ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
export const AUTH_TOKEN = "test-auth-token-not-real-0001";

let schema: Promise<GraphQLSchema> | undefined;
/** Building the schema is the slow part of start-up; every test gateway shares one. */
export function sharedSchema(): Promise<GraphQLSchema> {
  schema ??= buildGatewaySchema();
  return schema;
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown> & { code?: string; field?: string };
  }>;
}

export interface TestGateway extends RunningGateway {
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  logLines: string[];
}

/**
 * Starts the real gateway on an ephemeral loopback port, with every Twilio product pointed at
 * `twilioUrl` and configuration read through the same `loadConfig` as production. Access is
 * open unless `authenticate` says otherwise.
 */
export async function startTestGateway(
  twilioUrl: string,
  env: Record<string, string> = {},
  authenticate: Authenticate = openAccess,
): Promise<TestGateway> {
  const config = loadConfig({
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_PROXY_BASE_URL: twilioUrl,
    TWILIO_FLEX_BASE_URL: twilioUrl,
    TWILIO_CONVERSATIONS_BASE_URL: twilioUrl,
    TWILIO_API_BASE_URL: twilioUrl,
    PORT: "0",
    TWILIO_MAX_RETRY_AFTER_MS: "2000",
    ...env,
  });
  const logLines: string[] = [];
  const logger = createLogger("debug", { write: (line: string) => logLines.push(line.trimEnd()) });
  const metrics = config.metricsEnabled ? new GatewayMetrics() : undefined;
  const twilio = new TwilioClient({
    baseUrls: config.baseUrls,
    timeoutMs: config.upstreamTimeoutMs,
    maxRetries: config.maxRetries,
    maxRetryAfterMs: config.maxRetryAfterMs,
    logger,
    observe: metrics?.observeTwilioCall,
  });
  const gateway = await startGatewayServer({
    schema: await sharedSchema(),
    twilio,
    config,
    authenticate,
    logger,
    metrics,
  });
  return {
    ...gateway,
    logLines,
    async graphql(query, variables, headers) {
      const response = await fetch(gateway.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
  };
}

/** Parses a form body into ordered [key, value] pairs, checking it is strictly %-encoded. */
export function formPairs(body: string): Array<[string, string]> {
  if (body === "") return [];
  return body.split("&").map((pair) => {
    const [key = "", value = ""] = pair.split("=");
    return [decodeURIComponent(key), decodeURIComponent(value)];
  });
}
