import { registerEnumType } from "type-graphql";

/** The methods Twilio accepts for its callback URLs. */
export enum CallbackMethod {
  GET = "GET",
  POST = "POST",
}
registerEnumType(CallbackMethod, {
  name: "CallbackMethod",
  description: "The HTTP method Twilio uses to call one of your URLs.",
});
