import { defaultTextMapGetter, ROOT_CONTEXT } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";
import type { SpanSource, TracingOptions } from "./tracing.js";

const propagator = new W3CTraceContextPropagator();

/**
 * The OpenTelemetry SDK, exporting over OTLP/HTTP in batches. The provider is not registered
 * with the API, so the SDK's default async-hooks context manager and global propagator are
 * never installed. The SDK reads the standard variables itself: the exporter's endpoint,
 * headers, timeout and compression, the sampler, OTEL_BSP_*, and (through the env detector)
 * OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, which override the options.
 */
export function startOtlpExport(options: TracingOptions): SpanSource {
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
  return {
    tracer: provider.getTracer(options.serviceName, options.serviceVersion),
    extractTraceContext: (headers) =>
      propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter),
    shutdown: () => provider.shutdown(),
  };
}
