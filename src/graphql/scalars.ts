import { DateTimeResolver, JSONResolver } from "graphql-scalars";

/** ISO-8601 date-times in UTC; Twilio's RFC 2822 dates are converted before they get here. */
export const DateTimeScalar = DateTimeResolver;

/** Free-form JSON: Twilio's JSON-text parameters and fields travel as real JSON values. */
export const JSONScalar = JSONResolver;
