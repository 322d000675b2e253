import { afterEach, describe, expect, it } from "vitest";
import type { EventBus, EventSink } from "../../src/events/bus.js";
import { ConferenceDirectory } from "../../src/events/conference-directory.js";
import { DedupStore } from "../../src/events/dedup.js";
import type { ExpiringStore } from "../../src/events/expiring-store.js";
import { publishTwilioEvent } from "../../src/events/publish.js";
import type { ParticipantEventRecord } from "../../src/events/record.js";
import { ParticipantEventType } from "../../src/events/record.js";
import { eventOrThrow, openEventStream, SubscriberTooSlowError } from "../../src/events/stream.js";
import { ACCOUNT_A, ACCOUNT_B, CALL_1, CONFERENCE_1, conferenceRecord } from "./fixtures.js";

/** A sink that records what it was given. */
export class RecordingSink implements EventSink {
  readonly records: ParticipantEventRecord[] = [];
  ended = 0;
  private waiters: Array<() => void> = [];

  deliver(record: ParticipantEventRecord): void {
    this.records.push(record);
    for (const wake of this.waiters.splice(0)) wake();
  }

  end(): void {
    this.ended += 1;
  }

  /** Resolves once a record with this id arrived (a bus may deliver asynchronously). */
  async waitFor(id: string, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.records.some((record) => record.id === id)) {
      if (Date.now() > deadline) throw new Error(`record ${id} never arrived`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  ids(): string[] {
    return this.records.map((record) => record.id);
  }
}

/**
 * What every EventBus must do, seen from one replica. The last record published in each test
 * doubles as a barrier: a bus delivers in order, so once it arrived, nothing before it is
 * still on its way, and a count taken then is final.
 */
export function describeEventBus(name: string, open: () => Promise<EventBus>): void {
  describe(`${name}: the EventBus contract`, () => {
    const opened: EventBus[] = [];
    const bus = async () => {
      const created = await open();
      opened.push(created);
      return created;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((b) => b.close()));
    });

    it("delivers an event once to each subscriber of its account, and to no other account", async () => {
      const events = await bus();
      const [a1, a2, b] = [new RecordingSink(), new RecordingSink(), new RecordingSink()];
      await events.subscribe(ACCOUNT_A, a1);
      await events.subscribe(ACCOUNT_A, a2);
      await events.subscribe(ACCOUNT_B, b);
      expect(events.subscriberCount()).toBe(3);
      const forA = conferenceRecord();
      const forB = conferenceRecord({ accountSid: ACCOUNT_B });
      await events.publish(forA);
      await events.publish(forB);
      await Promise.all([a1.waitFor(forA.id), a2.waitFor(forA.id), b.waitFor(forB.id)]);
      const barrier = conferenceRecord();
      await events.publish(barrier);
      await Promise.all([a1.waitFor(barrier.id), a2.waitFor(barrier.id)]);
      expect(a1.ids()).toEqual([forA.id, barrier.id]);
      expect(a2.ids()).toEqual([forA.id, barrier.id]);
      expect(b.ids()).toEqual([forB.id]);
      // What arrives is the record's data, as it crossed JSON.
      expect(a1.records[0]).toEqual(forA);
      expect(a1.records[0]).not.toBe(forA);
    });

    it("stops delivering to a subscriber that unsubscribed, and keeps delivering to the others", async () => {
      const events = await bus();
      const [leaving, staying] = [new RecordingSink(), new RecordingSink()];
      const unsubscribe = await events.subscribe(ACCOUNT_A, leaving);
      await events.subscribe(ACCOUNT_A, staying);
      unsubscribe();
      unsubscribe(); // twice is harmless
      expect(events.subscriberCount()).toBe(1);
      const record = conferenceRecord();
      await events.publish(record);
      await staying.waitFor(record.id);
      expect(leaving.records).toEqual([]);
    });

    it("ends its subscribers on close and refuses to be used afterwards", async () => {
      const events = await bus();
      const sink = new RecordingSink();
      await events.subscribe(ACCOUNT_A, sink);
      await events.close();
      await events.close(); // twice is harmless
      expect(sink.ended).toBe(1);
      expect(events.subscriberCount()).toBe(0);
      await expect(events.publish(conferenceRecord())).rejects.toThrow(/closed/);
      await expect(events.subscribe(ACCOUNT_A, new RecordingSink())).rejects.toThrow(/closed/);
    });

    describe("openEventStream over it", () => {
      it("yields the account's matching events in order, waiting for the next one", async () => {
        const events = await bus();
        const stream = await openEventStream(
          events,
          ACCOUNT_A,
          { types: [ParticipantEventType.MUTED] },
          { maxQueue: 10 },
        );
        const pending = stream.next();
        const muted1 = conferenceRecord({ type: ParticipantEventType.MUTED });
        const otherAccount = conferenceRecord({
          accountSid: ACCOUNT_B,
          type: ParticipantEventType.MUTED,
        });
        const joined = conferenceRecord({ type: ParticipantEventType.JOINED });
        const muted2 = conferenceRecord({ type: ParticipantEventType.MUTED });
        for (const record of [muted1, otherAccount, joined, muted2]) await events.publish(record);
        expect((await pending).value).toEqual(muted1);
        expect(eventOrThrow((await stream.next()).value!)).toEqual(muted2);
        await stream.return!();
      });

      it("ends with SUBSCRIBER_TOO_SLOW as its last item after what it held, and unsubscribes at once", async () => {
        const events = await bus();
        const stream = await openEventStream(events, ACCOUNT_A, {}, { maxQueue: 2 });
        const records = [conferenceRecord(), conferenceRecord(), conferenceRecord()];
        const watcher = new RecordingSink();
        await events.subscribe(ACCOUNT_A, watcher);
        for (const record of records) await events.publish(record);
        await watcher.waitFor(records[2].id);
        expect(events.subscriberCount()).toBe(1); // the watcher only: the stream let go
        expect((await stream.next()).value).toEqual(records[0]);
        expect((await stream.next()).value).toEqual(records[1]);
        const last = await stream.next();
        expect(last.value).toBeInstanceOf(SubscriberTooSlowError);
        expect(last.value).toMatchObject({ code: "SUBSCRIBER_TOO_SLOW", maxQueue: 2 });
        expect(() => eventOrThrow(last.value!)).toThrow(SubscriberTooSlowError);
        expect(await stream.next()).toEqual({ value: undefined, done: true });
      });

      it("does not count events the filter drops against the queue", async () => {
        const events = await bus();
        const stream = await openEventStream(
          events,
          ACCOUNT_A,
          { conferenceSid: CONFERENCE_1 },
          { maxQueue: 1 },
        );
        const other = () => conferenceRecord({}, { conferenceSid: `CF${"9".repeat(32)}` });
        const wanted = conferenceRecord();
        for (const record of [other(), other(), other(), wanted]) await events.publish(record);
        expect((await stream.next()).value).toEqual(wanted);
        await stream.return!();
      });

      it("unsubscribes on return() and completes a pending next()", async () => {
        const events = await bus();
        const stream = await openEventStream(events, ACCOUNT_A, {}, { maxQueue: 5 });
        expect(events.subscriberCount()).toBe(1);
        const pending = stream.next();
        expect(await stream.return!()).toEqual({ value: undefined, done: true });
        expect(await pending).toEqual({ value: undefined, done: true });
        expect(events.subscriberCount()).toBe(0);
        expect(await stream.next()).toEqual({ value: undefined, done: true });
      });

      it("unsubscribes when a for-await loop breaks out", async () => {
        const events = await bus();
        const stream = await openEventStream(events, ACCOUNT_A, {}, { maxQueue: 5 });
        const record = conferenceRecord();
        await events.publish(record);
        for await (const received of stream) {
          expect(received).toEqual(record);
          break;
        }
        expect(events.subscriberCount()).toBe(0);
      });

      it("completes when the bus closes", async () => {
        const events = await bus();
        const stream = await openEventStream(events, ACCOUNT_A, {}, { maxQueue: 5 });
        const pending = stream.next();
        await events.close();
        expect(await pending).toEqual({ value: undefined, done: true });
      });

      it("refuses a queue bound that is not a positive whole number", async () => {
        const events = await bus();
        for (const maxQueue of [0, -1, 1.5, Number.NaN]) {
          await expect(openEventStream(events, ACCOUNT_A, {}, { maxQueue })).rejects.toThrow(
            RangeError,
          );
        }
        expect(events.subscriberCount()).toBe(0);
      });
    });
  });
}

