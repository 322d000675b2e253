import { setTimeout as sleep } from "node:timers/promises";
import { internalError, serviceUnavailable, tooManyRequests, type TwilioError } from "./errors.js";

export type FailureStatus = 429 | 500 | 503;

export interface RealismOptions {
  latencyMs?: number;
  failureRate?: number;
  failureStatuses?: readonly number[];
  retryAfterSeconds?: number;
}

export interface InjectedFailure {
  error: TwilioError;
  headers: Record<string, string>;
}

const FAILURE_STATUSES: readonly FailureStatus[] = [429, 500, 503];

/** Slowness and transient failures of a real network service, off unless asked for. */
export class Realism {
  private readonly latencyMs: number;
  private readonly failureRate: number;
  private readonly statuses: readonly FailureStatus[];
  private readonly retryAfterSeconds: number;

  constructor(options: RealismOptions) {
    this.latencyMs = options.latencyMs ?? 0;
    this.failureRate = options.failureRate ?? 0;
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1;
    const statuses = options.failureStatuses ?? FAILURE_STATUSES;
    if (!Number.isFinite(this.latencyMs) || this.latencyMs < 0) {
      throw new RangeError("latencyMs must be a finite number of milliseconds, 0 or more");
    }
    if (!(this.failureRate >= 0 && this.failureRate <= 1)) {
      throw new RangeError("failureRate must be between 0 and 1");
    }
    if (!Number.isInteger(this.retryAfterSeconds) || this.retryAfterSeconds < 0) {
      throw new RangeError("retryAfterSeconds must be a whole number of seconds, 0 or more");
    }
    if (statuses.length === 0 || !statuses.every(isFailureStatus)) {
      throw new RangeError(
        `failureStatuses must be a non-empty subset of ${FAILURE_STATUSES.join(", ")}`,
      );
    }
    this.statuses = statuses;
  }

  async delay(): Promise<void> {
    if (this.latencyMs > 0) await sleep(this.latencyMs);
  }

  /** Decides, per request, whether it fails before it is processed. */
  failure(): InjectedFailure | undefined {
    if (this.failureRate === 0 || Math.random() >= this.failureRate) return undefined;
    const status = this.statuses[Math.floor(Math.random() * this.statuses.length)]!;
    switch (status) {
      case 429:
        return {
          error: tooManyRequests(),
          headers: { "Retry-After": String(this.retryAfterSeconds) },
        };
      case 500:
        return { error: internalError(), headers: {} };
      case 503:
        return { error: serviceUnavailable(), headers: {} };
    }
  }
}

function isFailureStatus(value: number): value is FailureStatus {
  return (FAILURE_STATUSES as readonly number[]).includes(value);
}
