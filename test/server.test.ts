import { describe, expect, it } from "vitest";
import { FakeTwilio } from "./support/fake-twilio.js";
import { startTestGateway, useGatewayOnFakeTwilio } from "./support/gateway.js";

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake);

function post(body: string, contentType = "application/json") {
  return fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });
}

describe("the HTTP server around Apollo", () => {
  it("answers /health without touching Twilio", async () => {
    const response = await fetch(`${gateway.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", mode: "live" });
    expect(fake.requests).toHaveLength(0);
  });

  it("answers an unknown path with 404", async () => {
    const response = await fetch(`${gateway.url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Not found" });
  });

  it("sends compact JSON, not Apollo's pretty-printed default", async () => {
    const response = await post(JSON.stringify({ query: "{ gatewayInfo { name } }" }));
    const text = await response.text();
    expect(text).toBe('{"data":{"gatewayInfo":{"name":"participant-gateway"}}}');
  });

  it("rejects a body that is not JSON with 400 and a BAD_REQUEST code", async () => {
    const response = await post('{"query": "{ gatewayInfo { name } }"');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe("BAD_REQUEST");
  });

  it("rejects a body over 1 MiB with 413 before parsing it", async () => {
    const huge = JSON.stringify({
      query: "{ gatewayInfo { name } }",
      pad: "x".repeat(1024 * 1024),
    });
    const response = await post(huge);
    expect(response.status).toBe(413);
  });

  it("refuses a simple (CSRF-able) POST that is not JSON", async () => {
    const response = await post("query={gatewayInfo{name}}", "text/plain");
    expect(response.status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });

  it("serves a query over GET when the request carries a preflight-forcing header", async () => {
    const query = encodeURIComponent("{ gatewayInfo { name } }");
    const response = await fetch(`${gateway.graphqlUrl}?query=${query}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { gatewayInfo: { name: "participant-gateway" } },
    });
  });

  it("keeps serving after a client drops its connection mid-request", async () => {
    const controller = new AbortController();
    const pending = fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ gatewayInfo { name } }" }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    controller.abort();
    await pending;
    const after = await gateway.graphql("{ gatewayInfo { name } }");
    expect(after.data).toEqual({ gatewayInfo: { name: "participant-gateway" } });
  });
});

const INTROSPECTION = "{ __schema { queryType { name } } }";

describe("introspection and the explorer", () => {
  it("answers introspection even under NODE_ENV=production, where Apollo would turn it off", async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    const production = await startTestGateway(fake.url).finally(() => {
      process.env.NODE_ENV = previous;
    });
    try {
      const result = await production.graphql(INTROSPECTION);
      expect(result.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    } finally {
      await production.close();
    }
  });

  it("refuses introspection and serves no explorer when both are turned off", async () => {
    const locked = await startTestGateway(fake.url, { GRAPHQL_INTROSPECTION: "false" });
    try {
      const result = await locked.graphql(INTROSPECTION);
      expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect((await fetch(`${locked.url}/graphiql`)).status).toBe(404);
      // Federation still needs the SDL, and the schema is no secret.
      const sdl = await locked.graphql<{ _service: { sdl: string } }>("{ _service { sdl } }");
      expect(sdl.data?._service.sdl).toContain("type ConferenceParticipant");
    } finally {
      await locked.close();
    }
  });

  it("can keep introspection but not serve the explorer", async () => {
    const headless = await startTestGateway(fake.url, { GRAPHIQL_ENABLED: "false" });
    try {
      expect((await fetch(`${headless.url}/graphiql`)).status).toBe(404);
      const browser = await fetch(headless.graphqlUrl, { headers: { accept: "text/html" } });
      expect(browser.headers.get("content-type")).not.toContain("text/html");
      expect((await headless.graphql(INTROSPECTION)).data).toBeDefined();
    } finally {
      await headless.close();
    }
  });
});

describe("request ids", () => {
  function query(headers: Record<string, string> = {}) {
    return fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: "query Info { gatewayInfo { name } }" }),
    });
  }
  function loggedRequestIds(): unknown[] {
    return gateway.logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.message === "graphql request")
      .map((entry) => entry.requestId);
  }

  it("keeps the caller's X-Request-Id, answers with it and logs it", async () => {
    const response = await query({ "x-request-id": "router-7f3a.42" });
    expect(response.headers.get("x-request-id")).toBe("router-7f3a.42");
    expect(loggedRequestIds()).toContain("router-7f3a.42");
  });

  it("makes one up when the caller sent none", async () => {
    const id = (await query()).headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(loggedRequestIds()).toContain(id);
  });

  it("ties every log line of a request to it, the lines of its Twilio calls included", async () => {
    const CF = "CF" + "1".repeat(32);
    fake.reply({ status: 201, body: { call_sid: "CA" + "2".repeat(32), conference_sid: CF } });
    const response = await fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "trace-me-1" },
      body: JSON.stringify({
        query: `mutation { addConferenceParticipant(input: { conferenceSid: "${CF}", from: "+15017122661", to: "+15558675310" }) { callSid } }`,
      }),
    });
    expect(response.status).toBe(200);
    const lines = gateway.logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.requestId === "trace-me-1");
    expect(lines.map((entry) => entry.message)).toEqual(
      expect.arrayContaining(["twilio request", "graphql request"]),
    );
    expect(lines.find((entry) => entry.message === "twilio request")).toMatchObject({
      operation: "conference.participant.create",
      status: 201,
      principal: "anonymous",
    });
  });

  it("replaces one that could forge log lines or is too long", async () => {
    for (const given of ['x", "level": "error', "a".repeat(129)]) {
      const id = (await query({ "x-request-id": given })).headers.get("x-request-id");
      expect(id).not.toBe(given);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
