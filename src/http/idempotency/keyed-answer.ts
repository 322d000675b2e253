import type { ServerResponse } from "node:http";
import { ErrorCode, WriteOutcome } from "../../errors/gateway-errors.js";
import type { Logger } from "../../logging/logger.js";
import { sendGraphQLError } from "../body.js";
import {
  type Execution,
  IdempotencyKeys,
  IdempotencyStoreError,
  type KeyedRequest,
} from "./idempotency-keys.js";
import { IDEMPOTENT_REPLAYED_HEADER } from "./keyed-request.js";
import type { StoredResponse } from "./record.js";

/** What a refused request is told to wait before trying again. */
const RETRY_AFTER_MS = 1_000;

/**
 * Answers a keyed request: its own answer when it ran here, the first answer (status, headers,
 * body) with `Idempotent-Replayed: true` when it had run before, or a refusal that says why
 * it was not run. `execute` runs Apollo; it is never called for a replay.
 */
export async function answerKeyed(
  res: ServerResponse,
  keys: IdempotencyKeys,
  request: KeyedRequest,
  execute: () => Promise<StoredResponse>,
  logger: Logger,
): Promise<void> {
  let result;
  try {
    result = await keys.run(request, async (): Promise<Execution> => {
      const response = await execute();
      return { response, keep: mayHaveChanged(response.body) };
    });
  } catch (error) {
    if (!(error instanceof IdempotencyStoreError)) throw error;
    logger.warn({ error: error.message }, "idempotency store unavailable: request not run");
    res.setHeader("retry-after", String(RETRY_AFTER_MS / 1000));
    return sendGraphQLError(
      res,
      503,
      "Idempotency keys cannot be checked right now; nothing was sent. Retry with the same key.",
      ErrorCode.IdempotencyStoreUnavailable,
      { outcome: WriteOutcome.NotSent, retryAfterMs: RETRY_AFTER_MS },
    );
  }
  if (result.kind !== "ran") logger.info({ idempotency: result.kind }, "idempotent request");
  switch (result.kind) {
    case "ran":
      return sendStored(res, result.response);
    case "replayed":
      res.setHeader(IDEMPOTENT_REPLAYED_HEADER, "true");
      return sendStored(res, result.response);
    case "reused":
      return sendGraphQLError(
        res,
        422,
        "This Idempotency-Key was used for another request (document, operation name or " +
          "variables); nothing was sent. Use a new key for a new request.",
        ErrorCode.IdempotencyKeyReused,
        { outcome: WriteOutcome.NotSent },
      );
    case "in-use":
      res.setHeader("retry-after", String(RETRY_AFTER_MS / 1000));
      return sendGraphQLError(
        res,
        409,
        "A request with this Idempotency-Key is still running; nothing was sent. Retry with " +
          "the same key to get its answer.",
        ErrorCode.IdempotencyKeyInUse,
        { outcome: WriteOutcome.NotSent, retryAfterMs: RETRY_AFTER_MS },
      );
    case "interrupted":
      // The answer for good: the first request's effect stays unknown however often asked.
      res.setHeader(IDEMPOTENT_REPLAYED_HEADER, "true");
      return sendGraphQLError(
        res,
        500,
        "The request first sent with this Idempotency-Key was interrupted before it answered " +
          "(its gateway stopped); what it did at Twilio is unknown. Look the participants up " +
          "(by label, identity or list) before sending it again under a new key.",
        ErrorCode.IdempotencyKeyInterrupted,
        { outcome: WriteOutcome.Unknown },
      );
  }
}

function sendStored(res: ServerResponse, response: StoredResponse): void {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status;
  res.end(response.body);
}

/**
 * Whether an answer shows the request may have changed something at Twilio, so its key must
 * keep it. It changed nothing when it never ran (no `data`: refused before execution) or
 * when no mutation returned anything and every error says NOT_SENT or REJECTED.
 */
export function mayHaveChanged(body: string): boolean {
  let answer: { data?: Record<string, unknown> | null; errors?: unknown };
  try {
    answer = JSON.parse(body) as typeof answer;
  } catch {
    return true;
  }
  if (answer.data === undefined) return false;
  if (Object.values(answer.data ?? {}).some((value) => value !== null)) return true;
  const errors = Array.isArray(answer.errors) ? answer.errors : [];
  return !errors.every((error: { extensions?: { outcome?: unknown } }) => {
    const outcome = error.extensions?.outcome;
    return outcome === WriteOutcome.NotSent || outcome === WriteOutcome.Rejected;
  });
}
