import { describe, expect, it } from "vitest";
import { TwilioError } from "../../src/simulator/errors.js";
import { parseForm } from "../../src/simulator/form.js";

describe("simulator form parsing", () => {
  it("decodes both %20 and + as a space, and %2B as a plus", () => {
    const params = parseForm("FriendlyName=Alice%20Smith&Label=agent+one&To=%2B14155551212");
    expect(params.get("FriendlyName")).toBe("Alice Smith");
    expect(params.get("Label")).toBe("agent one");
    expect(params.get("To")).toBe("+14155551212");
  });

  it("keeps every value of a repeated name, in order, and reads the first as the scalar", () => {
    const params = parseForm("StatusCallbackEvent=ringing&StatusCallbackEvent=answered&X=1");
    expect(params.all("StatusCallbackEvent")).toEqual(["ringing", "answered"]);
    expect(params.get("StatusCallbackEvent")).toBe("ringing");
    expect(params.all("Missing")).toEqual([]);
  });

  it("treats a dotted name as one flat parameter", () => {
    const params = parseForm(
      "MessagingBinding.Address=%2B15558675310&MessagingBinding.ProxyAddress=%2B15017122661",
    );
    expect(params.get("MessagingBinding.Address")).toBe("+15558675310");
    expect(params.get("MessagingBinding.ProxyAddress")).toBe("+15017122661");
    expect(params.has("MessagingBinding")).toBe(false);
  });

  it("decodes names too, skips empty pairs and reads a bare name as an empty value", () => {
    const params = parseForm("a%2Eb=1&&flag&c=x%3Dy");
    expect(params.get("a.b")).toBe("1");
    expect(params.get("flag")).toBe("");
    expect(params.get("c")).toBe("x=y");
  });

  it("keeps JSON text intact", () => {
    const params = parseForm(`Attributes=${encodeURIComponent('{"role": "driver", "n": [1, 2]}')}`);
    expect(JSON.parse(params.get("Attributes")!)).toEqual({ role: "driver", n: [1, 2] });
  });

  it("treats __proto__ as an ordinary name", () => {
    const params = parseForm("__proto__=x&constructor=y");
    expect(params.get("__proto__")).toBe("x");
    expect(params.get("constructor")).toBe("y");
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("rejects malformed percent-encoding with Twilio's 400", () => {
    let caught: unknown;
    try {
      parseForm("To=%E0%A4%A");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TwilioError);
    expect((caught as TwilioError).toBody()).toMatchObject({ status: 400, code: 20001 });
  });
});
