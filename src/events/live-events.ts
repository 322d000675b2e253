import { type EventBus, MemoryEventBus } from "./bus.js";
import { ConferenceDirectory } from "./conference-directory.js";
import { DedupStore } from "./dedup.js";
import { type ExpiringStore, MemoryExpiringStore } from "./expiring-store.js";
import { RedisEventBus } from "./redis-bus.js";
import type { RedisErrorListener } from "./redis-connection.js";
import { RedisExpiringStore } from "./redis-expiring-store.js";

/** Everything live events need, backed by one replica's memory or by a shared Redis. */
export interface LiveEvents {
  readonly bus: EventBus;
  readonly dedup: DedupStore;
  readonly conferences: ConferenceDirectory;
  /** Ends every subscriber and releases the connections. */
  close(): Promise<void>;
}

export interface LiveEventsOptions {
  /** A `redis://` or `rediss://` URL; without one everything stays in this process. */
  redisUrl?: string | null;
  /** Told about Redis connection trouble (never given the URL, which may hold a password). */
  onRedisError: RedisErrorListener;
  /** The in-memory store's bound (see MemoryExpiringStore). */
  maxMemoryEntries?: number;
}

/**
 * Several replicas need Redis: with memory, a callback reaching one replica is seen only by
 * that replica's subscribers, and a retry reaching another is not recognised as one.
 * Three connections: publish, subscribe (a subscribed connection can do nothing else), store.
 */
export function openLiveEvents(options: LiveEventsOptions): LiveEvents {
  const { redisUrl, onRedisError } = options;
  const bus: EventBus = redisUrl ? new RedisEventBus(redisUrl, onRedisError) : new MemoryEventBus();
  const store: ExpiringStore = redisUrl
    ? new RedisExpiringStore(redisUrl, onRedisError)
    : new MemoryExpiringStore({ maxEntries: options.maxMemoryEntries });
  return {
    bus,
    dedup: new DedupStore(store),
    conferences: new ConferenceDirectory(store),
    async close() {
      await Promise.all([bus.close(), store.close()]);
    },
  };
}
