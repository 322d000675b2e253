import { randomUUID } from "node:crypto";
import { print } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AddConferenceParticipantDocument } from "../../../schema/generated/operations.js";
import { MANIFEST_PATH, readManifest } from "../../../src/gateway/trusted-documents/manifest.js";
import { findRepositoryRoot } from "../../../src/graphql/operation-sources.js";
import { FakeTwilio } from "../../support/fake-twilio.js";
import { ACCOUNT_SID, startTestGateway, type TestGateway } from "../../support/gateway.js";
import { postKeyed } from "../../support/keyed-post.js";
import { sseClient, until, waitForSubscriptions, wsClient } from "../../support/subscriptions.js";

const CF = "CF" + "a".repeat(32);
const CA = "CA" + "b".repeat(32);
const added = {
  status: 201,
  body: { account_sid: ACCOUNT_SID, conference_sid: CF, call_sid: CA, status: "queued" },
};
const INPUT = { conferenceSid: CF, from: "+15017122661", to: "+15558675310", label: "customer" };

const manifest = readManifest(`${findRepositoryRoot()!}/${MANIFEST_PATH}`);
const listed = (name: string) => manifest.operations.find((entry) => entry.name === name)!;
const ADD = listed("AddConferenceParticipant");
const LIST = listed("ConferenceParticipants");
const EVENTS = listed("ParticipantEvents");

