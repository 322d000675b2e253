import type { Redis } from "ioredis";
import { closeRedis, connectRedis, REDIS_KEY_PREFIX } from "../events/redis-connection.js";
import type { Logger } from "../logging/logger.js";
import {
  memoryWriteRateLimiter,
  type WriteRateLimit,
  type WriteRateLimiter,
} from "./write-rate-limit.js";

/**
 * The token bucket of memoryWriteRateLimiter, atomically in Redis so every replica spends from
 * the same bucket. Redis's clock, not the replicas', measures the refill. Answers the wait in
 * ms (0: spent one).
 */
const TAKE_TOKEN = `
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + tonumber(now[2]) / 1000
local perMs = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or nowMs
tokens = math.min(burst, tokens + math.max(0, nowMs - at) * perMs)
if tokens < 1 then
  return math.ceil((1 - tokens) / perMs)
end
tokens = tokens - 1
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(nowMs))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / perMs) + 1000)
return 0
`;

type WithTakeToken = Redis & {
  takeWriteToken(key: string, perMs: string, burst: string): Promise<number>;
};

/**
 * Buckets shared through Redis (`REDIS_URL`). While Redis cannot be reached, each replica
 * limits on its own rather than refusing every write or letting all of them through.
 */
export function redisWriteRateLimiter(
  limit: WriteRateLimit,
  redisUrl: string,
  logger: Logger,
): WriteRateLimiter {
  const redis = connectRedis(redisUrl, "write-rate-limit", (error) =>
    logger.warn({ error: error.name }, "write rate limit: Redis connection trouble"),
  ) as WithTakeToken;
  redis.defineCommand("takeWriteToken", { numberOfKeys: 1, lua: TAKE_TOKEN });
  const local = memoryWriteRateLimiter(limit);
  const perMs = String(limit.perSecond / 1000);
  const burst = String(limit.burst);
  return {
    async take(principalId) {
      try {
        return await redis.takeWriteToken(
          `${REDIS_KEY_PREFIX}write-rate:${principalId}`,
          perMs,
          burst,
        );
      } catch (error) {
        logger.warn(
          { error: error instanceof Error ? error.name : String(error) },
          "write rate limit: Redis unavailable, limiting in this replica",
        );
        return local.take(principalId);
      }
    },
    async close() {
      await closeRedis(redis);
    },
  };
}
