import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { loadConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/logging/logger.js";
import { startApp } from "../../src/app.js";
import { buildGatewaySchema } from "../../src/gateway/schema.js";
import type { RunningGateway } from "../../src/http/server.js";

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
 * `twilioUrl` and configuration read through the same `loadConfig` as production.
 */
export async function startTestGateway(
  twilioUrl: string,
  env: Record<string, string> = {},
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
  const app = await startApp(config, logger, { schema: sharedSchema() });
  const gateway = app.gateway;
  return {
    ...gateway,
    close: app.close,
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
