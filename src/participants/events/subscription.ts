import { Arg, Resolver, Root, type SubscribeResolverData, Subscription } from "type-graphql";
import type { ParticipantEventFilter } from "../../events/filter.js";
import type { ParticipantEventRecord } from "../../events/record.js";
import { type EventStreamItem, eventOrThrow } from "../../events/stream.js";
import type { GatewayContext } from "../../graphql/context.js";
import { assertValid } from "../../validation/rules.js";
import { ParticipantEvent, ParticipantEventFilterInput } from "./types.js";

/**
 * `subscription { participantEvents(filter: …) }`: the caller's own account's events (the
 * account of the request's Twilio credentials), as they happen. Each event is delivered as it
 * was reported: no Twilio call per subscriber.
 */
@Resolver()
export class ParticipantEventsResolver {
  @Subscription(() => ParticipantEvent, {
    description:
      "Participant events of your account as they happen: Twilio's callbacks (conference calls, Conversations webhooks) and the gateway's own adds, updates and removes. Served over WebSocket (graphql-transport-ws) at /graphql and Server-Sent Events at /graphql/stream.",
    subscribe: ({
      args,
      context,
    }: SubscribeResolverData<unknown, { filter: unknown }, GatewayContext>) => {
      const filter = args.filter as ParticipantEventFilter;
      assertValid(ParticipantEventFilterInput, filter, "filter");
      return context.events.subscribe(context.twilio.account(), filter);
    },
  })
  participantEvents(
    @Root() item: EventStreamItem,
    // Read by `subscribe` above; declared here so the schema has it.
    @Arg("filter", () => ParticipantEventFilterInput) _filter: ParticipantEventFilter,
  ): ParticipantEventRecord {
    return eventOrThrow(item);
  }
}
