/** An HTTP answer as it is replayed: status, headers and body, exactly as first sent. */
export interface StoredResponse {
  status: number;
  headers: ReadonlyArray<readonly [string, string]>;
  body: string;
}

/**
 * What an idempotency key holds. `running`: a replica claimed it and is executing the request;
 * it renews `leaseUntil` (epoch ms) while it runs, so a claim whose lease has passed belongs
 * to a replica that stopped mid-request. `answered`: the request's answer, replayed to every
 * retry. Both name the request they belong to by its fingerprint.
 */
export type IdempotencyRecord =
  | { state: "running"; fingerprint: string; owner: string; leaseUntil: number }
  | { state: "answered"; fingerprint: string; response: StoredResponse };

export function encodeRecord(record: IdempotencyRecord): string {
  return JSON.stringify(record);
}

/** Throws on anything this gateway did not write: a key shared with something else. */
export function decodeRecord(text: string): IdempotencyRecord {
  const record = JSON.parse(text) as Partial<Record<string, unknown>>;
  const valid =
    typeof record.fingerprint === "string" &&
    ((record.state === "running" &&
      typeof record.owner === "string" &&
      typeof record.leaseUntil === "number") ||
      (record.state === "answered" && isStoredResponse(record.response)));
  if (!valid) throw new Error("not an idempotency record");
  return record as unknown as IdempotencyRecord;
}

function isStoredResponse(value: unknown): value is StoredResponse {
  const response = value as Partial<StoredResponse> | null;
  return (
    typeof response === "object" &&
    response !== null &&
    typeof response.status === "number" &&
    typeof response.body === "string" &&
    Array.isArray(response.headers)
  );
}
