import { describe, expect, it } from "vitest";
import { sidOrName, sidOrNameNote } from "../../src/validation/formats.js";

const HEX = "0123456789abcdef".repeat(2);
const conference = sidOrName("CF", "conference friendly name");
const identity = sidOrName("MB", "participant identity", { otherKinds: "allow" });

describe("sidOrName: a SID, or a name that cannot be a mistyped SID", () => {
  it.each([
    ["the expected SID", `CF${HEX}`],
    ["the expected SID with upper-case hex", `CF${HEX.toUpperCase()}`],
    ["a name with letters after the prefix", "AgentConf12"],
    ["the prefix followed by hex letters only (no digit)", "CAFE"],
    ["the prefix followed by a word", "CFO weekly"],
    ["a lower-case prefix on a short value", "cf123"],
    ["the prefix alone", "CF"],
    ["two letters and 31 hex digits", `CA${HEX.slice(1)}`],
    ["two letters and 33 hex digits", `CA${HEX}0`],
    ["256 characters", "x".repeat(256)],
  ])("takes %s", (_, value) => {
    expect(conference(value)).toBeUndefined();
  });

  it.each([
    ["the prefix and too few hex digits", "CF123", "looks like a SID but is not a valid CF SID"],
    [
      "the prefix and too many hex digits",
      `CF${HEX}0`,
      "looks like a SID but is not a valid CF SID",
    ],
    ["the prefix and 32 non-hex characters", `CF${"z".repeat(32)}`, "looks like a SID but"],
    ["a SID of another kind", `CA${HEX}`, "looks like a CA SID, not a CF SID"],
    ["a lower-case SID of another kind", `ca${HEX}`, "looks like a ca SID, not a CF SID"],
    ["its own SID with a lower-case prefix", `cf${HEX}`, "with a lower-case prefix"],
    ["a mixed-case prefix", `Cf${HEX}`, "with a lower-case prefix"],
    ["the empty string", "", "must be a CF SID or conference friendly name"],
    ["257 characters", "x".repeat(257), "must be at most 256 characters"],
  ])("refuses %s", (_, value, message) => {
    expect(conference(value)).toContain(message);
  });

  it("lets an identity look like another system's SID, never like a mistyped participant SID", () => {
    expect(identity(`US${HEX}`)).toBeUndefined();
    expect(identity(`WK${HEX}`)).toBeUndefined();
    expect(identity(`MB${HEX}`)).toBeUndefined();
    expect(identity(`mb${HEX}`)).toContain("with a lower-case prefix");
    expect(identity("MB12")).toContain("is not a valid MB SID");
    expect(identity("MBA")).toBeUndefined();
  });

  it("is described in the words of the rule", () => {
    expect(sidOrNameNote("CF")).toBe(
      "A value that looks like a SID (CF followed only by hex digits, at least one of them 0–9, " +
        "or any two letters followed by 32 hex digits) must be a valid CF SID: a mistyped SID is " +
        "refused, never taken for a name.",
    );
    expect(sidOrNameNote("MB", { otherKinds: "allow" })).toContain(
      "or mb followed by 32 hex digits",
    );
  });
});
