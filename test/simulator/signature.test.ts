import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { twilioSignature, type FormPair } from "../../src/simulator/callbacks/signature.js";

// Test vectors of twilio-node's own spec/validation.spec.js (auth token "12345"), each with the
// URL form its signature was computed over.
const TOKEN = "12345";
const DEFAULT_PARAMS: FormPair[] = [
  ["CallSid", "CA1234567890ABCDE"],
  ["Caller", "+14158675309"],
  ["Digits", "1234"],
  ["From", "+14158675309"],
  ["To", "+18005551212"],
];
const VECTORS: { url: string; params: FormPair[]; signature: string }[] = [
  {
    url: "https://mycompany.com/myapp.php?foo=1&bar=2",
    params: DEFAULT_PARAMS,
    signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
  },
  {
    url: "http://mycompany.com:1234/myapp.php?foo=1&bar=2",
    params: DEFAULT_PARAMS,
    signature: "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=",
  },
  {
    url: "https://mycompany.com:443/myapp.php?foo=1&bar=2",
    params: DEFAULT_PARAMS,
    signature: "kvajT1Ptam85bY51eRf/AJRuM3w=",
  },
  {
    url: "http://mycompany.com:80/myapp.php?foo=1&bar=2",
    params: DEFAULT_PARAMS,
    signature: "0ZXoZLH/DfblKGATFgpif+LLRf4=",
  },
  {
    url: "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2",
    params: DEFAULT_PARAMS,
    signature: "CukzLTc1tT5dXEDIHm/tKBanW10=",
  },
  {
    url: "https://mycompany.com/myapp.php?foo=1&bar=2&Body=It%27s+amazing",
    params: DEFAULT_PARAMS,
    signature: "TfZzewPq8wqrGlMfyAud8+/IvJ0=",
  },
  {
    url: "https://mycompany.com/myapp.php?foo=1&bar=2",
    params: [
      ["MessagingBinding.Address", "+1415xxxxxxx"],
      ["MessagingBinding.Address", "+1325xxxxxxx"],
    ],
    signature: "83O6e2vORAoJHUNzJjDWN1jz+BA=",
  },
  {
    url: "https://mycompany.com/myapp.php?foo=1&bar=2",
    params: [
      ["Sid", "CA123"],
      ["SidAccount", "AC123"],
      ["Digits", "5678"],
      ["Digits", "1234"],
      ["Digits", "1234"],
    ],
    signature: "IK+Dwps556ElfBT0I3Rgjkr1wJU=",
  },
];

describe("simulator: X-Twilio-Signature", () => {
  it.each(VECTORS)("matches twilio-node's vector for $url", ({ url, params, signature }) => {
    expect(twilioSignature(TOKEN, url, params)).toBe(signature);
  });

  it("signs over the URL alone when there are no body parameters (GET)", () => {
    // twilio-node's bodySHA256 vector: a signature over the URL only.
    const url =
      "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    expect(twilioSignature(TOKEN, url, [])).toBe("a9nBmqA0ju/hNViExpshrM61xv4=");
  });

  it("is accepted by twilio's validateRequest for awkward values, and refused with another token", () => {
    const url = "http://127.0.0.1:4999/callbacks/call?tenant=a%20b&x=1";
    const params: FormPair[] = [
      ["Timestamp", "Tue, 04 Aug 2026 17:02:11 +0000"],
      ["Attributes", '{"name":"Zoë & co","plus":"+1"}'],
      ["Empty", ""],
      ["Called", "+14155550123"],
    ];
    const signature = twilioSignature("51515151515151515151515151515151", url, params);
    const asObject = Object.fromEntries(params);
    expect(
      twilio.validateRequest("51515151515151515151515151515151", signature, url, asObject),
    ).toBe(true);
    expect(twilio.validateRequest("another-token", signature, url, asObject)).toBe(false);
    expect(
      twilio.validateRequest("51515151515151515151515151515151", signature, `${url}&y=2`, asObject),
    ).toBe(false);
  });
});
