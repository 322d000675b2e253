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
      let built = 0;
      await events.forRequest(ANONYMOUS, {}, silentLogger).publish(added.accountSid, () => {
        built += 1;
        return added;
      });
      expect(await live.conferences.conferenceOf(ACCOUNT_A, CALL_1)).toBe(remembered);
      // Nobody subscribed: the event is built only when a callback will need the directory.
      expect(built).toBe(remembered === null ? 0 : 1);
      await events.close();
    }
  });

  it("builds a write's event when a subscriber of its account can hear it, and only then", async () => {
    const live = openLiveEvents({ onRedisError: () => {} });
    const events = new GatewayEvents({ live, publicUrl: undefined, bounds: BOUNDS });
    const received: unknown[] = [];
    await live.bus.subscribe(ACCOUNT_A, { deliver: (record) => received.push(record), end() {} });
    const added = conferenceRecord({
      type: ParticipantEventType.ADDED,
      source: ParticipantEventSource.GATEWAY,
    });
    const built: string[] = [];
    const publish = (accountSid: string) =>
      events.forRequest(ANONYMOUS, {}, silentLogger).publish(accountSid, () => {
        built.push(accountSid);
        return { ...added, accountSid };
      });
    await publish(ACCOUNT_A);
    await publish("AC" + "9".repeat(32));
    expect(built).toEqual([ACCOUNT_A]);
    expect(received).toEqual([{ ...added, accountSid: ACCOUNT_A }]);
    await events.close();
  });
});
