import type { EventBus, EventSink } from "./bus.js";
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
  const queue: EventStreamItem[] = [];
  let waiting: ((result: IteratorResult<EventStreamItem>) => void) | null = null;
  let finished = false;
  let unsubscribe = () => {};

  const done = (): IteratorResult<EventStreamItem> => ({ value: undefined, done: true });
  const wake = (result: IteratorResult<EventStreamItem>) => {
    const resolve = waiting;
    waiting = null;
    resolve?.(result);
  };
  const stop = () => {
    finished = true;
    unsubscribe();
  };

  const sink: EventSink = {
    deliver(record) {
      if (finished || record.accountSid !== accountSid || !matchesFilter(filter, record)) return;
      if (waiting !== null) {
        wake({ value: record, done: false });
      } else if (queue.length < maxQueue) {
        queue.push(record);
      } else {
        // One item past the bound: the error, handed out after what is queued.
        queue.push(new SubscriberTooSlowError(maxQueue));
        stop();
      }
    },
    end() {
      finished = true;
      wake(done());
    },
  };
  unsubscribe = await bus.subscribe(accountSid, sink);
  // Ended while subscribing (the bus closed, or a flood overflowed it): let go right away.
  if (finished) unsubscribe();

  const close = async () => {
    stop();
    queue.length = 0;
    wake(done());
    return done();
  };
  const iterator: AsyncIterableIterator<EventStreamItem> = {
    next() {
      const item = queue.shift();
      if (item !== undefined) return Promise.resolve({ value: item, done: false });
      if (finished) return Promise.resolve(done());
      return new Promise((resolve) => (waiting = resolve));
    },
    return: close,
    throw: close,
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
