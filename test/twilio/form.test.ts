import { describe, expect, it } from "vitest";
import { encodeTwilioForm, formatTwilioDate, percentEncode } from "../../src/twilio/form.js";
import { twilioPath } from "../../src/twilio/path.js";
import { form, json, listOf, text } from "../../src/params/param.js";
import { toWire } from "../../src/params/wire.js";

describe("encodeTwilioForm", () => {
  it("encodes each kind of value the way Twilio's SDKs do", () => {
    expect(
      encodeTwilioForm([
        ["Text", "a b+c&d=e/é"],
        ["Flag", true],
        ["Off", false],
        ["Count", 42],
        ["Zero", 0],
        ["When", new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678))],
        ["Event", ["in-progress", "completed"]],
        ["Json", JSON.stringify({ name: "Ana María", list: [1, 2], nested: { ok: true } })],
        ["MessagingBinding.Address", "+15558675310"],
        ["Absent", undefined],
        ["Cleared", null],
      ]),
    ).toBe(
      [
        "Text=a%20b%2Bc%26d%3De%2F%C3%A9",
        "Flag=true",
        "Off=false",
        "Count=42",
        "Zero=0",
        "When=2024-01-02T03%3A04%3A05Z",
        "Event=in-progress",
        "Event=completed",
        "Json=%7B%22name%22%3A%22Ana%20Mar%C3%ADa%22%2C%22list%22%3A%5B1%2C2%5D%2C%22nested%22%3A%7B%22ok%22%3Atrue%7D%7D",
        "MessagingBinding.Address=%2B15558675310",
        "Cleared=",
      ].join("&"),
    );
  });

  it("keeps RFC 3986 unreserved characters and escapes the ones encodeURIComponent leaves", () => {
    expect(percentEncode("AZaz09-._~")).toBe("AZaz09-._~");
    expect(percentEncode("!'()*")).toBe("%21%27%28%29%2A");
  });

  it("sends an empty array as nothing and an empty string as an empty value", () => {
    expect(
      encodeTwilioForm([
        ["A", []],
        ["B", ""],
      ]),
    ).toBe("B=");
  });

  it("formats dates in UTC without milliseconds", () => {
    expect(formatTwilioDate(new Date("2015-12-16T22:18:37.123+02:00"))).toBe(
      "2015-12-16T20:18:37Z",
    );
  });
});

describe("twilioPath", () => {
  it("percent-encodes every interpolated segment so it cannot change the path", () => {
    const built = twilioPath`/v1/Conversations/${"../Services/x?y=1#z"}/Participants/${"a b"}`;
    expect(built.path).toBe("/v1/Conversations/..%2FServices%2Fx%3Fy%3D1%23z/Participants/a%20b");
    expect(built.template).toBe(
      "/v1/Conversations/{ConversationSid}/Participants/{ParticipantSid}",
    );
  });
});

describe("toWire", () => {
  it("sends JSON parameters as JSON text whatever the value's kind", () => {
    const table = {
      object: form("Object", json),
      array: form("Array", json),
      text: form("Text", json),
      nothing: form("Null", json),
      absent: form("Absent", json),
      plain: form("Plain", listOf(text)),
    };
    const input: Record<string, unknown> = {
      object: { a: 1 },
      array: ["x", "y"],
      text: "hi",
      nothing: null,
      plain: ["x", "y"],
    };
    expect(encodeTwilioForm(toWire(table, input).form)).toBe(
      "Object=%7B%22a%22%3A1%7D&Array=%5B%22x%22%2C%22y%22%5D&Text=%22hi%22&Null=null&Plain=x&Plain=y",
    );
  });
});
