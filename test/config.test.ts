import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config/config.js";

const SID = "AC" + "a".repeat(32);
const KEY = "SK" + "b".repeat(32);

describe("loadConfig", () => {
  it("defaults to the simulator with no credentials, on port 4000, Twilio's global hosts", () => {
    const config = loadConfig({});
    expect(config.mode).toBe("simulator");
    expect(config.credentials).toBeUndefined();
    expect(config.port).toBe(4000);
    expect(config.baseUrls).toEqual({
      proxy: "https://proxy.twilio.com",
      flex: "https://flex-api.twilio.com",
      conversations: "https://conversations.twilio.com",
      api: "https://api.twilio.com",
    });
  });

  it("uses live Twilio with an account SID and auth token", () => {
    const config = loadConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "token" });
    expect(config.mode).toBe("live");
    expect(config.credentials).toEqual({ accountSid: SID, username: SID, password: "token" });
  });

  it("authenticates with an API key on behalf of the account", () => {
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_API_KEY: KEY,
      TWILIO_API_SECRET: "s",
    });
    expect(config.credentials).toEqual({ accountSid: SID, username: KEY, password: "s" });
  });

  it("serves metrics unless METRICS_ENABLED=false", () => {
    expect(loadConfig({}).metricsEnabled).toBe(true);
    expect(loadConfig({ METRICS_ENABLED: "true" }).metricsEnabled).toBe(true);
    expect(loadConfig({ METRICS_ENABLED: "false" }).metricsEnabled).toBe(false);
  });

  it("reads the idempotency settings and a shared Redis, never echoing its URL", () => {
    const defaults = loadConfig({});
    expect(defaults.redisUrl).toBeUndefined();
    expect(defaults.idempotencyTtlMs).toBe(86_400_000);
    expect(defaults.idempotencyLeaseMs).toBe(10_000);
    const set = loadConfig({
      REDIS_URL: "rediss://:pw@redis.internal:6380/2",
      IDEMPOTENCY_TTL_S: "3600",
      IDEMPOTENCY_LEASE_MS: "2500",
    });
    expect(set.redisUrl).toBe("rediss://:pw@redis.internal:6380/2");
    expect(set.idempotencyTtlMs).toBe(3_600_000);
    expect(set.idempotencyLeaseMs).toBe(2_500);
    const bad = () =>
      loadConfig({
        REDIS_URL: "http://:secret-pw@redis.internal",
        IDEMPOTENCY_TTL_S: "0",
        IDEMPOTENCY_LEASE_MS: "50",
      });
    expect(bad).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(bad).toThrow(/IDEMPOTENCY_TTL_S must be a whole number from 1 to 2592000/);
    expect(bad).toThrow(/IDEMPOTENCY_LEASE_MS must be a whole number from 300 to 600000/);
    expect(bad).not.toThrow(/secret-pw/);
  });

  it("builds regional hosts the way the SDKs do", () => {
    expect(loadConfig({ TWILIO_REGION: "ie1", TWILIO_EDGE: "dublin" }).baseUrls.conversations).toBe(
      "https://conversations.dublin.ie1.twilio.com",
    );
    expect(loadConfig({ TWILIO_EDGE: "sydney" }).baseUrls.api).toBe(
      "https://api.sydney.us1.twilio.com",
    );
    expect(loadConfig({ TWILIO_REGION: "au1" }).baseUrls.flex).toBe(
      "https://flex-api.au1.twilio.com",
    );
  });

  it("lets each product point at another base URL", () => {
    const config = loadConfig({
      TWILIO_PROXY_BASE_URL: "http://127.0.0.1:9000/proxy/",
      TWILIO_API_BASE_URL: "https://egress.internal",
    });
    expect(config.baseUrls.proxy).toBe("http://127.0.0.1:9000/proxy");
    expect(config.baseUrls.api).toBe("https://egress.internal");
    expect(config.baseUrls.flex).toBe("https://flex-api.twilio.com");
  });

  it.each([
    [
      { TWILIO_ACCOUNT_SID: "AC123", TWILIO_AUTH_TOKEN: "t" },
      "TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits",
    ],
    [{ TWILIO_ACCOUNT_SID: SID }, "TWILIO_ACCOUNT_SID needs TWILIO_AUTH_TOKEN"],
    [{ TWILIO_AUTH_TOKEN: "t" }, "TWILIO_AUTH_TOKEN is set but TWILIO_ACCOUNT_SID is not"],
    [{ TWILIO_API_KEY: KEY }, "TWILIO_API_KEY and TWILIO_API_SECRET must be set together"],
    [{ TWILIO_API_KEY: KEY, TWILIO_API_SECRET: "s" }, "TWILIO_API_KEY needs TWILIO_ACCOUNT_SID"],
    [
      { TWILIO_CONVERSATIONS_BASE_URL: "not a url" },
      "TWILIO_CONVERSATIONS_BASE_URL must be an absolute http(s) URL",
    ],
    [{ TWILIO_API_BASE_URL: "ftp://x" }, "TWILIO_API_BASE_URL must use http or https"],
    [{ PORT: "eighty" }, "PORT must be a whole number from 0 to 65535"],
    [{ TWILIO_MODE: "live" }, "TWILIO_MODE=live needs TWILIO_ACCOUNT_SID"],
    [{ TWILIO_MODE: "mock" }, 'TWILIO_MODE must be "live" or "simulator"'],
    [{ TWILIO_REGION: "Ireland" }, "TWILIO_REGION must look like"],
    [{ CORS_ORIGINS: "app.example.com" }, "CORS_ORIGINS must list origins"],
    [{ CORS_ORIGINS: "https://app.example.com/path" }, "CORS_ORIGINS must list origins"],
    [{ GRAPHQL_INTROSPECTION: "no" }, 'GRAPHQL_INTROSPECTION must be "true" or "false"'],
    [
      { GRAPHQL_INTROSPECTION: "false", GRAPHIQL_ENABLED: "true" },
      "GRAPHIQL_ENABLED=true needs GRAPHQL_INTROSPECTION=true",
    ],
    [{ METRICS_ENABLED: "yes" }, 'METRICS_ENABLED must be "true" or "false", got "yes"'],
  ])("rejects %j at start-up with one clear line", (env, expected) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(expected);
    expect(message).not.toContain("\n");
  });

  it("serves introspection and GraphiQL unless told not to; no introspection means no GraphiQL", () => {
    expect(loadConfig({})).toMatchObject({ introspection: true, graphiql: true });
    expect(loadConfig({ GRAPHIQL_ENABLED: "false" })).toMatchObject({
      introspection: true,
      graphiql: false,
    });
    expect(loadConfig({ GRAPHQL_INTROSPECTION: "false" })).toMatchObject({
      introspection: false,
      graphiql: false,
    });
  });

  it("never puts a secret in its error message", () => {
    expect(() =>
      loadConfig({
        TWILIO_ACCOUNT_SID: "bad",
        TWILIO_AUTH_TOKEN: "supersecret",
        TWILIO_API_SECRET: "alsosecret",
      }),
    ).toThrow(/^(?!.*(supersecret|alsosecret)).*$/);
  });

  it("reads PUBLIC_URL as an absolute http(s) URL without query, fragment or credentials", () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: "https://gateway.example.com/base/" }).publicUrl).toBe(
      "https://gateway.example.com/base",
    );
    for (const [value, problem] of [
      ["gateway.example.com", "PUBLIC_URL must be an absolute http(s) URL"],
      ["ftp://gateway.example.com", "PUBLIC_URL must use http or https"],
      ["https://gateway.example.com/?a=1", "PUBLIC_URL must not carry a query"],
      ["https://gateway.example.com/#top", "PUBLIC_URL must not carry a query"],
      ["https://user:pw@gateway.example.com", "PUBLIC_URL must not carry a query"],
    ] as const) {
      expect(() => loadConfig({ PUBLIC_URL: value }), value).toThrow(problem);
    }
  });

  it("reads REDIS_URL, never echoing it (it may hold a password)", () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: "rediss://:pw@redis.internal:6380/2" }).redisUrl).toBe(
      "rediss://:pw@redis.internal:6380/2",
    );
    expect(() => loadConfig({ REDIS_URL: "http://:hunter2@redis.internal" })).toThrow(
      /^(?!.*hunter2).*REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/,
    );
  });

  it("collects the callback auth tokens by account: the configured one, then the extra ones", () => {
    const other = "AC" + "c".repeat(32);
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: "current",
      TWILIO_CALLBACK_AUTH_TOKENS: ` next , ${other}:theirs,current`,
    });
    expect(config.callbackAuthTokens).toEqual({ [SID]: ["current", "next"], [other]: ["theirs"] });
    // With an API key, the account's auth token still signs its callbacks.
    expect(
      loadConfig({
        TWILIO_ACCOUNT_SID: SID,
        TWILIO_API_KEY: KEY,
        TWILIO_API_SECRET: "s",
        TWILIO_AUTH_TOKEN: "current",
      }).callbackAuthTokens,
    ).toEqual({ [SID]: ["current"] });
    expect(loadConfig({}).callbackAuthTokens).toEqual({});
  });

  it("refuses a callback token it cannot file under an account, without echoing any token", () => {
    const attempt = (tokens: string) => () => loadConfig({ TWILIO_CALLBACK_AUTH_TOKENS: tokens });
    expect(attempt("lonely-secret")).toThrow(
      /^(?!.*lonely-secret).*entry 1 names no account .* TWILIO_ACCOUNT_SID is not set/,
    );
    expect(attempt(`AC12:hidden-secret`)).toThrow(
      /^(?!.*hidden-secret).*entry 1 must be a token or AC/,
    );
    expect(attempt(`${SID}:`)).toThrow("entry 1 has an empty token");
  });

  it("bounds subscriptions, with defaults", () => {
    expect(loadConfig({})).toMatchObject({
      subscriptionsPerConnection: 10,
      subscriptionsPerPrincipal: 100,
      subscriptionQueueSize: 1000,
      subscriptionKeepAliveMs: 15_000,
      simulatorCallProgressStepMs: 1000,
    });
    expect(
      loadConfig({
        SUBSCRIPTIONS_PER_CONNECTION: "1",
        SUBSCRIPTIONS_PER_PRINCIPAL: "5",
        SUBSCRIPTION_QUEUE_SIZE: "50",
        SUBSCRIPTION_KEEPALIVE_MS: "5000",
        SIMULATOR_CALL_PROGRESS_STEP_MS: "20",
      }),
    ).toMatchObject({
      subscriptionsPerConnection: 1,
      subscriptionsPerPrincipal: 5,
      subscriptionQueueSize: 50,
      subscriptionKeepAliveMs: 5000,
      simulatorCallProgressStepMs: 20,
    });
    expect(() => loadConfig({ SUBSCRIPTIONS_PER_CONNECTION: "0" })).toThrow(
      "SUBSCRIPTIONS_PER_CONNECTION must be a whole number from 1 to 1000",
    );
    expect(() => loadConfig({ SUBSCRIPTION_QUEUE_SIZE: "lots" })).toThrow(
      "SUBSCRIPTION_QUEUE_SIZE",
    );
  });
});
