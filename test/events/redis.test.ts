import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DedupStore } from "../../src/events/dedup.js";
import { openLiveEvents } from "../../src/events/live-events.js";
import { RedisEventBus } from "../../src/events/redis-bus.js";
import { RedisExpiringStore } from "../../src/events/redis-expiring-store.js";
import { openEventStream } from "../../src/events/stream.js";
import { redisServerAvailable, type RunningRedis, startRedis } from "../support/redis.js";
import { describeEventBus, describeExpiringStore, RecordingSink } from "./contracts.js";
import { ACCOUNT_A, ACCOUNT_B, conferenceRecord } from "./fixtures.js";

const errors: Error[] = [];
const onError = (error: Error) => errors.push(error);

describe.skipIf(!redisServerAvailable())("against a real redis-server", () => {
  let redis: RunningRedis;
  /** A plain client to look at the server from outside. */
  let observer: Redis;

  beforeAll(async () => {
    redis = await startRedis();
    observer = new Redis(redis.url);
  });
  afterAll(async () => {
    await observer?.quit();
    await redis?.stop();
  });
  afterEach(async () => {
    expect(errors).toEqual([]);
    await observer.flushall();
  });

  describeEventBus("RedisEventBus", async () => new RedisEventBus(redis.url, onError));
  describeExpiringStore(
    "RedisExpiringStore",
    async () => new RedisExpiringStore(redis.url, onError),
    async () => new RedisEventBus(redis.url, onError),
  );

  describe("two replicas", () => {
    const replicas: RedisEventBus[] = [];
    afterEach(async () => {
      await Promise.all(replicas.splice(0).map((bus) => bus.close()));
    });
    const replica = () => {
      const bus = new RedisEventBus(redis.url, onError);
      replicas.push(bus);
      return bus;
    };

    it("deliver an event published on either exactly once to the subscribers of both", async () => {
      const [one, two] = [replica(), replica()];
      const [onOne, alsoOnOne, onTwo, otherAccount] = [
        new RecordingSink(),
        new RecordingSink(),
        new RecordingSink(),
        new RecordingSink(),
      ];
      await one.subscribe(ACCOUNT_A, onOne);
      await one.subscribe(ACCOUNT_A, alsoOnOne);
      await two.subscribe(ACCOUNT_A, onTwo);
      await two.subscribe(ACCOUNT_B, otherAccount);
      const fromOne = conferenceRecord();
      const fromTwo = conferenceRecord();
      await one.publish(fromOne);
      // The publisher does not deliver locally: its own subscribers hear it from Redis.
      expect(onOne.records).toEqual([]);
      await two.publish(fromTwo);
      // Redis keeps one publisher's order per channel: after the barrier, nothing is pending.
      const barrier = conferenceRecord();
      await one.publish(barrier);
      for (const sink of [onOne, alsoOnOne, onTwo]) {
        await sink.waitFor(barrier.id);
        await sink.waitFor(fromTwo.id);
        expect(sink.ids().filter((id) => id === fromOne.id)).toHaveLength(1);
        expect(sink.ids().filter((id) => id === fromTwo.id)).toHaveLength(1);
        expect(sink.records).toHaveLength(3);
      }
      expect(onOne.records.find((r) => r.id === fromOne.id)).toEqual(fromOne);
      expect(otherAccount.records).toEqual([]);
    });

    it("carry a subscriber's stream across replicas", async () => {
      const [one, two] = [replica(), replica()];
      const stream = await openEventStream(two, ACCOUNT_A, {}, { maxQueue: 10 });
      const record = conferenceRecord();
      await one.publish(record);
      expect((await stream.next()).value).toEqual(record);
      await stream.return!();
    });

    it("subscribe to an account's channel only while it has local subscribers", async () => {
      const bus = replica();
      const channel = `participant-gateway:events:${ACCOUNT_A}`;
      const numsub = async () => (await observer.pubsub("NUMSUB", channel))[1];
      const first = await bus.subscribe(ACCOUNT_A, new RecordingSink());
      const second = await bus.subscribe(ACCOUNT_A, new RecordingSink());
      expect(await numsub()).toBe(1);
      first();
      expect(await numsub()).toBe(1);
      second();
      await waitUntil(async () => (await numsub()) === 0);
      // And back: a subscriber arriving after the last left is served again.
      const sink = new RecordingSink();
      await bus.subscribe(ACCOUNT_A, sink);
      expect(await numsub()).toBe(1);
      const record = conferenceRecord();
      await replica().publish(record);
      await sink.waitFor(record.id);
    });

    it("close() unsubscribes and quits every connection", async () => {
      const named = async () =>
        String(await observer.client("LIST"))
          .split("\n")
          .filter((line: string) => line.includes("name=participant-gateway:")).length;
      const bus = new RedisEventBus(redis.url, onError);
      await bus.subscribe(ACCOUNT_A, new RecordingSink());
      await bus.publish(conferenceRecord());
      expect(await named()).toBe(2);
      await bus.close();
      await waitUntil(async () => (await named()) === 0);
      expect((await observer.pubsub("NUMSUB", `participant-gateway:events:${ACCOUNT_A}`))[1]).toBe(
        0,
      );
    });

    it("drop a message on an account's channel that is not JSON or names another account", async () => {
      const bus = replica();
      const sink = new RecordingSink();
      await bus.subscribe(ACCOUNT_A, sink);
      const channel = `participant-gateway:events:${ACCOUNT_A}`;
      await observer.publish(channel, "not json");
      await observer.publish(channel, JSON.stringify(conferenceRecord({ accountSid: ACCOUNT_B })));
      const barrier = conferenceRecord();
      await observer.publish(channel, JSON.stringify(barrier));
      await sink.waitFor(barrier.id);
      expect(sink.ids()).toEqual([barrier.id]);
      expect(errors.splice(0).map((error) => error.message)).toEqual([
        `Dropped a message on ${channel} that is not JSON`,
        `Dropped a message on ${channel} for another account`,
      ]);
    });
  });

  describe("dedup across two stores (two replicas)", () => {
    it("lets exactly one of many simultaneous claims win, and the key expires", async () => {
      const stores = [
        new RedisExpiringStore(redis.url, onError),
        new RedisExpiringStore(redis.url, onError),
      ];
      try {
        const [one, two] = stores.map((store) => new DedupStore(store));
        const claims = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? one : two).claim("event:e1", 200)),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await observer.pttl("participant-gateway:dedup:event:e1")).toBeGreaterThan(0);
        await waitUntil(
          async () => (await observer.exists("participant-gateway:dedup:event:e1")) === 0,
        );
        expect(await two.claim("event:e1", 60_000)).toBe(true);
        expect(await one.claim("event:e1", 60_000)).toBe(false);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });
  });

  describe("openLiveEvents with a Redis URL", () => {
    it("shares events, claims and the directory between two replicas", async () => {
      const one = openLiveEvents({ redisUrl: redis.url, onRedisError: onError });
      const two = openLiveEvents({ redisUrl: redis.url, onRedisError: onError });
      try {
        const stream = await openEventStream(two.bus, ACCOUNT_A, {}, { maxQueue: 5 });
        const record = conferenceRecord();
        await one.bus.publish(record);
        expect((await stream.next()).value).toEqual(record);
        expect(await one.dedup.claim("k", 60_000)).toBe(true);
        expect(await two.dedup.claim("k", 60_000)).toBe(false);
        const callSid = `CA${"7".repeat(32)}`;
        const conferenceSid = `CF${"7".repeat(32)}`;
        await one.conferences.rememberConference(ACCOUNT_A, callSid, conferenceSid);
        expect(await two.conferences.conferenceOf(ACCOUNT_A, callSid)).toBe(conferenceSid);
        const pending = stream.next();
        await two.close();
        expect(await pending).toEqual({ value: undefined, done: true });
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    });
  });
});

describe("against a Redis that is not there", () => {
  it("fails a publish within seconds and reports the connection trouble, without crashing", async () => {
    const seen: Error[] = [];
    // Port 1 on loopback: nothing listens there.
    const url = "redis://:fake-redis-password@127.0.0.1:1";
    const bus = new RedisEventBus(url, (error) => seen.push(error));
    try {
      const failure = await bus.publish(conferenceRecord()).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      expect(seen.length).toBeGreaterThan(0);
      const told = [failure, ...seen].map((error) => `${String(error)} ${(error as Error).stack}`);
      expect(told.join("\n")).not.toContain("fake-redis-password");
    } finally {
      await bus.close();
    }
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