/** Not in schema/operations: the listed add, asking for one more field. */
const UNLISTED_ADD = ADD.body.replace("callSid", "callSid\n    callReason: label");
const UNLISTED_QUERY = `query { conferenceParticipants(conferenceSid: "${CF}") { edges { node { callSid } } } }`;
const UNLISTED_SUBSCRIPTION = `subscription { participantEvents(filter: {}) { type } }`;

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function post(gateway: TestGateway, body: unknown): Promise<Answer> {
  const response = await fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

async function get(gateway: TestGateway, params: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${gateway.graphqlUrl}?${new URLSearchParams(params).toString()}`, {
    headers: { "apollo-require-preflight": "true" },
  });
  return { status: response.status, ...((await response.json()) as object) };
}

const codes = (answer: Answer) => (answer.errors ?? []).map((error) => error.extensions?.code);

const fake = new FakeTwilio();
let gateway: TestGateway;
let allowing: TestGateway;
beforeAll(async () => {
  await fake.start();
  [gateway, allowing] = await Promise.all([
    startTestGateway(fake.url, { GRAPHQL_TRUSTED_DOCUMENTS: "require" }),
    startTestGateway(fake.url),
  ]);
});
afterAll(async () => {
  await Promise.all([gateway.close(), allowing.close()]);
  await fake.stop();
});
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  fake.reset();
});

describe("GRAPHQL_TRUSTED_DOCUMENTS=require refuses what is not listed, before anything runs", () => {
  it("a mutation POSTed as text: HTTP 400 OPERATION_NOT_IN_SAFELIST, and Twilio hears nothing", async () => {
    fake.setFallback(added);
    const answer = await post(gateway, { query: UNLISTED_ADD, variables: { input: INPUT } });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(["OPERATION_NOT_IN_SAFELIST"]);
    expect(answer.data).toBeUndefined();
    expect(fake.requests).toEqual([]);
    expect(gateway.logLines.join("\n")).toContain("request refused: not a trusted document");
  });

  it("a query sent by GET, and a document that does not even parse", async () => {
    const byGet = await get(gateway, { query: UNLISTED_QUERY });
    expect(byGet.status).toBe(400);
    expect(codes(byGet)).toEqual(["OPERATION_NOT_IN_SAFELIST"]);
    const garbage = await post(gateway, { query: "mutation { addConferenceParticipant(" });
    expect(garbage.status).toBe(400);
    expect(codes(garbage)).toEqual(["OPERATION_NOT_IN_SAFELIST"]);
    expect(fake.requests).toEqual([]);
  });

  it("an unlisted operation in a batch, and a listed name over an unlisted operation", async () => {
    const batch = await post(gateway, [
      { query: ADD.body, variables: { input: INPUT } },
      { query: UNLISTED_ADD, variables: { input: INPUT } },
    ]);
    expect(batch.status).toBe(400);
    const renamed = await post(gateway, {
      query: UNLISTED_ADD,
      operationName: "AddConferenceParticipant",
      variables: { input: INPUT },
    });
    expect(codes(renamed)).toEqual(["OPERATION_NOT_IN_SAFELIST"]);
    expect(fake.requests).toEqual([]);
  });

  it("a subscription over WebSocket gets the error, the connection stays usable", async () => {
    const client = wsClient(gateway.url);
    cleanups.push(() => client.dispose());
    const refused = client.subscribe({ query: UNLISTED_SUBSCRIPTION });
    await refused.waitUntilEnded();
    expect(refused.failure).toEqual([
      expect.objectContaining({ extensions: { code: "OPERATION_NOT_IN_SAFELIST" } }),
    ]);
    const accepted = client.subscribe({ query: EVENTS.body, variables: { filter: {} } });
    await waitForSubscriptions(gateway.url, 1);
    accepted.unsubscribe();
    await waitForSubscriptions(gateway.url, 0);
    expect(fake.requests).toEqual([]);
  });

  it("a subscription over Server-Sent Events: HTTP 400 with the code", async () => {
    const response = await fetch(`${gateway.url}/graphql/stream`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: UNLISTED_SUBSCRIPTION }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [expect.objectContaining({ extensions: { code: "OPERATION_NOT_IN_SAFELIST" } })],
    });
    expect(fake.requests).toEqual([]);
  });

  it("an id that names no trusted document, and an id sent with a query", async () => {
    const unknown = await post(gateway, { documentId: "f".repeat(64), variables: {} });
    expect(unknown.status).toBe(400);
    expect(codes(unknown)).toEqual(["PERSISTED_DOCUMENT_NOT_FOUND"]);
    const both = await post(gateway, { documentId: ADD.id, query: ADD.body });
    expect(both.status).toBe(400);
    expect(codes(both)).toEqual(["BAD_REQUEST"]);
    const notText = await post(gateway, { documentId: 42 });
    expect(codes(notText)).toEqual(["BAD_REQUEST"]);
    expect(fake.requests).toEqual([]);
  });
});

describe("a listed operation runs in require mode", () => {
  it("as its text, exactly as listed", async () => {
    fake.reply(added);
    const answer = await post(gateway, { query: ADD.body, variables: { input: INPUT } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({ addConferenceParticipant: { callSid: CA } });
    expect(fake.requests).toHaveLength(1);
  });

  it("as a frontend prints the generated typed document", async () => {
    fake.reply(added);
    const answer = await post(gateway, {
      query: print(AddConferenceParticipantDocument),
      variables: { input: INPUT },
    });
    expect(answer.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });

  it("written differently: comments, spacing, other variable names, next to other operations", async () => {
    fake.reply(added);
    const rewritten = `# GraphiQL renames variables that its operations share
      query Other { gatewayInfo { name } }
      mutation AddConferenceParticipant($addInput: AddConferenceParticipantInput!) {
        addConferenceParticipant(input: $addInput) {
          __typename sid kind callSid conferenceSid accountSid label status muted hold coaching
          callSidToCoach startConferenceOnEnter endConferenceOnExit queueTime dateCreated
          dateUpdated uri url
        }
      }`;
    const answer = await post(gateway, {
      query: rewritten,
      operationName: "AddConferenceParticipant",
      variables: { addInput: INPUT },
    });
    expect(answer.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
    // The other operation of that document is not listed: picked, it is refused.
    const other = await post(gateway, { query: rewritten, operationName: "Other" });
    expect(codes(other)).toEqual(["OPERATION_NOT_IN_SAFELIST"]);
  });

  it("by documentId in a POST body and in a GET query string", async () => {
    fake.reply(added);
    const byPost = await post(gateway, { documentId: ADD.id, variables: { input: INPUT } });
    expect(byPost.errors).toBeUndefined();
    expect(byPost.data).toMatchObject({ addConferenceParticipant: { callSid: CA } });
    fake.reply({ status: 200, body: { participants: [], meta: { next_page_url: null } } });
    const byGet = await get(gateway, {
      documentId: LIST.id,
      variables: JSON.stringify({ conferenceSid: CF }),
    });
    expect(byGet.errors).toBeUndefined();
    expect(byGet.data).toMatchObject({ conferenceParticipants: { edges: [] } });
    expect(fake.requests.map((request) => request.method)).toEqual(["POST", "GET"]);
  });

  it("by Apollo's persisted-query hash alone, the first time already", async () => {
    fake.reply(added);
    const answer = await post(gateway, {
      variables: { input: INPUT },
      extensions: { persistedQuery: { version: 1, sha256Hash: ADD.id } },
    });
    expect(answer.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });

  it("by documentId with an Idempotency-Key: the retry is replayed, Twilio called once", async () => {
    fake.reply(added);
    const key = randomUUID();
    const body = { documentId: ADD.id, variables: { input: INPUT } };
    const first = await postKeyed(gateway.graphqlUrl, key, body);
    const retry = await postKeyed(gateway.graphqlUrl, key, body);
    expect(first.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(fake.requests).toHaveLength(1);
  });

  it("subscriptions by id over WebSocket and Server-Sent Events", async () => {
    const ws = wsClient(gateway.url);
    const sse = sseClient(gateway.url);
    cleanups.push(
      () => ws.dispose(),
      () => sse.dispose(),
    );
    const filter = { conferenceSid: CF };
    // graphql-ws and graphql-sse insist on a query string: an empty one stands for none.
    const overWs = ws.subscribe({
      query: "",
      extensions: { persistedQuery: { version: 1, sha256Hash: EVENTS.id } },
      variables: { filter },
    });
    const overSse = sse.subscribe({ query: "", documentId: EVENTS.id, variables: { filter } });
    await waitForSubscriptions(gateway.url, 2);
    fake.reply(added);
    const answer = await post(gateway, { documentId: ADD.id, variables: { input: INPUT } });
    expect(answer.errors).toBeUndefined();
    for (const subscription of [overWs, overSse]) {
      const [event] = await subscription.waitFor(1);
      expect(event).toMatchObject({
        data: { participantEvents: { type: "ADDED", participant: { callSid: CA } } },
      });
    }
  });

  it("introspection, which GRAPHQL_INTROSPECTION decides on, and `{ __typename }`", async () => {
    const introspection = await post(gateway, {
      query: "query IntrospectionQuery { __schema { queryType { name } } }",
    });
    expect(introspection.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const typename = await get(gateway, { query: "{ __typename }" });
    expect(typename.data).toEqual({ __typename: "Query" });
    const mixed = await post(gateway, {
      query: "{ __typename gatewayInfo { name } }",
    });
    expect(codes(mixed)).toEqual(["OPERATION_NOT_IN_SAFELIST"]);
  });
});

describe("GRAPHQL_TRUSTED_DOCUMENTS=allow (the default)", () => {
  it("runs any document, and the listed ones by id as well", async () => {
    fake.reply(added, added);
    const unlisted = await post(allowing, { query: UNLISTED_ADD, variables: { input: INPUT } });
    expect(unlisted.errors).toBeUndefined();
    const byId = await post(allowing, { documentId: ADD.id, variables: { input: INPUT } });
    expect(byId.errors).toBeUndefined();
    expect(fake.requests).toHaveLength(2);
    const unknown = await post(allowing, { documentId: "0".repeat(64) });
    expect(codes(unknown)).toEqual(["PERSISTED_DOCUMENT_NOT_FOUND"]);
  });

  it("a subscription by an unknown hash is told to send its query", async () => {
    const client = wsClient(allowing.url);
    cleanups.push(() => client.dispose());
    const subscription = client.subscribe({
      query: "",
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    await until(() => subscription.failure !== undefined);
    expect(subscription.failure).toEqual([
      expect.objectContaining({ extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }),
    ]);
  });
});
