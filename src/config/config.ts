import { readFileSync } from "node:fs";
import type { JwtOptions } from "../auth/jwt.js";
import { ANY_ACCOUNT } from "../auth/principal.js";
import { LOG_LEVELS, type LogLevel } from "../logging/logger.js";
import type { TwilioCredentials, TwilioMode } from "../twilio/credentials.js";
import { type BaseUrls, TwilioProduct, twilioHost } from "../twilio/products.js";
import type { WriteRateLimit } from "../twilio/write-rate-limit.js";

export interface Config {
  /** `simulator` runs an in-process fake Twilio; chosen when no credentials are configured. */
  mode: TwilioMode;
  credentials: TwilioCredentials | undefined;
  baseUrls: BaseUrls;
  port: number;
  host: string;
  /** Origins browser apps may call from (`*`: any); empty: same-origin only. */
  corsOrigins: string[];
  upstreamTimeoutMs: number;
  /** How many times a 429 is retried, and the longest Retry-After we are willing to wait. */
  maxRetries: number;
  maxRetryAfterMs: number;
  /** Per GraphQL request: Twilio calls in flight at once, and in all. */
  twilioConcurrencyPerRequest: number;
  twilioMaxCallsPerRequest: number;
  /** The embedded simulator's loopback port (0: any free port) and its realism knobs. */
  simulatorPort: number;
  simulatorLatencyMs: number;
  simulatorFailureRate: number;
  logLevel: LogLevel;
  /**
   * Explicit, so NODE_ENV=production (Apollo's trigger for turning it off) does not silently
   * break GraphiQL and codegen: the schema is public anyway through Federation's `_service`.
   */
  introspection: boolean;
  /** Serve the GraphiQL explorer at /graphiql; it needs introspection. */
  graphiql: boolean;
  /** Serve the live participant console at /console (`CONSOLE_ENABLED`). */
  consoleEnabled: boolean;
  /**
   * The safelist of `schema/operations/` (`GRAPHQL_TRUSTED_DOCUMENTS`): `allow` runs any document
   * and also its operations by id; `require` runs only its operations.
   */
  trustedDocuments: TrustedDocumentsMode;
  /** Count requests and serve them on `GET /metrics`; off: `/metrics` is a 404. */
  metricsEnabled: boolean;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before they are cut. */
  shutdownGraceMs: number;
  /**
   * On SIGTERM/SIGINT, how long the gateway keeps accepting while `/health/ready` answers 503,
   * so a load balancer stops sending before the listener closes.
   */
  shutdownDelayMs: number;

