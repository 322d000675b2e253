import { twilioEnum } from "../params/twilio-enum.js";

/** Every Twilio resource that calls one of your URLs lets you say how: shared by the products. */
export const CallbackMethod = twilioEnum(
  "CallbackMethod",
  "GET POST",
  "The HTTP method Twilio uses to call one of your URLs.",
);
