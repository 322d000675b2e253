import type { Redis } from "ioredis";
import { checkTtl, type ExpiringStore } from "./expiring-store.js";
import {
  closeRedis,
  connectRedis,
  REDIS_KEY_PREFIX,
  type RedisErrorListener,
} from "./redis-connection.js";

/** Compare-and-set in one step: a script runs atomically in Redis. */
const COMPARE_AND_SET = `
if redis.call("GET", KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == "delete" then redis.call("DEL", KEYS[1])
else redis.call("SET", KEYS[1], ARGV[3], "PX", ARGV[4]) end
return 1`;

/**
 * The store every replica shares. `SET key value NX PX ttl` is atomic in Redis, so of any
 * number of replicas claiming one key at once exactly one succeeds; Redis expires the key.
 */
export class RedisExpiringStore implements ExpiringStore {
  private readonly redis: Redis;

  constructor(redisUrl: string, onError: RedisErrorListener, role = "store") {
    this.redis = connectRedis(redisUrl, role, onError);
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

  async compareAndSet(
    key: string,
    expected: string,
    next: string | null,
    ttlMs: number,
  ): Promise<boolean> {
    checkTtl(ttlMs);
    const replaced = await this.redis.eval(
      COMPARE_AND_SET,
      1,
      REDIS_KEY_PREFIX + key,
      expected,
      next === null ? "delete" : "set",
      next ?? "",
      ttlMs,
    );
    return replaced === 1;
  }

  async close(): Promise<void> {
    await closeRedis(this.redis);
  }
}
