import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../graphql/context.js";
import { GATEWAY_NAME, GATEWAY_VERSION } from "../version.js";

@ObjectType({ description: "What this gateway is and which Twilio it talks to." })
export class GatewayInfo {
  @Field(() => String)
  name: string;

  @Field(() => String)
  version: string;

  @Field(() => String, { description: '"live" (real Twilio) or "simulator" (the embedded fake).' })
  twilioMode: string;

  @Field(() => Boolean, { description: "Whether this request has Twilio credentials to use." })
  hasCredentials: boolean;
}

@Resolver()
export class GatewayInfoResolver {
  @Query(() => GatewayInfo)
  gatewayInfo(@Ctx() context: GatewayContext): GatewayInfo {
    return {
      name: GATEWAY_NAME,
      version: GATEWAY_VERSION,
      twilioMode: context.mode,
      hasCredentials: context.hasCredentials,
    };
  }
}
