import { type GatewayEventType, gatewayEvent } from "../../events/record.js";
import type { GatewayContext } from "../../graphql/context.js";

/**
 * Tells subscribers what the gateway just did to a participant, at no extra Twilio call: the
 * participant as Twilio answered (for a removal, as it was just before). Its account is the
 * one Twilio reports, else the request's own (Flex reports none).
 */
export function publishGatewayEvent(
  context: GatewayContext,
  type: GatewayEventType,
  participant: object,
): Promise<void> {
  const reported = participant as { kind: string; sid: string; accountSid?: string | null };
  const accountSid = reported.accountSid ?? context.twilio.account();
  return context.events.publish(accountSid, () =>
    gatewayEvent({ type, accountSid, participant: reported }),
  );
}
