import type { EventBus, EventSink, Unsubscribe } from "./bus.js";
import { matchesFilter, type ParticipantEventFilter } from "./filter.js";
import type { ParticipantEventRecord } from "./record.js";

/**
 * Ends a subscriber's stream whose queue outgrew its bound: the consumer was not keeping up.
 * Plain data, no GraphQL: the GraphQL layer maps `code` onto `extensions.code`.
 */
export class SubscriberTooSlowError extends Error {
  readonly code = "SUBSCRIBER_TOO_SLOW";

  constructor(readonly maxQueue: number) {
    super(
      `The subscription fell more than ${maxQueue} events behind and was ended; ` +
        "subscribe again (events in between are lost) or narrow the filter",
    );
    this.name = "SubscriberTooSlowError";
  }
}

/** What a stream yields: events, and possibly, last, the error that ended it. */
export type EventStreamItem = ParticipantEventRecord | SubscriberTooSlowError;

/**
 * For the subscription field's resolver: the event, or the stream's closing error thrown, so
 * GraphQL execution turns it into the last payload's error (with the error as originalError).
 */
export function eventOrThrow(item: EventStreamItem): ParticipantEventRecord {
  if (item instanceof SubscriberTooSlowError) throw item;
  return item;
}

export interface EventStreamOptions {
  /** The most events held for a consumer that has not asked for them yet. */
  maxQueue: number;
  /** Called once when the consumer has read the end, or let go of the stream. */
  onEnd?: () => void;
}

/**
 * A subscriber's events as an async iterator, the shape graphql-ws and graphql-sse consume:
 * only the account's events that pass `filter`, in arrival order. It resolves once subscribed,
 * so no event published after that is missed.
 *
 * Memory is bounded: when more than `maxQueue` events wait, the stream stops listening, hands
 * out the `maxQueue` it holds (nothing is skipped silently), then yields a
 * `SubscriberTooSlowError` and completes. The error is an item, not a rejected `next()`:
 * graphql-ws reports a rejection, but graphql-sse drops it (the client learns nothing and the
 * server's handler rejects), whereas an error thrown while resolving an item reaches every
 * transport as an ordinary GraphQL error (see `eventOrThrow`).
 *
 * `return()` (called by the server when the client leaves) unsubscribes at once; the stream
 * also completes if the bus closes. `next()` never rejects.
 */
export async function openEventStream(
  bus: EventBus,
  accountSid: string,
  filter: ParticipantEventFilter,
  options: EventStreamOptions,
): Promise<AsyncIterableIterator<EventStreamItem>> {
  const { maxQueue } = options;
  if (!Number.isSafeInteger(maxQueue) || maxQueue < 1) {
    throw new RangeError(`maxQueue must be a positive whole number, not ${maxQueue}`);
  }
  const stream = new EventStream(accountSid, filter, maxQueue, options.onEnd);
  stream.listen(await bus.subscribe(accountSid, stream));
  return stream;
}

const DONE: IteratorResult<EventStreamItem> = Object.freeze({ value: undefined, done: true });

/**
 * `openEventStream`'s stream, its own sink. A class, not closures: an idle subscriber (most of
 * them, most of the time) then costs one small object and no queue.
 */
class EventStream implements AsyncIterableIterator<EventStreamItem>, EventSink {
  /** Made on the first event that waits: an idle subscriber holds none. */
  private queue: EventStreamItem[] | undefined;
  private waiting: ((result: IteratorResult<EventStreamItem>) => void) | undefined;
  private finished = false;
  private unsubscribe: Unsubscribe | undefined;

  constructor(
    private readonly accountSid: string,
    private readonly filter: ParticipantEventFilter,
    private readonly maxQueue: number,
    private onEnd: (() => void) | undefined,
  ) {}

  listen(unsubscribe: Unsubscribe): void {
    this.unsubscribe = unsubscribe;
    // Ended while subscribing (the bus closed, or a flood overflowed it): let go right away.
    if (this.finished) unsubscribe();
  }

  deliver(record: ParticipantEventRecord): void {
    if (this.finished || record.accountSid !== this.accountSid) return;
    if (!matchesFilter(this.filter, record)) return;
    if (this.waiting !== undefined) return this.wake({ value: record, done: false });
    const queue = (this.queue ??= []);
    if (queue.length < this.maxQueue) {
      queue.push(record);
    } else {
      // One item past the bound: the error, handed out after what is queued.
      queue.push(new SubscriberTooSlowError(this.maxQueue));
      this.stop();
    }
  }

  end(): void {
    this.finished = true;
    this.wake(DONE);
  }

  next(): Promise<IteratorResult<EventStreamItem>> {
    const item = this.queue?.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.finished) {
      this.ended();
      return Promise.resolve(DONE);
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<EventStreamItem>> {
    this.stop();
    this.queue = undefined;
    this.wake(DONE);
    this.ended();
    return Promise.resolve(DONE);
  }

  throw(): Promise<IteratorResult<EventStreamItem>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private wake(result: IteratorResult<EventStreamItem>): void {
    const resolve = this.waiting;
    if (resolve === undefined) return;
    this.waiting = undefined;
    resolve(result);
    if (result.done) this.ended();
  }

  private stop(): void {
    this.finished = true;
    this.unsubscribe?.();
  }

  private ended(): void {
    const onEnd = this.onEnd;
    this.onEnd = undefined;
    onEnd?.();
  }
}
