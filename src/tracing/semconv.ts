/**
 * Attribute names from the incubating part of the OpenTelemetry semantic conventions, copied as
 * `@opentelemetry/semantic-conventions` advises (its `incubating` entry point may rename them in
 * a minor release), plus the gateway's own `twilio.*` attributes.
 */
export const ATTR_GRAPHQL_OPERATION_NAME = "graphql.operation.name";
export const ATTR_GRAPHQL_OPERATION_TYPE = "graphql.operation.type";
export const ATTR_URL_TEMPLATE = "url.template";

/** One of the gateway's product names: `proxy`, `flex`, `conversations`, `api`. */
export const ATTR_TWILIO_PRODUCT = "twilio.product";
/** The gateway's name for the call, e.g. `conference.participant.create`. */
export const ATTR_TWILIO_OPERATION = "twilio.operation";
/** The `code` of Twilio's error answer, e.g. 21211. */
export const ATTR_TWILIO_ERROR_CODE = "twilio.error_code";
/** Twilio's `Twilio-Request-Id` answer header: what Twilio support asks for. */
export const ATTR_TWILIO_REQUEST_ID = "twilio.request_id";