  // Access control and limits: who may call, for which accounts, and how much one request may do.
  /** `GATEWAY_AUTH=none`: run without access control on purpose (warned at every start). */
  gatewayAuthNone: boolean;
  /** `GATEWAY_API_KEYS` plus the keys in `GATEWAY_API_KEYS_FILE`: bearer keys, any of which lets a caller in. */
  gatewayApiKeys: string[];
  /** Bearer JWTs (`GATEWAY_JWT_SECRET` or `GATEWAY_JWKS_URL`, `GATEWAY_JWT_ISSUER`, `GATEWAY_JWT_AUDIENCE`). */
  gatewayJwt: JwtOptions | undefined;
  /**
   * Accounts (AC…, or `*`) that API-key callers — or everyone, on an open gateway — may name in
   * `accountSid` besides the credentials' own (`GATEWAY_ACCOUNT_SIDS`).
   */
  gatewayAccountSids: string[];
  /** Whether a request may bring Twilio credentials of its own (`TWILIO_REQUEST_CREDENTIALS`). */
  twilioRequestCredentials: boolean;
  /** Per operation: mutation root fields, parser tokens, aliases, selection depth. */
  graphqlMaxMutations: number;
  graphqlMaxTokens: number;
  graphqlMaxAliases: number;
  graphqlMaxDepth: number;
  /** Twilio writes per caller (`TWILIO_WRITE_RATE_LIMIT`, `TWILIO_WRITE_RATE_BURST`); none: unlimited. */
  twilioWriteRateLimit: WriteRateLimit | undefined;
  /** A Redis every replica shares (`REDIS_URL`): rate-limit buckets, idempotency keys, live events. */
  redisUrl: string | undefined;
  /** How long an `Idempotency-Key` keeps its request's answer. */
  idempotencyTtlMs: number;
  /**
   * How long a replica's claim on a key in flight lasts unless renewed (it renews every third
   * of it): a request finding the key claimed waits this long at most, and a claim not renewed
   * for this long (its replica stopped) answers IDEMPOTENCY_KEY_INTERRUPTED.
   */
  idempotencyLeaseMs: number;
  /**
   * The gateway's public base URL, the one Twilio calls (`https://gateway.example.com`, no
   * trailing slash): callback URLs are made from it and signatures are checked against it.
   * Without it the gateway asks Twilio for no callbacks and serves no callback route.
   */
  publicUrl: string | undefined;
  /**
   * The auth tokens Twilio may sign an account's callbacks with, by account SID: the configured
   * account's `TWILIO_AUTH_TOKEN`, plus `TWILIO_CALLBACK_AUTH_TOKENS` (rotation, other accounts).
   */
  callbackAuthTokens: Readonly<Record<string, readonly string[]>>;
  /** Live-event subscriptions open at once on one WebSocket, and for one caller on this replica. */
  subscriptionsPerConnection: number;
  subscriptionsPerPrincipal: number;
  /** Events held for one subscriber that reads too slowly; beyond it its subscription ends. */
  subscriptionQueueSize: number;
  /** How often an idle subscription connection is pinged (WebSocket ping, SSE comment). */
  subscriptionKeepAliveMs: number;
  /** The embedded simulator's time between the stages of a conference participant's call. */
  simulatorCallProgressStepMs: number;
}

export const TRUSTED_DOCUMENTS_MODES = ["allow", "require"] as const;
export type TrustedDocumentsMode = (typeof TRUSTED_DOCUMENTS_MODES)[number];

