import type { IncomingHttpHeaders } from "node:http";
import { type Context, ProxyTracerProvider, ROOT_CONTEXT, type Tracer } from "@opentelemetry/api";
import { type OperationSpan, startOperationSpan } from "./operation-span.js";
import { startTwilioCallSpan, type TwilioCall, type TwilioCallSpan } from "./twilio-call-span.js";

export interface TracingOptions {
  /** `service.name` unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES say otherwise. */
  serviceName: string;
  serviceVersion: string;
}

/**
 * The gateway's spans. Nothing here is global: no tracer provider, context manager or
 * propagator is registered with the OpenTelemetry API. A span's parent is passed explicitly
 * (the request scope carries the operation's context to the Twilio client), which spares every
 * request the cost of an async-hooks context manager and keeps gateways in one process apart.
 */
export interface Tracing {
  /** Whether spans are recorded and exported. */
  readonly exporting: boolean;
  /** The caller's W3C `traceparent` / `tracestate` (a router's, say) as a parent context. */
  extractTraceContext(headers: IncomingHttpHeaders): Context;
  startOperationSpan(parent: Context): OperationSpan;
  startTwilioCallSpan(parent: Context, call: TwilioCall): TwilioCallSpan;
  /**
   * Exports the spans still queued and stops; call it after draining, before the process
   * exits. Rejects when that export fails (collector unreachable) after the exporter's retries,
   * bounded by OTEL_EXPORTER_OTLP_TIMEOUT (10 s by default): log it and exit as planned.
   */
  shutdown(): Promise<void>;
}

/**
 * Exports spans over OTLP/HTTP (JSON) when OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or
 * OTEL_EXPORTER_OTLP_ENDPOINT is set and OTEL_SDK_DISABLED is not `true`; the SDK then reads
 * the other standard variables itself, from `process.env` (which is why this reads it too).
 * Otherwise spans come from the OpenTelemetry API's no-op tracer, nothing is exported and the
 * SDK is not even loaded. Throws when the endpoint is not an http(s) URL: the exporter would
 * fall back to localhost without a word.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing> {
  const exporting = exportConfigured(process.env);
  const source = exporting
    ? (await import("./otlp-export.js")).startOtlpExport(options)
    : noExport(options.serviceName);
  // Without export every operation shares one no-op span: nothing to make per request.
  const unrecorded = exporting ? undefined : startOperationSpan(source.tracer, ROOT_CONTEXT);
  return {
    exporting,
    extractTraceContext: source.extractTraceContext,
    startOperationSpan: (parent) => unrecorded ?? startOperationSpan(source.tracer, parent),
    startTwilioCallSpan: (parent, call) => startTwilioCallSpan(source.tracer, parent, call),
    shutdown: source.shutdown,
  };
}

/** Where spans are made and what becomes of them. */
export interface SpanSource {
  tracer: Tracer;
  extractTraceContext(headers: IncomingHttpHeaders): Context;
  shutdown(): Promise<void>;
}

function noExport(name: string): SpanSource {
  return {
    // A proxy provider without a delegate hands out the API's no-op tracer.
    tracer: new ProxyTracerProvider().getTracer(name),
    // The caller's context would only feed no-op spans.
    extractTraceContext: () => ROOT_CONTEXT,
    shutdown: async () => {},
  };
}

/** In the exporter's order of precedence: the first is used as is, the second gets `/v1/traces`. */
const ENDPOINT_VARIABLES = ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"];

/** Read as the SDK reads them: blank is unset, booleans are `true` in any case. */
function exportConfigured(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return false;
  for (const name of ENDPOINT_VARIABLES) {
    const value = env[name]?.trim();
    if (!value) continue;
    const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
    // The value is not repeated: an endpoint URL may carry credentials.
    if (protocol !== "http:" && protocol !== "https:") {
      throw new Error(`${name} is not an http:// or https:// URL (OTLP over HTTP)`);
    }
    return true;
  }
  return false;
}