/** What every ExpiringStore must do, and the dedup, directory and publishing built on it. */
export function describeExpiringStore(
  name: string,
  open: () => Promise<ExpiringStore>,
  openBus: () => Promise<EventBus>,
): void {
  describe(`${name}: the ExpiringStore contract`, () => {
    const opened: Array<{ close(): Promise<void> }> = [];
    const store = async () => {
      const created = await open();
      opened.push(created);
      return created;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it("stores a value only when the key holds none, and put replaces", async () => {
      const kv = await store();
      expect(await kv.get("k")).toBeNull();
      expect(await kv.putIfAbsent("k", "first", 60_000)).toBe(true);
      expect(await kv.putIfAbsent("k", "second", 60_000)).toBe(false);
      expect(await kv.get("k")).toBe("first");
      await kv.put("k", "third", 60_000);
      expect(await kv.get("k")).toBe("third");
    });

    it("compareAndSet replaces or deletes only the value it expects, atomically", async () => {
      const kv = await store();
      expect(await kv.compareAndSet("k", "v1", "v2", 60_000)).toBe(false);
      expect(await kv.get("k")).toBeNull();
      await kv.put("k", "v1", 60_000);
      expect(await kv.compareAndSet("k", "other", "v2", 60_000)).toBe(false);
      expect(await kv.get("k")).toBe("v1");
      expect(await kv.compareAndSet("k", "v1", "v2", 60_000)).toBe(true);
      expect(await kv.get("k")).toBe("v2");
      // Of two racing writers that both saw v2, exactly one wins.
      const raced = await Promise.all([
        kv.compareAndSet("k", "v2", "a", 60_000),
        kv.compareAndSet("k", "v2", "b", 60_000),
      ]);
      expect(raced.filter(Boolean)).toHaveLength(1);
      const winner = raced[0] ? "a" : "b";
      expect(await kv.get("k")).toBe(winner);
      expect(await kv.compareAndSet("k", winner, null, 60_000)).toBe(true);
      expect(await kv.get("k")).toBeNull();
      expect(await kv.putIfAbsent("k", "fresh", 60_000)).toBe(true);
    });

    it("refuses a time-to-live that Redis's PX would not take", async () => {
      const kv = await store();
      for (const ttl of [0, -5, 1.5, Number.NaN]) {
        await expect(kv.putIfAbsent("k", "v", ttl)).rejects.toThrow(RangeError);
        await expect(kv.put("k", "v", ttl)).rejects.toThrow(RangeError);
        await expect(kv.compareAndSet("k", "v", "w", ttl)).rejects.toThrow(RangeError);
      }
      expect(await kv.get("k")).toBeNull();
    });

    it("dedup: the first claim wins, later claims of the same key lose, other keys are free", async () => {
      const dedup = new DedupStore(await store());
      expect(await dedup.claim("event:x", 60_000)).toBe(true);
      expect(await dedup.claim("event:x", 60_000)).toBe(false);
      expect(await dedup.claim("event:y", 60_000)).toBe(true);
    });

    it("directory: remembers a call's conference per account, the last word winning", async () => {
      const conferences = new ConferenceDirectory(await store());
      expect(await conferences.conferenceOf(ACCOUNT_A, CALL_1)).toBeNull();
      await conferences.rememberConference(ACCOUNT_A, CALL_1, CONFERENCE_1);
      expect(await conferences.conferenceOf(ACCOUNT_A, CALL_1)).toBe(CONFERENCE_1);
      expect(await conferences.conferenceOf(ACCOUNT_B, CALL_1)).toBeNull();
      const moved = `CF${"3".repeat(32)}`;
      await conferences.rememberConference(ACCOUNT_A, CALL_1, moved);
      expect(await conferences.conferenceOf(ACCOUNT_A, CALL_1)).toBe(moved);
    });

    it("publishTwilioEvent: publishes an event once, whether retried with its token or without", async () => {
      const bus = await openBus();
      opened.push(bus);
      const services = { bus, dedup: new DedupStore(await store()) };
      const sink = new RecordingSink();
      await bus.subscribe(ACCOUNT_A, sink);
      const record = conferenceRecord();
      expect(await publishTwilioEvent(services, record, "idem-1")).toBe("published");
      expect(await publishTwilioEvent(services, record, "idem-1")).toBe("duplicate");
      // A retry with a fresh token is still the same event.
      expect(await publishTwilioEvent(services, record, "idem-2")).toBe("duplicate");
      expect(await publishTwilioEvent(services, record, null)).toBe("duplicate");
      // Another event reusing a token already seen counts as a retry of that request.
      expect(await publishTwilioEvent(services, conferenceRecord(), "idem-1")).toBe("duplicate");
      const next = conferenceRecord();
      expect(await publishTwilioEvent(services, next, undefined)).toBe("published");
      await sink.waitFor(next.id);
      expect(sink.ids()).toEqual([record.id, next.id]);
    });
  });
}
