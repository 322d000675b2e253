import type { IncomingHttpHeaders } from "node:http";
import {
  type Context,
  defaultTextMapGetter,
  ProxyTracerProvider,
  ROOT_CONTEXT,
  type Tracer,
} from "@opentelemetry/api";
import {
  getBooleanFromEnv,
  getStringFromEnv,
  W3CTraceContextPropagator,
} from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";
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
  /** Exports the spans still queued and stops; after draining, before the process exits. */
  shutdown(): Promise<void>;
}

const propagator = new W3CTraceContextPropagator();

/**
 * Exports spans over OTLP/HTTP (JSON) when OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or
 * OTEL_EXPORTER_OTLP_ENDPOINT is set and OTEL_SDK_DISABLED is not `true`; otherwise every span
 * comes from the OpenTelemetry API's no-op tracer and nothing is exported. The SDK reads its
 * other standard variables itself, from `process.env` (which is why this reads it too):
 * OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER(_ARG),
 * OTEL_EXPORTER_OTLP_(TRACES_)HEADERS / TIMEOUT / COMPRESSION, OTEL_BSP_*.
 * Throws when the configured endpoint is not an http(s) URL: the exporter would otherwise fall
 * back to localhost without a word.
 */
export function startTracing(options: TracingOptions): Tracing {
  if (!exportConfigured()) {
    // A proxy provider without a delegate hands out the API's no-op tracer.
    const noop = new ProxyTracerProvider().getTracer(options.serviceName);
    return tracing(noop, false, async () => {});
  }
  const provider = new NodeTracerProvider({
    resource: defaultResource()
      .merge(
        resourceFromAttributes({
          [ATTR_SERVICE_NAME]: options.serviceName,
          [ATTR_SERVICE_VERSION]: options.serviceVersion,
        }),
      )
      .merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  const tracer = provider.getTracer(options.serviceName, options.serviceVersion);
  return tracing(tracer, true, () => provider.shutdown());
}

function tracing(tracer: Tracer, exporting: boolean, shutdown: () => Promise<void>): Tracing {
  return {
    exporting,
    extractTraceContext: (headers) =>
      // Without an exporter the caller's context would only feed no-op spans.
      exporting ? propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter) : ROOT_CONTEXT,
    startOperationSpan: (parent) => startOperationSpan(tracer, parent),
    startTwilioCallSpan: (parent, call) => startTwilioCallSpan(tracer, parent, call),
    shutdown,
  };
}

/** In the exporter's order of precedence: the first is used as is, the second gets `/v1/traces`. */
const ENDPOINT_VARIABLES = ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"];

function exportConfigured(): boolean {
  if (getBooleanFromEnv("OTEL_SDK_DISABLED")) return false;
  for (const name of ENDPOINT_VARIABLES) {
    const value = getStringFromEnv(name);
    if (value === undefined) continue;
    const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
    // The value is not repeated: an endpoint URL may carry credentials.
    if (protocol !== "http:" && protocol !== "https:") {
      throw new Error(`${name} is not an http:// or https:// URL (OTLP over HTTP)`);
    }
    return true;
  }
  return false;
}
