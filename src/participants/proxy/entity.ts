import { loadersFor } from "../../graphql/context.js";
import type { EntityResolver } from "../../graphql/entity.js";

/** `@key(fields: "serviceSid sessionSid sid")`: Proxy paths carry no account; the caller's is used. */
export const proxyParticipantEntity: EntityResolver = {
  typeName: "ProxyParticipant",
  resolveReference(representation, context) {
    return loadersFor(context).proxyParticipant.load({
      serviceSid: String(representation.serviceSid),
      sessionSid: String(representation.sessionSid),
      sid: String(representation.sid),
    });
  },
};
