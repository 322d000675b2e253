import { Redis } from "ioredis";

/** Every key and channel the gateway uses in a shared Redis starts with this. */
export const REDIS_KEY_PREFIX = "participant-gateway:";

/** Told about connection trouble; ioredis reconnects by itself meanwhile. */
export type RedisErrorListener = (error: Error) => void;

/**
 * One connection from the `REDIS_URL` the caller read (these modules read no environment).
 * A command fails after a few reconnection attempts instead of waiting for Redis forever: a
 * Twilio callback gives up after 15 s, and a subscriber is better told than left hanging.
 */
export function connectRedis(url: string, role: string, onError: RedisErrorListener): Redis {
  const redis = new Redis(url, {
    connectionName: `${REDIS_KEY_PREFIX}${role}`,
    connectTimeout: 5_000,
    commandTimeout: 5_000,
    maxRetriesPerRequest: 2,
  });
  // Without a listener, ioredis's "error" event would be an uncaught exception.
  redis.on("error", onError);
  return redis;
}

/** QUIT when connected (pending replies arrive first); otherwise just drop the socket. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === "ready") {
    try {
      await redis.quit();
      return;
    } catch {
      // The connection went away meanwhile: nothing left to close gracefully.
    }
  }
  redis.disconnect();
}
