import type { Redis } from "ioredis";
import {
  type EventBus,
  EventBusClosedError,
  type EventSink,
  LocalFanout,
  type Unsubscribe,
} from "./bus.js";
import type { ParticipantEventRecord } from "./record.js";
import {
  closeRedis,
  connectRedis,
  REDIS_KEY_PREFIX,
  type RedisErrorListener,
} from "./redis-connection.js";

const CHANNEL_PREFIX = `${REDIS_KEY_PREFIX}events:`;

/**
 * The bus across replicas, over Redis pub/sub: one channel per account, which a replica
 * subscribes to while it has local subscribers of that account. A replica that publishes
 * does not deliver locally: every replica, the publisher included, delivers only what Redis
 * sends back, so each subscriber sees each event once. Pub/sub keeps no history: an event
 * published while a replica is disconnected never reaches that replica's subscribers.
 */
export class RedisEventBus implements EventBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly fanout = new LocalFanout();
  /** Per account with local subscribers: the SUBSCRIBE that makes its channel reach us. */
  private readonly channelReady = new Map<string, Promise<unknown>>();
  private closed = false;

  constructor(
    redisUrl: string,
    private readonly onError: RedisErrorListener,
  ) {
    this.publisher = connectRedis(redisUrl, "events-publish", onError);
    this.subscriber = connectRedis(redisUrl, "events-subscribe", onError);
    this.subscriber.on("message", (channel: string, message: string) =>
      this.receive(channel, message),
    );
  }

  async publish(record: ParticipantEventRecord): Promise<void> {
    if (this.closed) throw new EventBusClosedError();
    await this.publisher.publish(CHANNEL_PREFIX + record.accountSid, JSON.stringify(record));
  }

  /** Other replicas' subscribers are out of sight: any event may reach one. */
  reaches(): boolean {
    return true;
  }

  async subscribe(accountSid: string, sink: EventSink): Promise<Unsubscribe> {
    if (this.closed) throw new EventBusClosedError();
    if (this.fanout.add(accountSid, sink)) {
      this.channelReady.set(accountSid, this.subscriber.subscribe(CHANNEL_PREFIX + accountSid));
    }
    const unsubscribe = () => {
      if (!this.fanout.remove(accountSid, sink) || this.closed) return;
      this.channelReady.delete(accountSid);
      // Commands on one connection run in order: a SUBSCRIBE issued after this still wins.
      this.subscriber.unsubscribe(CHANNEL_PREFIX + accountSid).catch(this.onError);
    };
    try {
      // Every subscriber of the account waits for the same SUBSCRIBE, not just the first.
      await this.channelReady.get(accountSid);
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  subscriberCount(): number {
    return this.fanout.size();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fanout.endAll();
    this.channelReady.clear();
    if (this.subscriber.status === "ready") {
      await this.subscriber.unsubscribe().catch(this.onError);
    }
    await Promise.all([closeRedis(this.publisher), closeRedis(this.subscriber)]);
  }

  private receive(channel: string, message: string): void {
    if (!channel.startsWith(CHANNEL_PREFIX)) return;
    const accountSid = channel.slice(CHANNEL_PREFIX.length);
    let record: ParticipantEventRecord;
    try {
      record = JSON.parse(message) as ParticipantEventRecord;
    } catch {
      this.onError(new Error(`Dropped a message on ${channel} that is not JSON`));
      return;
    }
    // Only our own replicas publish here; still, never hand one account another's event.
    if (record?.accountSid !== accountSid) {
      this.onError(new Error(`Dropped a message on ${channel} for another account`));
      return;
    }
    this.fanout.deliver(record);
  }
}