function readTrustedDocumentsMode(
  value: string | undefined,
  problems: string[],
): TrustedDocumentsMode {
  if (value === undefined) return "allow";
  if ((TRUSTED_DOCUMENTS_MODES as readonly string[]).includes(value)) {
    return value as TrustedDocumentsMode;
  }
  problems.push(`GRAPHQL_TRUSTED_DOCUMENTS must be "allow" or "require", got "${value}"`);
  return "allow";
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;
const REGION = /^[a-z]{2}[0-9]$/;
const EDGE = /^[a-z][a-z0-9-]*$/;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * A router's `_entities` call batches the references of one page of results: 10 to 16 distinct
 * participants in practice, read in one round trip when they all fit in one wave (8 took two
 * waves for 10, twice the latency). One request still holds at most 16 of the account's
 * concurrent Twilio requests (Twilio refuses beyond the account's limit with 429, error 20429,
 * which the client retries).
 */
const DEFAULT_TWILIO_CONCURRENCY_PER_REQUEST = 16;

/**
 * Reads and checks every environment variable once. All problems are collected and thrown as
 * one ConfigError so a bad deployment fails at start-up, not at the first request.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const credentials = readCredentials(read, problems);
  const region = read("TWILIO_REGION");
  const edge = read("TWILIO_EDGE");
  if (region !== undefined && !REGION.test(region)) {
    problems.push(`TWILIO_REGION must look like "us1" or "ie1", got "${region}"`);
  }
  if (edge !== undefined && !EDGE.test(edge)) {
    problems.push(`TWILIO_EDGE must be an edge name such as "ashburn", got "${edge}"`);
  }

  const baseUrls = {} as Record<TwilioProduct, string>;
  for (const product of Object.values(TwilioProduct)) {
    const variable = `TWILIO_${product.toUpperCase()}_BASE_URL`;
    const override = read(variable);
    baseUrls[product] = override
      ? readBaseUrl(variable, override, problems)
      : `https://${twilioHost(product, region, edge)}`;
  }

  const mode = readMode(read("TWILIO_MODE"), credentials, problems);
  const introspection = readBoolean(read, "GRAPHQL_INTROSPECTION", true, problems);
  const graphiql = readBoolean(read, "GRAPHIQL_ENABLED", introspection, problems);
  if (graphiql && !introspection) {
    problems.push(
      "GRAPHIQL_ENABLED=true needs GRAPHQL_INTROSPECTION=true (GraphiQL reads the schema by introspection)",
    );
  }

  const upstreamTimeoutMs = readInteger(read, "TWILIO_TIMEOUT_MS", 15_000, 100, 600_000, problems);
  const config: Config = {
    mode,
    credentials,
    baseUrls,
    port: readInteger(read, "PORT", 4000, 0, 65535, problems),
    host: read("HOST") ?? "127.0.0.1",
    corsOrigins: readOrigins(read("CORS_ORIGINS"), problems),
    upstreamTimeoutMs,
    maxRetries: readInteger(read, "TWILIO_MAX_RETRIES", 2, 0, 10, problems),
    maxRetryAfterMs: readInteger(read, "TWILIO_MAX_RETRY_AFTER_MS", 10_000, 0, 120_000, problems),
    twilioConcurrencyPerRequest: readInteger(
      read,
      "TWILIO_CONCURRENCY_PER_REQUEST",
      DEFAULT_TWILIO_CONCURRENCY_PER_REQUEST,
      1,
      100,
      problems,
    ),
    twilioMaxCallsPerRequest: readInteger(
      read,
      "TWILIO_MAX_CALLS_PER_REQUEST",
      100,
      1,
      10_000,
      problems,
    ),
    simulatorPort: readInteger(read, "SIMULATOR_PORT", 0, 0, 65535, problems),
    simulatorLatencyMs: readInteger(read, "SIMULATOR_LATENCY_MS", 0, 0, 60_000, problems),
    simulatorFailureRate: readRate(read, "SIMULATOR_FAILURE_RATE", problems),
    logLevel: readLogLevel(read("LOG_LEVEL"), problems),
    introspection,
    graphiql,
    // Nothing costs money on the simulator: there the console is a demo, open by default.
    consoleEnabled: readBoolean(read, "CONSOLE_ENABLED", mode === "simulator", problems),
    trustedDocuments: readTrustedDocumentsMode(read("GRAPHQL_TRUSTED_DOCUMENTS"), problems),
    metricsEnabled: readBoolean(read, "METRICS_ENABLED", true, problems),
    // Longer than a Twilio call may take, so a create that reached Twilio is always answered.
    shutdownGraceMs: readInteger(
      read,
      "SHUTDOWN_GRACE_MS",
      upstreamTimeoutMs + 5_000,
      0,
      3_600_000,
      problems,
    ),
    shutdownDelayMs: readInteger(read, "SHUTDOWN_DELAY_MS", 0, 0, 600_000, problems),
    ...readAccessAndLimits(read, mode, problems),
    idempotencyTtlMs:
      readInteger(read, "IDEMPOTENCY_TTL_S", 86_400, 1, 30 * 86_400, problems) * 1000,
    idempotencyLeaseMs: readInteger(read, "IDEMPOTENCY_LEASE_MS", 10_000, 300, 600_000, problems),
    publicUrl: readPublicUrl(read("PUBLIC_URL"), problems),
    callbackAuthTokens: readCallbackAuthTokens(read, problems),
    subscriptionsPerConnection: readInteger(
      read,
      "SUBSCRIPTIONS_PER_CONNECTION",
      10,
      1,
      1_000,
      problems,
    ),
    subscriptionsPerPrincipal: readInteger(
      read,
      "SUBSCRIPTIONS_PER_PRINCIPAL",
      100,
      1,
      100_000,
      problems,
    ),
    subscriptionQueueSize: readInteger(
      read,
      "SUBSCRIPTION_QUEUE_SIZE",
      1_000,
      1,
      100_000,
      problems,
    ),
    subscriptionKeepAliveMs: readInteger(
      read,
      "SUBSCRIPTION_KEEPALIVE_MS",
      15_000,
      100,
      600_000,
      problems,
    ),
    simulatorCallProgressStepMs: readInteger(
      read,
      "SIMULATOR_CALL_PROGRESS_STEP_MS",
      1_000,
      1,
      60_000,
      problems,
    ),
  };
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  return config;
}

type Read = (name: string) => string | undefined;

type AccessAndLimits = Pick<
  Config,
  | "gatewayAuthNone"
  | "gatewayApiKeys"
  | "gatewayJwt"
  | "gatewayAccountSids"
  | "twilioRequestCredentials"
  | "graphqlMaxMutations"
  | "graphqlMaxTokens"
  | "graphqlMaxAliases"
  | "graphqlMaxDepth"
  | "twilioWriteRateLimit"
  | "redisUrl"
>;

/** A key is sent as a bearer token (RFC 6750's token68), and must be hard to guess. */
const API_KEY = /^[A-Za-z0-9._~+/=-]{16,}$/;
const RATE = /^(\d+)\/(s|m|h)$/;
const RATE_UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

function readAccessAndLimits(read: Read, mode: TwilioMode, problems: string[]): AccessAndLimits {
  const auth = read("GATEWAY_AUTH");
  if (auth !== undefined && auth !== "none") {
    problems.push(`GATEWAY_AUTH must be "none" or unset, got "${auth}"`);
  }
  const gatewayApiKeys = readApiKeys(read, problems);
  const gatewayJwt = readJwt(read, problems);
  if (auth === "none" && (gatewayApiKeys.length > 0 || gatewayJwt)) {
    problems.push("GATEWAY_AUTH=none contradicts GATEWAY_API_KEYS / GATEWAY_JWT_*: choose one");
  }
  return {
    gatewayAuthNone: auth === "none",
    gatewayApiKeys,
    gatewayJwt,
    // On the embedded simulator nothing costs money: any account, and credentials of the
    // caller's own (they can reach nothing but the simulator).
    gatewayAccountSids: readAccountSids(
      read("GATEWAY_ACCOUNT_SIDS") ?? (mode === "simulator" ? ANY_ACCOUNT : undefined),
      problems,
    ),
    twilioRequestCredentials: readBoolean(
      read,
      "TWILIO_REQUEST_CREDENTIALS",
      mode === "simulator",
      problems,
    ),
    graphqlMaxMutations: readInteger(read, "GRAPHQL_MAX_MUTATIONS", 10, 1, 1_000, problems),
    graphqlMaxTokens: readInteger(read, "GRAPHQL_MAX_TOKENS", 5_000, 100, 1_000_000, problems),
    graphqlMaxAliases: readInteger(read, "GRAPHQL_MAX_ALIASES", 30, 0, 10_000, problems),
    graphqlMaxDepth: readInteger(read, "GRAPHQL_MAX_DEPTH", 10, 2, 1_000, problems),
    twilioWriteRateLimit: readWriteRateLimit(read, problems),
    redisUrl: readRedisUrl(read("REDIS_URL"), problems),
  };
}

/** Never echoes a key: a problem names the variable and what is wrong. */
function readApiKeys(read: Read, problems: string[]): string[] {
  const keys = (read("GATEWAY_API_KEYS") ?? "").split(",");
  const file = read("GATEWAY_API_KEYS_FILE");
  if (file !== undefined) {
    try {
      // One key a line; blank lines and # comments are skipped.
      keys.push(
        ...readFileSync(file, "utf8")
          .split(/\r?\n/)
          .filter((line) => !line.startsWith("#")),
      );
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
      problems.push(`GATEWAY_API_KEYS_FILE could not be read (${code})`);
    }
  }
  const trimmed = keys.map((key) => key.trim()).filter(Boolean);
  if (!trimmed.every((key) => API_KEY.test(key))) {
    problems.push(
      "GATEWAY_API_KEYS: every key must be at least 16 characters of letters, digits and -._~+/=",
    );
  }
  return [...new Set(trimmed)];
}

function readJwt(read: Read, problems: string[]): JwtOptions | undefined {
  const secret = read("GATEWAY_JWT_SECRET");
  const jwksUrl = read("GATEWAY_JWKS_URL");
  const issuer = read("GATEWAY_JWT_ISSUER");
  const audience = read("GATEWAY_JWT_AUDIENCE");
  if (secret !== undefined && jwksUrl !== undefined) {
    problems.push("GATEWAY_JWT_SECRET and GATEWAY_JWKS_URL exclude each other: choose one");
    return undefined;
  }
  if (secret !== undefined) {
    // RFC 7518: an HS256 key at least as long as the hash.
    if (secret.length < 32) problems.push("GATEWAY_JWT_SECRET must be at least 32 characters");
    return { secret, issuer, audience };
  }
  if (jwksUrl !== undefined) {
    if (!/^https?:\/\/[^\s]+$/.test(jwksUrl) || !URL.canParse(jwksUrl)) {
      problems.push("GATEWAY_JWKS_URL must be an absolute http(s) URL");
    }
    return { jwksUrl, issuer, audience };
  }
  if (issuer !== undefined || audience !== undefined) {
    problems.push(
      "GATEWAY_JWT_ISSUER and GATEWAY_JWT_AUDIENCE need GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL",
    );
  }
  return undefined;
}

function readAccountSids(value: string | undefined, problems: string[]): string[] {
  const sids = (value ?? "")
    .split(",")
    .map((sid) => sid.trim())
    .filter(Boolean);
  if (!sids.every((sid) => sid === ANY_ACCOUNT || ACCOUNT_SID.test(sid))) {
    problems.push('GATEWAY_ACCOUNT_SIDS must list Account SIDs (AC…) separated by commas, or "*"');
  }
  return sids;
}

function readWriteRateLimit(read: Read, problems: string[]): WriteRateLimit | undefined {
  const value = read("TWILIO_WRITE_RATE_LIMIT");
  const burstSet = read("TWILIO_WRITE_RATE_BURST") !== undefined;
  if (value === undefined) {
    if (burstSet) problems.push("TWILIO_WRITE_RATE_BURST needs TWILIO_WRITE_RATE_LIMIT");
    return undefined;
  }
  const match = RATE.exec(value);
  const count = Number(match?.[1] ?? 0);
  if (!match || count < 1) {
    problems.push(
      `TWILIO_WRITE_RATE_LIMIT must be writes per second, minute or hour such as "5/s" or "100/m", got "${value}"`,
    );
    return undefined;
  }
  return {
    perSecond: count / RATE_UNIT_SECONDS[match[2] as keyof typeof RATE_UNIT_SECONDS],
    // By default a whole unit's writes may come at once: "100/m" allows 100 in one go.
    burst: readInteger(read, "TWILIO_WRITE_RATE_BURST", count, 1, 1_000_000, problems),
  };
}

/** Never echoed: the URL may carry Redis's password. */
function readRedisUrl(value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (!/^rediss?:\/\//.test(value) || !URL.canParse(value)) {
    problems.push("REDIS_URL must be a redis:// or rediss:// URL");
  }
  return value;
}

function readCredentials(
  read: (name: string) => string | undefined,
  problems: string[],
): TwilioCredentials | undefined {
  const accountSid = read("TWILIO_ACCOUNT_SID");
  const authToken = read("TWILIO_AUTH_TOKEN");
  const apiKey = read("TWILIO_API_KEY");
  const apiSecret = read("TWILIO_API_SECRET");

  if (accountSid !== undefined && !ACCOUNT_SID.test(accountSid)) {
    problems.push("TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits");
  }
  if ((apiKey === undefined) !== (apiSecret === undefined)) {
    problems.push("TWILIO_API_KEY and TWILIO_API_SECRET must be set together");
    return undefined;
  }
  if (apiKey !== undefined && apiSecret !== undefined) {
    if (!API_KEY_SID.test(apiKey))
      problems.push("TWILIO_API_KEY must be SK followed by 32 hex digits");
    if (accountSid === undefined) {
      problems.push("TWILIO_API_KEY needs TWILIO_ACCOUNT_SID (the account the key belongs to)");
      return undefined;
    }
    return { accountSid, username: apiKey, password: apiSecret };
  }
  if ((accountSid === undefined) !== (authToken === undefined)) {
    problems.push(
      accountSid === undefined
        ? "TWILIO_AUTH_TOKEN is set but TWILIO_ACCOUNT_SID is not"
        : "TWILIO_ACCOUNT_SID needs TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET)",
    );
    return undefined;
  }
  if (accountSid === undefined || authToken === undefined) return undefined;
  return { accountSid, username: accountSid, password: authToken };
}

function readMode(
  value: string | undefined,
  credentials: TwilioCredentials | undefined,
  problems: string[],
): TwilioMode {
  if (value === undefined) return credentials ? "live" : "simulator";
  if (value !== "live" && value !== "simulator") {
    problems.push(`TWILIO_MODE must be "live" or "simulator", got "${value}"`);
    return "simulator";
  }
  if (value === "live" && !credentials) {
    problems.push(
      "TWILIO_MODE=live needs TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET)",
    );
  }
  return value;
}

function readBaseUrl(variable: string, value: string, problems: string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${variable} must be an absolute http(s) URL`);
    return value;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    problems.push(`${variable} must use http or https`);
  }
  if (url.search || url.hash || url.username || url.password) {
    problems.push(`${variable} must not carry a query, fragment or credentials`);
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * An absolute http(s) URL without query, fragment or credentials: Twilio signs the URL it
 * calls, so this must be exactly the URL's start. A trailing slash is dropped.
 */
function readPublicUrl(value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`PUBLIC_URL must be an absolute http(s) URL, got "${value}"`);
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    problems.push(`PUBLIC_URL must use http or https, got "${value}"`);
  }
  if (value.includes("?") || value.includes("#") || url.username || url.password) {
    problems.push("PUBLIC_URL must not carry a query, fragment or credentials");
  }
  return value.replace(/\/+$/, "");
}

/**
 * `TWILIO_CALLBACK_AUTH_TOKENS`: comma-separated; a bare token is another token of
 * `TWILIO_ACCOUNT_SID` (the next one, during a rotation), `AC…:token` one of that account.
 * No token is ever echoed in a problem.
 */
function readCallbackAuthTokens(
  read: (name: string) => string | undefined,
  problems: string[],
): Record<string, readonly string[]> {
  const tokens: Record<string, string[]> = {};
  const add = (accountSid: string, token: string) => {
    const list = (tokens[accountSid] ??= []);
    if (!list.includes(token)) list.push(token);
  };
  const configuredAccount = read("TWILIO_ACCOUNT_SID");
  const authToken = read("TWILIO_AUTH_TOKEN");
  if (configuredAccount !== undefined && ACCOUNT_SID.test(configuredAccount) && authToken) {
    add(configuredAccount, authToken);
  }
  const entries = (read("TWILIO_CALLBACK_AUTH_TOKENS") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(":");
    const accountSid = colon === -1 ? configuredAccount : entry.slice(0, colon);
    const token = colon === -1 ? entry : entry.slice(colon + 1);
    const position = `TWILIO_CALLBACK_AUTH_TOKENS entry ${index + 1}`;
    if (accountSid === undefined) {
      problems.push(`${position} names no account (AC…:token) and TWILIO_ACCOUNT_SID is not set`);
    } else if (!ACCOUNT_SID.test(accountSid)) {
      problems.push(`${position} must be a token or AC followed by 32 hex digits, ":" and a token`);
    } else if (token === "") {
      problems.push(`${position} has an empty token`);
    } else {
      add(accountSid, token);
    }
  });
  return tokens;
}

function readInteger(
  read: (name: string) => string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const value = read(name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    return fallback;
  }
  return parsed;
}

function readBoolean(
  read: (name: string) => string | undefined,
  name: string,
  fallback: boolean,
  problems: string[],
): boolean {
  const value = read(name);
  if (value === undefined) return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  problems.push(`${name} must be "true" or "false", got "${value}"`);
  return fallback;
}

function readOrigins(value: string | undefined, problems: string[]): string[] {
  if (value === undefined) return [];
  const origins = value
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === "*") continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      problems.push(
        `CORS_ORIGINS must list origins such as https://app.example.com, got "${origin}"`,
      );
    }
  }
  return origins;
}

function readRate(
  read: (name: string) => string | undefined,
  name: string,
  problems: string[],
): number {
  const value = read(name);
  if (value === undefined) return 0;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) {
    problems.push(`${name} must be a number from 0 to 1, got "${value}"`);
    return 0;
  }
  return parsed;
}

function readLogLevel(value: string | undefined, problems: string[]): LogLevel {
  if (value === undefined) return "info";
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${value}"`);
    return "info";
  }
  return value as LogLevel;
}
