/**
 * Short-lived string values by key, shared by all replicas when it is Redis: what the dedup
 * claims, the call → conference directory and the idempotency keys are built on.
 */
export interface ExpiringStore {
  /** Stores `value` for `ttlMs` unless `key` holds a live value; true when this call stored it. */
  putIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Stores `value` for `ttlMs`, replacing any value. */
  put(key: string, value: string, ttlMs: number): Promise<void>;
  get(key: string): Promise<string | null>;
  /**
   * Replaces the live value `expected` with `next` for `ttlMs` (`null`: deletes it); true when
   * `key` held exactly `expected` and was replaced, false (and nothing changed) otherwise.
   */
  compareAndSet(
    key: string,
    expected: string,
    next: string | null,
    ttlMs: number,
  ): Promise<boolean>;
  close(): Promise<void>;
}

/** Redis's PX takes a positive whole number of milliseconds; both stores insist on one. */
export function checkTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1) {
    throw new RangeError(`A time-to-live must be a positive whole number of ms, not ${ttlMs}`);
  }
}

export interface MemoryExpiringStoreOptions {
  /** The most entries kept; beyond it the oldest written goes first (default 100,000). */
  maxEntries?: number;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * One replica's store. Bounded: at `maxEntries` the oldest entry is dropped even if still
 * live (for a dedup claim that means a very late retry could get through once, which beats
 * growing without limit). A Map keeps write order, so the oldest is always first.
 */
export class MemoryExpiringStore implements ExpiringStore {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemoryExpiringStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 100_000;
    this.now = options.now ?? Date.now;
    if (!(this.maxEntries >= 1)) throw new RangeError("maxEntries must be at least 1");
  }

  async putIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    checkTtl(ttlMs);
    if (this.live(key) !== undefined) return false;
    this.write(key, value, ttlMs);
    return true;
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    checkTtl(ttlMs);
    this.write(key, value, ttlMs);
  }

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }

  async compareAndSet(
    key: string,
    expected: string,
    next: string | null,
    ttlMs: number,
  ): Promise<boolean> {
    checkTtl(ttlMs);
    if (this.live(key)?.value !== expected) return false;
    if (next === null) this.entries.delete(key);
    else this.write(key, next, ttlMs);
    return true;
  }

  /** How many entries are held now, expired ones not yet swept included. */
  size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.expiresAt > this.now()) return entry;
    this.entries.delete(key);
    return undefined;
  }

  private write(key: string, value: string, ttlMs: number): void {
    // Re-inserted, not updated in place, so the entry moves to the newest end.
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    this.sweep();
  }

  /** Drops expired entries at the old end, then the oldest while over the bound. */
  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
