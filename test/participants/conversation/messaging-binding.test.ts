import { describe, expect, it } from "vitest";
import {
  readMessagingBinding,
  restBinding,
} from "../../../src/participants/conversation/messaging-binding.js";

const fromRest = (messaging_binding: unknown) =>
  readMessagingBinding(restBinding({ messaging_binding }));

describe("a REST answer's messaging_binding", () => {
  it("becomes the typed binding, field by field", () => {
    expect(
      fromRest({ type: "whatsapp", address: "whatsapp:+1555", proxy_address: "whatsapp:+1501" }),
    ).toEqual({
      type: "whatsapp",
      address: "whatsapp:+1555",
      proxyAddress: "whatsapp:+1501",
      projectedAddress: null,
      name: null,
      level: null,
    });
    // Twilio's group-MMS example: a chat participant with only a projected address.
    expect(fromRest({ type: "sms", projected_address: "+15017122661" })).toMatchObject({
      type: "sms",
      projectedAddress: "+15017122661",
    });
    expect(fromRest({ type: "sms", name: "Ana", level: "to", address: "+1555" })).toMatchObject({
      name: "Ana",
      level: "to",
    });
  });

  it("is null for a chat participant, and where Twilio's value is not an object of text", () => {
    expect(fromRest(null)).toBeNull();
    expect(fromRest(undefined)).toBeNull();
    expect(fromRest("sms")).toBeNull();
    expect(fromRest({ type: "chat" })).toBeNull();
    expect(fromRest({ type: "sms", address: 15558675310 })).toBeNull();
  });
});
