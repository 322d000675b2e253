import http from "node:http";
import type { AddressInfo } from "node:net";
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { createClient as createSseClient } from "graphql-sse";
import { createHandler as createSseHandler } from "graphql-sse/lib/use/http";
import { createClient as createWsClient } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { MemoryEventBus } from "../../src/events/bus.js";
import { type EventStreamItem, eventOrThrow, openEventStream } from "../../src/events/stream.js";
import { ACCOUNT_A, conferenceRecord } from "./fixtures.js";

/**
 * The stream as GraphQL servers consume it: a subscription field whose subscribe resolver
 * returns `openEventStream`, served by graphql-ws and graphql-sse on loopback. (The gateway's
 * real schema comes later; this one has just what the transports need.)
 */
function schemaOver(bus: MemoryEventBus, maxQueue: number): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: "Subscription",
      fields: {
        eventIds: {
          type: new GraphQLNonNull(GraphQLString),
          subscribe: () => openEventStream(bus, ACCOUNT_A, {}, { maxQueue }),
          resolve: (item: EventStreamItem) => eventOrThrow(item).id,
        },
      },
    }),
  });
}

interface Received {
  ids: string[];
  /** GraphQL errors of a payload. */
  errors: unknown[];
  /** The transport's own failure. */
  failures: unknown[];
  completed: boolean;
}

/** The client's sink: events, a payload's GraphQL errors, the transport's failure, the end. */
function sinkFor(received: Received) {
  return {
    next: (result: { data?: unknown; errors?: readonly unknown[] }) => {
      if (result.errors) received.errors.push(...result.errors);
      else received.ids.push(String((result.data as { eventIds: string }).eventIds));
    },
    error: (failure: unknown) => received.failures.push(failure),
    complete: () => (received.completed = true),
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return (server.address() as AddressInfo).port;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Starts a transport over `bus`; returns a function that subscribes a client. */
type Transport = (
  bus: MemoryEventBus,
  maxQueue: number,
) => Promise<(received: Received) => () => void>;

const graphqlWs: Transport = async (bus, maxQueue) => {
  const server = http.createServer();
  const wss = new WebSocketServer({ server, path: "/graphql" });
  const disposable = useServer({ schema: schemaOver(bus, maxQueue) }, wss);
  cleanups.push(() => disposable.dispose());
  const port = await listen(server);
  const client = createWsClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  cleanups.push(() => client.dispose());
  return (received) => client.subscribe({ query: "subscription { eventIds }" }, sinkFor(received));
};

const graphqlSse: Transport = async (bus, maxQueue) => {
  const handler = createSseHandler({ schema: schemaOver(bus, maxQueue) });
  const server = http.createServer((req, res) => void handler(req, res));
  const port = await listen(server);
  const client = createSseClient({ url: `http://127.0.0.1:${port}/graphql`, retryAttempts: 0 });
  cleanups.push(() => client.dispose());
  return (received) => client.subscribe({ query: "subscription { eventIds }" }, sinkFor(received));
};

describe.each([
  ["graphql-ws", graphqlWs],
  ["graphql-sse", graphqlSse],
])("openEventStream served by %s", (_name, transport) => {
  it("delivers events, and the client leaving unsubscribes the stream", async () => {
    const bus = new MemoryEventBus();
    const subscribe = await transport(bus, 10);
    const received: Received = { ids: [], errors: [], failures: [], completed: false };
    const unsubscribe = subscribe(received);
    await until(() => bus.subscriberCount() === 1);
    const records = [conferenceRecord(), conferenceRecord()];
    for (const record of records) await bus.publish(record);
    await until(() => received.ids.length === 2);
    expect(received.ids).toEqual(records.map((record) => record.id));
    unsubscribe();
    await until(() => bus.subscriberCount() === 0);
    expect([received.errors, received.failures]).toEqual([[], []]);
  });

  it("tells a client that fell behind why its subscription ended", async () => {
    const bus = new MemoryEventBus();
    const subscribe = await transport(bus, 2);
    const received: Received = { ids: [], errors: [], failures: [], completed: false };
    subscribe(received);
    await until(() => bus.subscriberCount() === 1);
    // Delivered synchronously, faster than any server can write to a socket.
    const burst = Array.from({ length: 50 }, () => conferenceRecord());
    for (const record of burst) void bus.publish(record);
    await until(() => received.completed);
    expect(bus.subscriberCount()).toBe(0);
    // The last payload says why, as an ordinary GraphQL error; then the subscription completes.
    expect(received.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("fell more than 2 events behind"),
        path: ["eventIds"],
      }),
    ]);
    expect(received.failures).toEqual([]);
    // What it did get is the start of the burst, in order, nothing skipped.
    expect(received.ids).toEqual(burst.slice(0, received.ids.length).map((record) => record.id));
    expect(received.ids.length).toBeLessThan(burst.length);
  });
});
