import type { EventBus } from "./bus.js";
import type { ParticipantEventFilter } from "./filter.js";
import { type EventStreamItem, openEventStream } from "./stream.js";

/**
 * Refuses a subscription over one of the bounds. Plain data, no GraphQL: the GraphQL layer maps
 * `code` onto `extensions.code`.
 */
export class TooManySubscriptionsError extends Error {
  readonly code = "TOO_MANY_SUBSCRIPTIONS";

  constructor(
    readonly per: "connection" | "caller",
    readonly limit: number,
  ) {
    super(
      per === "connection"
        ? `This connection already has ${limit} subscriptions open (the most allowed); ` +
            "end one, or open another connection"
        : `This caller already has ${limit} subscriptions open on this gateway (the most allowed); ` +
            "end one first",
    );
    this.name = "TooManySubscriptionsError";
  }
}

export interface SubscriptionBounds {
  /** Subscriptions open at once on one connection (a WebSocket; an SSE request holds one). */
  perConnection: number;
  /** Subscriptions open at once for one caller (Principal id) on this replica. */
  perPrincipal: number;
  /** Events held for one subscriber that has not read them yet (see `openEventStream`). */
  maxQueue: number;
}

/** Who subscribes: the account whose events it sees, who it is, and over which connection. */
export interface Subscriber {
  readonly accountSid: string;
  readonly principalId: string;
  /** Any object that stands for the connection (compared by identity). */
  readonly connection: object;
}

type Stream = AsyncIterableIterator<EventStreamItem>;

/**
 * Every subscription this replica serves, within its bounds: a subscription over a bound is
 * refused, one that ends (the client left, it fell behind, the bus closed) frees its place, and
 * `endAll` completes them all on shutdown while the bus stays open for publishing.
 */
export class LiveSubscriptions {
  private readonly open = new Set<Stream>();
  private readonly perConnection = new WeakMap<object, number>();
  private readonly perPrincipal = new Map<string, number>();
  private ended = false;

  constructor(
    private readonly bus: EventBus,
    private readonly bounds: SubscriptionBounds,
  ) {}

  /**
   * The subscriber's events that pass `filter`, as `openEventStream` yields them. After
   * `endAll` the stream is complete from the start: the client is told it ended, not refused.
   */
  async subscribe(subscriber: Subscriber, filter: ParticipantEventFilter): Promise<Stream> {
    if (this.ended) return completedStream();
    const release = this.reserve(subscriber);
    let stream: Stream;
    try {
      stream = await openEventStream(this.bus, subscriber.accountSid, filter, {
        maxQueue: this.bounds.maxQueue,
        onEnd: () => {
          this.open.delete(stream);
          release();
        },
      });
    } catch (error) {
      release();
      throw error;
    }
    this.open.add(stream);
    // Shutdown began while the bus was subscribing.
    if (this.ended) await stream.return!();
    return stream;
  }

  /** How many subscriptions are open now. */
  count(): number {
    return this.open.size;
  }

  /** Completes every open subscription (what is still queued for it is dropped) and refuses none after. */
  endAll(): void {
    this.ended = true;
    for (const stream of [...this.open]) void stream.return!();
  }

  /** Takes a place for the subscriber, synchronously, so concurrent subscribes cannot overshoot. */
  private reserve({ principalId, connection }: Subscriber): () => void {
    const onConnection = this.perConnection.get(connection) ?? 0;
    if (onConnection >= this.bounds.perConnection) {
      throw new TooManySubscriptionsError("connection", this.bounds.perConnection);
    }
    const ofPrincipal = this.perPrincipal.get(principalId) ?? 0;
    if (ofPrincipal >= this.bounds.perPrincipal) {
      throw new TooManySubscriptionsError("caller", this.bounds.perPrincipal);
    }
    this.perConnection.set(connection, onConnection + 1);
    this.perPrincipal.set(principalId, ofPrincipal + 1);
    return () => {
      this.perConnection.set(connection, (this.perConnection.get(connection) ?? 1) - 1);
      const left = (this.perPrincipal.get(principalId) ?? 1) - 1;
      if (left > 0) this.perPrincipal.set(principalId, left);
      else this.perPrincipal.delete(principalId);
    };
  }
}

function completedStream(): Stream {
  const done = async (): Promise<IteratorResult<EventStreamItem>> => ({
    value: undefined,
    done: true,
  });
  const iterator: Stream = {
    next: done,
    return: done,
    throw: done,
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
