import type { Principal } from "../../auth/principal.js";
import type { LiveEvents } from "../../events/live-events.js";
import { type PublishOutcome, publishTwilioEvent } from "../../events/publish.js";
import type { ParticipantEventRecord } from "../../events/record.js";
import { LiveSubscriptions, type SubscriptionBounds } from "../../events/subscriptions.js";
import type { RequestEvents } from "../../graphql/context.js";
import type { Logger } from "../../logging/logger.js";
import { callbackUrl } from "../callbacks.js";
import { PRODUCTS } from "../registry.js";

export interface GatewayEventsOptions {
  live: LiveEvents;
  /** The gateway's public base URL; none: it asks Twilio for no callbacks. */
  publicUrl: string | undefined;
  bounds: SubscriptionBounds;
}

/**
 * One replica's live participant events: what its requests publish, what Twilio's callbacks
 * publish, and the subscriptions it serves. Every event goes through its product's
 * `correlate` first, whoever reported it.
 */
export class GatewayEvents {
  readonly subscriptions: LiveSubscriptions;
  private readonly correlators = new Map(
    PRODUCTS.flatMap(({ callbacks }) =>
      callbacks?.correlate ? [[callbacks.kind, callbacks.correlate] as const] : [],
    ),
  );

  constructor(private readonly options: GatewayEventsOptions) {
    this.subscriptions = new LiveSubscriptions(options.live.bus, options.bounds);
  }

  callbackUrl(path: string): string | undefined {
    const { publicUrl } = this.options;
    return publicUrl === undefined ? undefined : callbackUrl(publicUrl, path);
  }

  /** Publishes a callback's event unless it (or its request) was seen before, by any replica. */
  async publishTwilioEvent(
    record: ParticipantEventRecord,
    idempotencyToken: string | undefined,
  ): Promise<PublishOutcome> {
    return publishTwilioEvent(this.options.live, await this.correlate(record), idempotencyToken);
  }

  /** Events as one request sees them: `connection` bounds its subscriptions. */
  forRequest(principal: Principal, connection: object, logger: Logger): RequestEvents {
    return {
      callbackUrl: (path) => this.callbackUrl(path),
      publish: async (accountSid, build) => {
        // Without a public URL Twilio calls no gateway back: there is no callback to correlate
        // with this write, and remembering its call's conference would only fill the store.
        const correlating = this.options.publicUrl !== undefined;
        if (!correlating && !this.options.live.bus.reaches(accountSid)) return;
        let record: ParticipantEventRecord | undefined;
        try {
          record = build();
          await this.options.live.bus.publish(correlating ? await this.correlate(record) : record);
        } catch (error) {
          logger.warn(
            { event: record?.type, kind: record?.kind, error: errorName(error) },
            "could not publish a participant event",
          );
        }
      },
      subscribe: (accountSid, filter) =>
        this.subscriptions.subscribe({ accountSid, principalId: principal.id, connection }, filter),
    };
  }

  /** Completes every subscription, then lets go of the bus and the store. */
  async close(): Promise<void> {
    this.subscriptions.endAll();
    await this.options.live.close();
  }

  private correlate(record: ParticipantEventRecord): Promise<ParticipantEventRecord> {
    const correlate = this.correlators.get(record.kind);
    return correlate ? correlate(record, this.options.live) : Promise.resolve(record);
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
