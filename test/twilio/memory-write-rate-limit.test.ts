import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { memoryWriteRateLimiter } from "../../src/twilio/write-rate-limit.js";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["performance"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("a replica's own write buckets", () => {
  it("spend the burst, answer the wait, and refill at the rate", async () => {
    const limiter = memoryWriteRateLimiter({ perSecond: 2, burst: 2 });
    expect(await limiter.take("a")).toBe(0);
    expect(await limiter.take("a")).toBe(0);
    expect(await limiter.take("a")).toBe(500);
    vi.advanceTimersByTime(200);
    expect(await limiter.take("a")).toBe(300);
    vi.advanceTimersByTime(300);
    expect(await limiter.take("a")).toBe(0);
    expect(await limiter.take("b")).toBe(0);
  });

  it("drop full buckets once there are many, so callers long gone cost no memory", async () => {
    const limiter = memoryWriteRateLimiter({ perSecond: 1, burst: 1 });
    for (let i = 0; i <= 10_000; i += 1) await limiter.take(`caller-${i}`);
    expect(limiter.size).toBe(10_001);
    await limiter.take("caller-0");
    expect(limiter.size).toBe(10_001);
    vi.advanceTimersByTime(1_500);
    expect(await limiter.take("newcomer")).toBe(0);
    expect(limiter.size).toBe(1);
  });
});
