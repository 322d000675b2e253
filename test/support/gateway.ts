import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config/config.js";
import { buildGatewaySchema } from "../../src/gateway/schema.js";
import type { RunningGateway } from "../../src/http/server.js";
import { createLogger } from "../../src/logging/logger.js";
import { CANARY } from "./canaries.js";
import type { FakeTwilio } from "./fake-twilio.js";
import { type GraphQLResult, postGraphQL } from "./graphql.js";

export type { GraphQLResult } from "./graphql.js";

export const ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
/** A canary: `findCanaries` finds it wherever it leaks. */
export const AUTH_TOKEN = CANARY.authToken;

/** Variables that turn access control on; without one, a test gateway runs open. */
const ACCESS_CONTROL = [
  "GATEWAY_API_KEYS",
  "GATEWAY_API_KEYS_FILE",
  "GATEWAY_JWT_SECRET",
  "GATEWAY_JWKS_URL",
];

let schema: Promise<GraphQLSchema> | undefined;
/** Building the schema is the slow part of start-up; every test gateway shares one. */
export function sharedSchema(): Promise<GraphQLSchema> {
  schema ??= buildGatewaySchema();
  return schema;
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
 * `twilioUrl`, through `startApp` and `loadConfig` exactly as production starts it. It runs
 * open (`GATEWAY_AUTH=none`) unless `env` configures access control.
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
    ...(ACCESS_CONTROL.some((name) => name in env) ? {} : { GATEWAY_AUTH: "none" }),
    ...env,
  });
  const logLines: string[] = [];
  const logger = createLogger("debug", { write: (line: string) => logLines.push(line.trimEnd()) });
  const app = await startApp(config, logger, { schema: sharedSchema() });
  return {
    url: app.gateway.url,
    graphqlUrl: app.gateway.graphqlUrl,
    close: app.close,
    logLines,
    graphql: (query, variables, headers) =>
      postGraphQL(app.gateway.graphqlUrl, query, variables, headers),
  };
}

/**
 * The usual test file's setup: `fake` is started and a gateway pointed at it before the file's
 * tests, both stopped after them, and the fake's record and queued answers cleared before each
 * test so that tests do not depend on their order. The returned gateway is usable inside tests.
 */
export function useGatewayOnFakeTwilio(
  fake: FakeTwilio,
  env: Record<string, string> = {},
): TestGateway {
  let running: TestGateway | undefined;
  beforeAll(async () => {
    await fake.start();
    running = await startTestGateway(fake.url, env);
  });
  afterAll(async () => {
    await running?.close();
    await fake.stop();
  });
  beforeEach(() => fake.reset());
  const gateway = (): TestGateway => {
    if (!running) throw new Error("the test gateway only runs inside tests");
    return running;
  };
  return {
    get url() {
      return gateway().url;
    },
    get graphqlUrl() {
      return gateway().graphqlUrl;
    },
    get logLines() {
      return gateway().logLines;
    },
    close: (graceMs) => gateway().close(graceMs),
    graphql: (query, variables, headers) => gateway().graphql(query, variables, headers),
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
