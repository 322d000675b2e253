import type { Redis } from "ioredis";
import { checkTtl, type ExpiringStore } from "./expiring-store.js";
import {
  closeRedis,
  connectRedis,
  REDIS_KEY_PREFIX,
  type RedisErrorListener,
} from "./redis-connection.js";

/**
 * The store every replica shares. `SET key value NX PX ttl` is atomic in Redis, so of any
 * number of replicas claiming one key at once exactly one succeeds; Redis expires the key.
 */
export class RedisExpiringStore implements ExpiringStore {
  private readonly redis: Redis;

  constructor(redisUrl: string, onError: RedisErrorListener) {
    this.redis = connectRedis(redisUrl, "store", onError);
  }

  async putIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    checkTtl(ttlMs);
    const answer = await this.redis.set(REDIS_KEY_PREFIX + key, value, "PX", ttlMs, "NX");
    return answer === "OK";
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    checkTtl(ttlMs);
    await this.redis.set(REDIS_KEY_PREFIX + key, value, "PX", ttlMs);
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(REDIS_KEY_PREFIX + key);
  }

  async close(): Promise<void> {
    await closeRedis(this.redis);
  }
}
