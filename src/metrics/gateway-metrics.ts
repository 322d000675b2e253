import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { type ProcessMetrics, registerProcessMetrics } from "./process-metrics.js";

/** From a cached query answered in memory to a create that waited on a slow Twilio. */
export const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What became of a Twilio callback (see the callback route). */
export type TwilioCallbackOutcome =
  | "published"
  | "duplicate"
  | "ignored"
  | "malformed"
  | "unknown_account"
  | "unsigned"
  | "bad_signature"
  | "failed";

/** Which executor ran a GraphQL operation: graphql-jit's compiled one, or graphql-js. */
const GRAPHQL_EXECUTORS = ["compiled", "graphql_js"] as const;
export type GraphQLExecutor = (typeof GRAPHQL_EXECUTORS)[number];

/**
 * What one gateway counts, served on `/metrics`, in a registry of its own (never prom-client's
 * global one) so gateways sharing a process (tests) keep their own counts. Every label value
 * comes from a bounded set: schema field names, operation types, error codes, the gateway's
 * names for Twilio operations and HTTP statuses; never a client-chosen name, an identifier, a
 * URL or a credential. That also matters to prom-client, which keys a series by joining
 * `name:value,` pairs: free-text values could land two label sets in one series.
 */
export class GatewayMetrics {
  private readonly registry = new Registry();

  /** The Content-Type of what `metrics()` returns (text exposition format 0.0.4). */
  readonly contentType: string = this.registry.contentType;

  private readonly graphqlRequests = new Counter({
    name: "participant_gateway_graphql_requests_total",
    help: "GraphQL requests by operation type, first root field and outcome (error: any error in the response).",
    labelNames: ["operation_type", "root_field", "outcome"] as const,
    registers: [this.registry],
  });

  private readonly graphqlErrors = new Counter({
    name: "participant_gateway_graphql_errors_total",
    help: "Errors in GraphQL responses by extensions.code, as the client received them.",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });

  private readonly graphqlExecutions = new Counter({
    name: "participant_gateway_graphql_executions_total",
    help: "GraphQL operations executed, by executor: compiled (graphql-jit, from an operation's second run) or graphql_js (its first run, and what graphql-jit cannot run exactly as graphql-js does).",
    labelNames: ["executor"] as const,
    registers: [this.registry],
  });

  constructor() {
    // Both series from the start, so a rate over them never sees one appear.
    for (const executor of GRAPHQL_EXECUTORS) this.graphqlExecutions.inc({ executor }, 0);
  }

  private readonly graphqlDuration = new Histogram({
    name: "participant_gateway_graphql_request_duration_seconds",
    help: "Time Apollo Server spent on a GraphQL request, in seconds.",
    labelNames: ["operation_type"] as const,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  private readonly twilioRequests = new Counter({
    name: "participant_gateway_twilio_requests_total",
    help: "Calls to Twilio by operation and HTTP status of the final answer (timeout or network_error when there was none).",
    labelNames: ["operation", "status"] as const,
    registers: [this.registry],
  });

  private readonly twilioDuration = new Histogram({
    name: "participant_gateway_twilio_request_duration_seconds",
    help: "Duration of calls to Twilio including 429 retries, in seconds.",
    labelNames: ["operation"] as const,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  private readonly twilioCallbacks = new Counter({
    name: "participant_gateway_twilio_callbacks_total",
    help: "Callbacks from Twilio by product and outcome: published, duplicate (a retry or an event seen before), ignored (no participant event), malformed, unknown_account, unsigned, bad_signature (refused with 403), failed (could not publish).",
    labelNames: ["product", "outcome"] as const,
    registers: [this.registry],
  });

  private subscriptionCount: () => number = () => 0;

  private readonly subscriptions: Gauge = new Gauge({
    name: "participant_gateway_subscriptions",
    help: "Live participant event subscriptions open on this gateway process, over both transports.",
    registers: [this.registry],
    collect: () => this.subscriptions.set(this.subscriptionCount()),
  });

  private readonly process: ProcessMetrics = registerProcessMetrics(this.registry);

  /** `operationType` and `rootField` are `unknown` when no operation was resolved. */
  observeGraphQLRequest(
    operationType: string,
    rootField: string,
    failed: boolean,
    seconds: number,
  ): void {
    this.graphqlRequests.inc({
      operation_type: operationType,
      root_field: rootField,
      outcome: failed ? "error" : "ok",
    });
    this.graphqlDuration.observe({ operation_type: operationType }, seconds);
  }

  readonly countGraphQLExecution = (executor: GraphQLExecutor): void => {
    this.graphqlExecutions.inc({ executor });
  };

  countGraphQLError(code: string): void {
    this.graphqlErrors.inc({ code });
  }

  /**
   * Handed to the TwilioClient as its observer: `status` is the HTTP status of the final
   * answer, or `timeout` / `network_error` when there was none.
   */
  readonly observeTwilioCall = (
    operation: string,
    status: number | string,
    seconds: number,
  ): void => {
    this.twilioRequests.inc({ operation, status: String(status) });
    this.twilioDuration.observe({ operation }, seconds);
  };

  countTwilioCallback(product: string, outcome: TwilioCallbackOutcome): void {
    this.twilioCallbacks.inc({ product, outcome });
  }

  /** Where the subscriptions gauge reads its value at each scrape. */
  countSubscriptionsWith(count: () => number): void {
    this.subscriptionCount = count;
  }

  /** The whole scrape in text exposition format 0.0.4. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  close(): void {
    this.process.close();
  }
}
