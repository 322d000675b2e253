// Subscribers as a client library would hold them, written against the protocol directly (ws
// and graphql-transport-ws: connection_init, connection_ack, subscribe, next) so that the load
// generator's own cost per message stays small and visible: one WebSocket, one subscription.
import { readFileSync } from "node:fs";
import { parse, print } from "graphql";
import WebSocket from "ws";

/** The explorer's WatchConference, from schema/operations/: what a person watching runs. */
export const WATCH_CONFERENCE = (() => {
  const file = new URL("../../../schema/operations/events.graphql", import.meta.url);
  const operation = parse(readFileSync(file, "utf8")).definitions.find(
    (definition) => definition.name?.value === "WatchConference",
  );
  if (!operation) throw new Error("schema/operations/events.graphql has no WatchConference");
  return print(operation);
})();

/**
 * Opens a WebSocket and has it admitted (connection_init with the key, connection_ack); resolves
 * with a subscriber whose `subscribe(variables)` then starts its one subscription (the gateway's
 * gauge says when it is served). `onNext(payload, receivedAt)` gets every event, `receivedAt`
 * taken as the frame arrives, before it is parsed.
 */
export function connect({ origin, authorization, onNext = () => {} }) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(
      `${origin.replace(/^http/, "ws")}/graphql`,
      "graphql-transport-ws",
    );
    const subscriber = {
      socket,
      failure: undefined,
      subscribe(variables) {
        const payload = { query: WATCH_CONFERENCE, variables };
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload }));
      },
      close: () => socket.close(1000),
    };
    let admitted = false;
    socket.on("open", () => {
      socket.send(JSON.stringify({ type: "connection_init", payload: { authorization } }));
    });
    socket.on("message", (data) => {
      const receivedAt = performance.now();
      const message = JSON.parse(data.toString());
      if (message.type === "connection_ack") {
        admitted = true;
        resolve(subscriber);
      } else if (message.type === "next") {
        onNext(message.payload, receivedAt);
      } else if (message.type === "error" || message.type === "complete") {
        subscriber.failure ??= `${message.type}: ${JSON.stringify(message.payload ?? null)}`;
      }
    });
    socket.on("error", (error) => {
      subscriber.failure ??= error.message;
      if (!admitted) reject(error);
    });
    socket.on("close", (code, reason) => {
      if (code !== 1000) subscriber.failure ??= `closed ${code} ${reason}`;
      if (!admitted) reject(new Error(`closed ${code} ${reason} before connection_ack`));
    });
  });
}

/** A connection with its subscription started. */
export async function subscribe({ variables, ...options }) {
  const subscriber = await connect(options);
  subscriber.subscribe(variables);
  return subscriber;
}

/** Runs `open(index)` for 0…count-1, at most `concurrency` at a time, in order. */
export async function openMany(count, concurrency, open) {
  const opened = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) opened[index] = await open(index);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return opened;
}

/** Opens `count` subscriptions, at most `concurrency` connecting at a time. */
export function subscribeMany(count, concurrency, options) {
  return openMany(count, concurrency, (index) => subscribe(options(index)));
}

/** Closes every subscriber and waits until their sockets are closed. */
export async function closeAll(subscribers) {
  await Promise.all(
    subscribers.map(
      (subscriber) =>
        new Promise((resolve) => {
          if (subscriber.socket.readyState === WebSocket.CLOSED) return resolve();
          subscriber.socket.once("close", resolve);
          subscriber.close();
        }),
    ),
  );
}
