import type { TwilioCallObserver } from "../twilio/client.js";
import { Counter } from "./counter.js";
import { Histogram } from "./histogram.js";
import { type ProcessMetrics, registerProcessMetrics } from "./process-metrics.js";
import { MetricsRegistry } from "./registry.js";

/** From a cached query answered in memory to a create that waited on a slow Twilio. */
export const DURATION_BUCKETS_SECONDS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;

/**
 * What one gateway counts, served on `/metrics`. One per gateway instance, so gateways sharing
 * a process (tests) keep their own counts. Every label value comes from a bounded set: schema
 * field names, operation types, error codes, the gateway's names for Twilio operations and HTTP
 * statuses; never a client-chosen name, an identifier, a URL or a credential.
 */
export class GatewayMetrics {
  private readonly registry = new MetricsRegistry();

  private readonly graphqlRequests = this.registry.register(
    new Counter(
      "participant_gateway_graphql_requests_total",
      "GraphQL requests by operation type, first root field and outcome (error: any error in the response).",
      ["operation_type", "root_field", "outcome"] as const,
    ),
  );

  private readonly graphqlErrors = this.registry.register(
    new Counter(
      "participant_gateway_graphql_errors_total",
      "Errors in GraphQL responses by extensions.code, as the client received them.",
      ["code"] as const,
    ),
  );

  private readonly graphqlDuration = this.registry.register(
    new Histogram(
      "participant_gateway_graphql_request_duration_seconds",
      "Time Apollo Server spent on a GraphQL request, in seconds.",
      ["operation_type"] as const,
      DURATION_BUCKETS_SECONDS,
    ),
  );

  private readonly twilioRequests = this.registry.register(
    new Counter(
      "participant_gateway_twilio_requests_total",
      "Calls to Twilio by operation and HTTP status of the final answer (timeout or network_error when there was none).",
      ["operation", "status"] as const,
    ),
  );

  private readonly twilioDuration = this.registry.register(
    new Histogram(
      "participant_gateway_twilio_request_duration_seconds",
      "Duration of calls to Twilio including 429 retries, in seconds.",
      ["operation"] as const,
      DURATION_BUCKETS_SECONDS,
    ),
  );

  private readonly process: ProcessMetrics = registerProcessMetrics(this.registry);

  /** `operationType` and `rootField` are `unknown` when no operation was resolved. */
  observeGraphQLRequest(
    operationType: string,
    rootField: string,
    failed: boolean,
    seconds: number,
  ): void {
    this.graphqlRequests.labels(operationType, rootField, failed ? "error" : "ok").inc();
    this.graphqlDuration.labels(operationType).observe(seconds);
  }

  countGraphQLError(code: string): void {
    this.graphqlErrors.labels(code).inc();
  }

  /** Handed to the TwilioClient. */
  readonly observeTwilioCall: TwilioCallObserver = (operation, status, seconds) => {
    this.twilioRequests
      .labels(operation, typeof status === "number" ? String(status) : status)
      .inc();
    this.twilioDuration.labels(operation).observe(seconds);
  };

  render(): string {
    return this.registry.render();
  }

  close(): void {
    this.process.close();
  }
}
