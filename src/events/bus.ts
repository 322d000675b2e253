import type { ParticipantEventRecord } from "./record.js";

/** A local subscriber. `deliver` must not throw; `end` is called once if the bus closes. */
export interface EventSink {
  deliver(record: ParticipantEventRecord): void;
  end(): void;
}

export type Unsubscribe = () => void;

/**
 * Carries participant events from whichever replica learnt of them to the subscribers of
 * every replica, each subscriber receiving each event once. Subscribers only ever receive
 * events of the account they subscribed with.
 */
export interface EventBus {
  publish(record: ParticipantEventRecord): Promise<void>;
  /**
   * Whether an event of the account published now could reach a subscriber: false only when
   * none can, so a publisher may skip building it.
   */
  reaches(accountSid: string): boolean;
  /** Resolves once events published from now on will reach `sink`. */
  subscribe(accountSid: string, sink: EventSink): Promise<Unsubscribe>;
  /** How many local subscribers there are now (for a gauge). */
  subscriberCount(): number;
  /** Ends every local subscriber and releases the bus's connections. */
  close(): Promise<void>;
}

export class EventBusClosedError extends Error {
  constructor() {
    super("The participant event bus is closed");
    this.name = "EventBusClosedError";
  }
}

/** A replica's subscribers, by account: the delivery half that both buses share. */
export class LocalFanout {
  private readonly sinksByAccount = new Map<string, Set<EventSink>>();
  private count = 0;

  /** Adds a sink; true when it is the account's first. */
  add(accountSid: string, sink: EventSink): boolean {
    let sinks = this.sinksByAccount.get(accountSid);
    const first = sinks === undefined;
    if (sinks === undefined) this.sinksByAccount.set(accountSid, (sinks = new Set()));
    if (!sinks.has(sink)) this.count += 1;
    sinks.add(sink);
    return first;
  }

  /** Removes a sink; true when the account has none left. Removing twice is harmless. */
  remove(accountSid: string, sink: EventSink): boolean {
    const sinks = this.sinksByAccount.get(accountSid);
    if (sinks === undefined || !sinks.delete(sink)) return false;
    this.count -= 1;
    if (sinks.size > 0) return false;
    this.sinksByAccount.delete(accountSid);
    return true;
  }

  /** Whether the account has a subscriber here. */
  has(accountSid: string): boolean {
    return this.sinksByAccount.has(accountSid);
  }

  deliver(record: ParticipantEventRecord): void {
    const sinks = this.sinksByAccount.get(record.accountSid);
    if (sinks === undefined) return;
    // A copy: a sink may unsubscribe (itself or another) while being delivered to.
    for (const sink of [...sinks]) sink.deliver(record);
  }

  size(): number {
    return this.count;
  }

  endAll(): void {
    const sinks = [...this.sinksByAccount.values()].flatMap((set) => [...set]);
    this.sinksByAccount.clear();
    this.count = 0;
    for (const sink of sinks) sink.end();
  }
}

/**
 * The single-replica bus. A record goes through JSON as it would through Redis, so the two
 * buses deliver the same data and a non-JSON value shows up here first.
 */
export class MemoryEventBus implements EventBus {
  private readonly fanout = new LocalFanout();
  private closed = false;

  async publish(record: ParticipantEventRecord): Promise<void> {
    if (this.closed) throw new EventBusClosedError();
    // Most writes have no subscriber on their account: the copy would be thrown away.
    if (!this.reaches(record.accountSid)) return;
    this.fanout.deliver(JSON.parse(JSON.stringify(record)) as ParticipantEventRecord);
  }

  reaches(accountSid: string): boolean {
    return this.fanout.has(accountSid);
  }

  async subscribe(accountSid: string, sink: EventSink): Promise<Unsubscribe> {
    if (this.closed) throw new EventBusClosedError();
    this.fanout.add(accountSid, sink);
    return () => {
      this.fanout.remove(accountSid, sink);
    };
  }

  subscriberCount(): number {
    return this.fanout.size();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.fanout.endAll();
  }
}
