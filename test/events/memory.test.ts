import { describe, expect, it } from "vitest";
import { MemoryEventBus } from "../../src/events/bus.js";
import { DedupStore } from "../../src/events/dedup.js";
import { MemoryExpiringStore } from "../../src/events/expiring-store.js";
import { openLiveEvents } from "../../src/events/live-events.js";
import { openEventStream } from "../../src/events/stream.js";
import { describeEventBus, describeExpiringStore, RecordingSink } from "./contracts.js";
import { ACCOUNT_A, conferenceRecord } from "./fixtures.js";

describeEventBus("MemoryEventBus", async () => new MemoryEventBus());
describeExpiringStore(
  "MemoryExpiringStore",
  async () => new MemoryExpiringStore(),
  async () => new MemoryEventBus(),
);

describe("MemoryExpiringStore: expiry and its bound", () => {
  it("forgets a value once its time is up, so the key can be claimed again", async () => {
    let now = 1_000;
    const store = new MemoryExpiringStore({ now: () => now });
    const dedup = new DedupStore(store);
    expect(await dedup.claim("k", 100)).toBe(true);
    now += 99;
    expect(await dedup.claim("k", 100)).toBe(false);
    now += 1;
    expect(await dedup.claim("k", 100)).toBe(true);
  });

  it("never holds more than maxEntries, dropping the oldest first", async () => {
    const store = new MemoryExpiringStore({ maxEntries: 3 });
    for (const key of ["a", "b", "c", "d"]) await store.put(key, key, 60_000);
    expect(store.size()).toBe(3);
    expect(await store.get("a")).toBeNull();
    expect(await store.get("d")).toBe("d");
    // Writing a key again makes it the newest.
    await store.put("b", "b2", 60_000);
    await store.put("e", "e", 60_000);
    expect(await store.get("c")).toBeNull();
    expect(await store.get("b")).toBe("b2");
  });

  it("sweeps expired entries as it writes, so a steady stream of claims stays small", async () => {
    let now = 0;
    const store = new MemoryExpiringStore({ now: () => now });
    for (let i = 0; i < 1_000; i += 1) {
      await store.putIfAbsent(`k${i}`, "1", 10);
      now += 1;
    }
    expect(store.size()).toBeLessThanOrEqual(11);
  });

  it("refuses a bound below one", () => {
    expect(() => new MemoryExpiringStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});

describe("openLiveEvents without Redis", () => {
  it("wires a memory bus, dedup and directory, and close() ends the subscribers", async () => {
    const live = openLiveEvents({
      onRedisError: (error) => {
        throw error;
      },
    });
    expect(live.bus).toBeInstanceOf(MemoryEventBus);
    const stream = await openEventStream(live.bus, ACCOUNT_A, {}, { maxQueue: 5 });
    expect(await live.dedup.claim("k", 1_000)).toBe(true);
    expect(await live.dedup.claim("k", 1_000)).toBe(false);
    const pending = stream.next();
    await live.close();
    expect(await pending).toEqual({ value: undefined, done: true });
  });
});

describe("MemoryEventBus specifics", () => {
  it("delivers while publish runs, so a publisher's own subscribers see it at once", async () => {
    const bus = new MemoryEventBus();
    const sink = new RecordingSink();
    await bus.subscribe(ACCOUNT_A, sink);
    const record = conferenceRecord();
    await bus.publish(record);
    expect(sink.ids()).toEqual([record.id]);
  });
});

describe("MemoryEventBus without subscribers", () => {
  it("copies an event only for an account someone here subscribed to", async () => {
    const bus = new MemoryEventBus();
    let copies = 0;
    // JSON.stringify calls toJSON: each call is one copy made for delivery.
    const counted = () => {
      const record = conferenceRecord();
      const toJSON = () => {
        copies += 1;
        return record.participant;
      };
      return { ...record, participant: { ...record.participant, toJSON } };
    };
    await bus.publish(counted());
    expect(copies).toBe(0);
    const sink = new RecordingSink();
    await bus.subscribe(ACCOUNT_A, sink);
    const record = counted();
    await bus.publish(record);
    expect(copies).toBe(1);
    expect(sink.ids()).toEqual([record.id]);
  });
});
