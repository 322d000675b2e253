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

export interface EventStreamOptions {
  /** The most events held for a consumer that has not asked for them yet. */
  maxQueue: number;
}

/**
 * A subscriber's events as an async iterator, the shape graphql-ws and graphql-sse consume:
 * only the account's events that pass `filter`, in arrival order. It resolves once subscribed,
 * so no event published after that is missed. Memory is bounded: when more than `maxQueue`
 * events wait, the stream stops listening, hands out the `maxQueue` it holds (nothing is
 * skipped silently) and then fails with `SubscriberTooSlowError`. `return()` (called by the
 * server when the client leaves) unsubscribes at once; the stream also completes if the bus
 * closes.
 */
export async function openEventStream(
  bus: EventBus,
  accountSid: string,
  filter: ParticipantEventFilter,
  options: EventStreamOptions,
): Promise<AsyncIterableIterator<ParticipantEventRecord>> {
  const { maxQueue } = options;
  if (!Number.isSafeInteger(maxQueue) || maxQueue < 1) {
    throw new RangeError(`maxQueue must be a positive whole number, not ${maxQueue}`);
  }
  const queue: ParticipantEventRecord[] = [];
  let waiting: ((result: IteratorResult<ParticipantEventRecord>) => void) | null = null;
  let failWaiting: ((error: Error) => void) | null = null;
  let failure: Error | null = null;
  let finished = false;
  let unsubscribe = () => {};

  const settle = (result: IteratorResult<ParticipantEventRecord> | Error) => {
    const [resolve, reject] = [waiting, failWaiting];
    waiting = failWaiting = null;
    if (result instanceof Error) reject?.(result);
    else resolve?.(result);
  };
  const stop = () => {
    finished = true;
    unsubscribe();
  };

  const sink: EventSink = {
    deliver(record) {
      if (finished || record.accountSid !== accountSid || !matchesFilter(filter, record)) return;
      if (waiting !== null) {
        settle({ value: record, done: false });
      } else if (queue.length < maxQueue) {
        queue.push(record);
      } else {
        failure = new SubscriberTooSlowError(maxQueue);
        stop();
      }
    },
    end() {
      finished = true;
      settle({ value: undefined, done: true });
    },
  };
  unsubscribe = await bus.subscribe(accountSid, sink);
  // Ended while subscribing (the bus closed, or a flood overflowed it): let go right away.
  if (finished) unsubscribe();

  const done = (): IteratorResult<ParticipantEventRecord> => ({ value: undefined, done: true });
  const close = async () => {
    stop();
    queue.length = 0;
    failure = null;
    settle(done());
    return done();
  };
  const iterator: AsyncIterableIterator<ParticipantEventRecord> = {
    next() {
      const record = queue.shift();
      if (record !== undefined) return Promise.resolve({ value: record, done: false });
      if (failure !== null) {
        const error = failure;
        failure = null;
        return Promise.reject(error);
      }
      if (finished) return Promise.resolve(done());
      return new Promise((resolve, reject) => {
        waiting = resolve;
        failWaiting = reject;
      });
    },
    return: close,
    throw: close,
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
