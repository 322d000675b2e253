import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

/** A span as an OTLP collector received it, decoded from OTLP/HTTP JSON. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** `undefined` for a root span. */
  parentSpanId: string | undefined;
  traceState: string | undefined;
  name: string;
  kind: SpanKindName;
  attributes: Record<string, unknown>;
  status: { code: StatusCodeName; message: string | undefined };
  resource: Record<string, unknown>;
  scope: { name: string; version: string | undefined };
}

/** One export request as it arrived. */
export interface ReceivedRequest {
  path: string;
  contentType: string | undefined;
  contentEncoding: string | undefined;
}

type SpanKindName = "UNSPECIFIED" | "INTERNAL" | "SERVER" | "CLIENT" | "PRODUCER" | "CONSUMER";
type StatusCodeName = "UNSET" | "OK" | "ERROR";

/** OTLP's enums, by their numbers in the protocol (which OTLP/JSON sends). */
const SPAN_KINDS: readonly SpanKindName[] = [
  "UNSPECIFIED",
  "INTERNAL",
  "SERVER",
  "CLIENT",
  "PRODUCER",
  "CONSUMER",
];
const STATUS_CODES: readonly StatusCodeName[] = ["UNSET", "OK", "ERROR"];

interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}
interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  /** int64: a string in canonical OTLP/JSON, a number from some encoders. */
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
}
interface OtlpTraceRequest {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: Array<{
      scope?: { name?: string; version?: string };
      spans?: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        traceState?: string;
        name: string;
        kind?: number;
        attributes?: OtlpKeyValue[];
        status?: { code?: number; message?: string };
      }>;
    }>;
  }>;
}

/**
 * A real OTLP/HTTP trace receiver on loopback, as a collector would be: it accepts what
 * `@opentelemetry/exporter-trace-otlp-http` sends (JSON, gzip-compressed or not) on any path,
 * answers 415 to protobuf, and keeps the spans for assertions.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly requests: ReceivedRequest[] = [];
  url = "";
  private server?: http.Server;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const contentType = req.headers["content-type"];
        const contentEncoding = req.headers["content-encoding"];
        this.requests.push({ path: req.url ?? "", contentType, contentEncoding });
        if (req.method !== "POST" || !contentType?.startsWith("application/json")) {
          res.writeHead(415, { "content-type": "text/plain" }).end("only OTLP/HTTP JSON");
          return;
        }
        const body = Buffer.concat(chunks);
        const json = contentEncoding === "gzip" ? gunzipSync(body) : body;
        this.spans.push(...decode(JSON.parse(json.toString("utf8")) as OtlpTraceRequest));
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  reset(): void {
    this.spans.length = 0;
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

function decode(request: OtlpTraceRequest): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const { resource, scopeSpans } of request.resourceSpans ?? []) {
    const resourceAttributes = attributes(resource?.attributes);
    for (const { scope, spans: scoped } of scopeSpans ?? []) {
      for (const span of scoped ?? []) {
        spans.push({
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || undefined,
          traceState: span.traceState || undefined,
          name: span.name,
          kind: SPAN_KINDS[span.kind ?? 0]!,
          attributes: attributes(span.attributes),
          status: {
            code: STATUS_CODES[span.status?.code ?? 0]!,
            message: span.status?.message || undefined,
          },
          resource: resourceAttributes,
          scope: { name: scope?.name ?? "", version: scope?.version || undefined },
        });
      }
    }
  }
  return spans;
}

function attributes(list: OtlpKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, anyValue(value)]));
}

function anyValue(value: OtlpAnyValue): unknown {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(anyValue);
  if (value.kvlistValue !== undefined) return attributes(value.kvlistValue.values);
  return undefined;
}
