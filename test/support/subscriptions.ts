import { createClient as createSseClient } from "graphql-sse";
import { createClient as createWsClient } from "graphql-ws";
import { afterEach } from "vitest";
import WebSocket from "ws";

export interface SubscriptionRequest {
  query: string;
  variables?: Record<string, unknown>;
  /** Which of the document's operations, when it holds several. */
  operationName?: string;
  /** A trusted document's id (then `query` is empty: both protocols insist on one). */
  documentId?: string;
  extensions?: Record<string, unknown>;
}

export interface Payload<T> {
  data?: T | null;
  errors?: ReadonlyArray<{
    message: string;
    path?: unknown;
    extensions?: Readonly<Record<string, unknown>>;
  }>;
}

/**
 * One subscription as a client sees it: every payload in order, the transport's failure (a
 * refused connection, say) and whether it completed.
 */
export class ClientSubscription<T = Record<string, unknown>> {
  readonly payloads: Array<Payload<T>> = [];
  failure: unknown = undefined;
  completed = false;

  constructor(private readonly stop: () => void) {}

  /** The payloads' data, errors left out. */
  get data(): T[] {
    return this.payloads.flatMap((payload) => (payload.data ? [payload.data] : []));
  }

  sink() {
    return {
      next: (payload: Payload<T>) => void this.payloads.push(payload),
      error: (failure: unknown) => (this.failure = failure),
      complete: () => (this.completed = true),
    };
  }

  /** Resolves once `count` payloads have arrived; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<Array<Payload<T>>> {
    await until(
      () => this.payloads.length >= count,
      timeoutMs,
      () => `${this.payloads.length} of ${count} payloads: ${JSON.stringify(this.payloads)}`,
    );
    return this.payloads.slice(0, count);
  }

  async waitUntilEnded(timeoutMs = 10_000): Promise<void> {
    await until(
      () => this.completed || this.failure !== undefined,
      timeoutMs,
      () => "not ended",
    );
  }

  unsubscribe(): void {
    this.stop();
  }
}

export interface WsOptions {
  connectionParams?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A graphql-ws client (with `ws`) on the gateway's `/graphql`, one connection per call. */
export function wsClient(baseUrl: string, options: WsOptions = {}) {
  const closes: Array<{ code: number; reason: string }> = [];
  const client = createWsClient({
    url: `${baseUrl.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: options.headers });
      }
    },
    connectionParams: options.connectionParams,
    retryAttempts: 0,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closes.push({ code, reason: String(reason) });
      },
    },
  });
  return { closes, ...subscribing(client) };
}

/** A graphql-sse client on the gateway's `/graphql/stream` (one request per subscription). */
export function sseClient(baseUrl: string, headers: Record<string, string> = {}) {
  const client = createSseClient({
    url: `${baseUrl}/graphql/stream`,
    headers,
    retryAttempts: 0,
  });
  return subscribing(client);
}

/** What graphql-ws's and graphql-sse's clients have in common, as tests use it. */
interface SubscribingClient {
  subscribe(
    request: SubscriptionRequest,
    sink: { next(value: never): void; error(error: unknown): void; complete(): void },
  ): () => void;
  dispose(): void | Promise<void>;
}

function subscribing(client: SubscribingClient) {
  return {
    subscribe<T = Record<string, unknown>>(request: SubscriptionRequest): ClientSubscription<T> {
      let stop = () => {};
      const subscription = new ClientSubscription<T>(() => stop());
      stop = client.subscribe(request, subscription.sink());
      return subscription;
    },
    dispose: () => client.dispose(),
  };
}

/** The gateway's gauge of open subscriptions, read from `/metrics`. */
export async function openSubscriptions(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const match = /^participant_gateway_subscriptions (\d+)$/m.exec(text);
  if (!match) throw new Error("no participant_gateway_subscriptions in /metrics");
  return Number(match[1]);
}

/** Waits until the gateway serves `count` subscriptions: events published after that reach them. */
export async function waitForSubscriptions(baseUrl: string, count: number): Promise<void> {
  let seen = -1;
  await until(
    () => seen === count,
    10_000,
    () => `${seen} subscriptions open, not ${count}`,
    async () => {
      seen = await openSubscriptions(baseUrl);
    },
  );
}

export async function until(
  condition: () => boolean,
  timeoutMs = 10_000,
  describe: () => string = () => "condition not met",
  poll?: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await poll?.();
    if (condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * What a test opened (clients, subscriptions), closed after each test, which then waits until
 * the gateway at `url()` holds no subscription: the next test starts from none.
 */
export function useSubscriptionCleanups(url: () => string): Array<() => void | Promise<void>> {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await waitForSubscriptions(url(), 0);
  });
  return cleanups;
}
