import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "../../../src/auth/principal.js";
import { openLiveEvents } from "../../../src/events/live-events.js";
import { ParticipantEventSource, ParticipantEventType } from "../../../src/events/record.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { GatewayEvents } from "../../../src/participants/events/gateway-events.js";
import { ACCOUNT_A, CALL_1, CONFERENCE_1, conferenceRecord } from "../../events/fixtures.js";

const BOUNDS = { perConnection: 10, perPrincipal: 10, maxQueue: 10 };

describe("GatewayEvents: the conference directory and the gateway's own writes", () => {
  it("remembers the call's conference only when Twilio can call this gateway back", async () => {
    const cases = [
      { publicUrl: undefined, remembered: null },
      { publicUrl: "https://gateway.example.com", remembered: CONFERENCE_1 },
    ];
    for (const { publicUrl, remembered } of cases) {
      const live = openLiveEvents({ onRedisError: () => {} });
      const events = new GatewayEvents({ live, publicUrl, bounds: BOUNDS });
      const added = conferenceRecord({
        type: ParticipantEventType.ADDED,
        source: ParticipantEventSource.GATEWAY,
      });
      await events.forRequest(ANONYMOUS, {}, silentLogger).publish(added);
      expect(await live.conferences.conferenceOf(ACCOUNT_A, CALL_1)).toBe(remembered);
      await events.close();
    }
  });
});
