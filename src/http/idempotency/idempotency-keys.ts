import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { ExpiringStore } from "../../events/expiring-store.js";
import type { Logger } from "../../logging/logger.js";
import {
  decodeRecord,
  encodeRecord,
  type IdempotencyRecord,
  type StoredResponse,
} from "./record.js";

/** One request under an idempotency key: where its record lives and what it must match. */
export interface KeyedRequest {
  /** The store key: derived from the caller and the client's key, never the key itself. */
  storeKey: string;
  /** The request's identity (document, operation name, variables): a retry has the same. */
  fingerprint: string;
}

/** What executing a request gave, and whether the key must keep it. */
export interface Execution {
  response: StoredResponse;
  /**
   * False when the request provably changed nothing (it never ran, or every mutation in it
   * was NOT_SENT or REJECTED): the key is released, so a retry runs again rather than being
   * answered with, say, a rate limit that has passed meanwhile.
   */
  keep: boolean;
}

export type KeyedResult =
  /** Executed here. */
  | { kind: "ran"; response: StoredResponse }
  /** Answered before: the first answer, without executing anything. */
  | { kind: "replayed"; response: StoredResponse }
  /** The replica that ran the first request stopped before answering: what it did is unknown. */
  | { kind: "interrupted" }
  /** The key belongs to another request. */
  | { kind: "reused" }
  /** The first request is still running after this one waited a whole lease. */
  | { kind: "in-use" };

/** The store could not be read or written, so the request was not run. */
export class IdempotencyStoreError extends Error {
  override name = "IdempotencyStoreError";
}

export interface IdempotencyKeysOptions {
  store: ExpiringStore;
  /** How long a key keeps its answer (IDEMPOTENCY_TTL_S). */
  ttlMs: number;
  /**
   * How long a claim lasts unless renewed (IDEMPOTENCY_LEASE_MS); it is renewed every third
   * of it while the request runs. Also how long a second request waits for the first.
   */
  leaseMs: number;
  logger: Logger;
  /** Wall-clock milliseconds: leases are compared across replicas. */
  now?: () => number;
}

/** A waiting request looks again after this long, growing to at most MAX_POLL_MS. */
const FIRST_POLL_MS = 20;
const MAX_POLL_MS = 250;

/**
 * Runs each keyed request at most once across every replica that shares the store.
 *
 * The first request claims its key (`running`, with a lease) in one atomic step, so of any
 * number of concurrent requests exactly one executes; the others wait for its answer, polling
 * the store, for at most one lease. The answer replaces the claim and is replayed to every
 * retry until it expires. A replica that dies mid-request stops renewing its lease: once the
 * lease has passed, the key answers `interrupted` (what the first request did is unknown) and
 * never runs the request again.
 */
export class IdempotencyKeys {
  private readonly store: ExpiringStore;
  private readonly ttlMs: number;
  private readonly leaseMs: number;
  private readonly logger: Logger;
  private readonly now: () => number;

  constructor(options: IdempotencyKeysOptions) {
    this.store = options.store;
    this.ttlMs = options.ttlMs;
    this.leaseMs = options.leaseMs;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
  }

  /**
   * Executes `request` unless its key already holds an answer or a claim. Throws
   * IdempotencyStoreError when the store fails before anything ran; whatever `execute` throws
   * is passed on (its claim is then left to lapse: what it did is unknown).
   */
  async run(request: KeyedRequest, execute: () => Promise<Execution>): Promise<KeyedResult> {
    const owner = randomUUID();
    const waitUntil = this.now() + this.leaseMs;
    let pollMs = FIRST_POLL_MS;
    for (;;) {
      const claim = this.running(request.fingerprint, owner);
      let current: string | null = null;
      let claimed: boolean;
      try {
        claimed = await this.store.putIfAbsent(request.storeKey, claim, this.ttlMs);
        if (!claimed) current = await this.store.get(request.storeKey);
      } catch (error) {
        await this.releaseAfterFailedClaim(request.storeKey, claim);
        throw new IdempotencyStoreError(errorMessage(error));
      }
      if (claimed) {
        return { kind: "ran", response: await this.executeClaimed(request, owner, claim, execute) };
      }
      // Released (or expired) between the claim and the read: claim again.
      if (current === null) continue;
      const record = this.decode(current);
      if (record.fingerprint !== request.fingerprint) return { kind: "reused" };
      if (record.state === "answered") return { kind: "replayed", response: record.response };
      const now = this.now();
      if (record.leaseUntil < now) return { kind: "interrupted" };
      if (now >= waitUntil) return { kind: "in-use" };
      await sleep(Math.min(pollMs, waitUntil - now));
      pollMs = Math.min(pollMs * 2, MAX_POLL_MS);
    }
  }

  private running(fingerprint: string, owner: string): string {
    return encodeRecord({
      state: "running",
      fingerprint,
      owner,
      leaseUntil: this.now() + this.leaseMs,
    });
  }

  /**
   * Executes while renewing the claim, then stores the answer in its place (or releases the
   * key). A store failure from here on is logged, never thrown: the request has run and its
   * client must get the answer. The claim then lapses, and a retry is told `interrupted`.
   */
  private async executeClaimed(
    request: KeyedRequest,
    owner: string,
    claim: string,
    execute: () => Promise<Execution>,
  ): Promise<StoredResponse> {
    const { storeKey, fingerprint } = request;
    let held: string | null = claim;
    // Renewals and the final write run one after another: each replaces what the last wrote.
    let writes = Promise.resolve();
    const replaceHeld = (next: string | null) => {
      writes = writes.then(async () => {
        if (held === null) return;
        try {
          const replaced = await this.store.compareAndSet(storeKey, held, next, this.ttlMs);
          if (!replaced) this.logger.warn("idempotency claim lost: the key was changed meanwhile");
          held = replaced ? next : null;
        } catch (error) {
          this.logger.warn({ error: errorMessage(error) }, "idempotency store write failed");
        }
      });
      return writes;
    };
    const renewal = setInterval(() => {
      void replaceHeld(this.running(fingerprint, owner));
    }, this.leaseMs / 3);
    renewal.unref();
    let execution: Execution;
    try {
      execution = await execute();
    } finally {
      clearInterval(renewal);
    }
    await replaceHeld(
      execution.keep
        ? encodeRecord({ state: "answered", fingerprint, response: execution.response })
        : null,
    );
    return execution.response;
  }

  /** A claim may have been written even though the store's answer was lost: take it back. */
  private async releaseAfterFailedClaim(storeKey: string, claim: string): Promise<void> {
    try {
      await this.store.compareAndSet(storeKey, claim, null, this.ttlMs);
    } catch {
      // The store is failing: the claim, if written, lapses and answers `interrupted`.
    }
  }

  private decode(text: string): IdempotencyRecord {
    try {
      return decodeRecord(text);
    } catch (error) {
      throw new IdempotencyStoreError(`unreadable idempotency record: ${errorMessage(error)}`);
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
