import type { GraphQLFieldResolver } from "graphql";
import { withOutcome, WriteOutcome } from "../errors/gateway-errors.js";
import type { GatewayContext } from "../graphql/context.js";

export type FieldResolvers = Record<string, GraphQLFieldResolver<unknown, GatewayContext>>;

/**
 * Makes every mutation's failure say what happened at Twilio (`extensions.outcome`).
 *
 * An error that states its outcome keeps it: the Twilio client states one for the write itself
 * (NOT_SENT, REJECTED or UNKNOWN). Any other error was raised by the gateway: before the
 * mutation's write when no write was handed to the client while it ran (invalid input, a
 * refused path, the call budget, missing credentials, a failed read) — NOT_SENT — and after
 * one otherwise, when the write may have been applied — UNKNOWN. graphql-js runs mutation
 * fields one after another, so the request's write count moving while one ran means that one
 * wrote. With every mutation nullable, one failing leaves the others' answers in place.
 */
export function statingWriteOutcomes(mutations: FieldResolvers): FieldResolvers {
  return Object.fromEntries(
    Object.entries(mutations).map(([name, resolve]) => [
      name,
      async (source, args, context, info) => {
        const before = context.twilio.writesStarted;
        try {
          return await resolve(source, args, context, info);
        } catch (error) {
          const wrote = context.twilio.writesStarted !== before;
          throw withOutcome(error, wrote ? WriteOutcome.Unknown : WriteOutcome.NotSent);
        }
      },
    ]),
  );
}
