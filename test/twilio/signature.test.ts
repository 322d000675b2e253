import { createHash } from "node:crypto";
import fc from "fast-check";
import {
  getExpectedTwilioSignature,
  validateRequest,
  validateRequestWithBody,
} from "twilio/lib/webhooks/webhooks.js";
import { describe, expect, it } from "vitest";
import { type TwilioSignedRequest, verifyTwilioSignature } from "../../src/twilio/signature.js";

// Test vectors from twilio-node's own tests (spec/validation.spec.js and
// spec/unit/webhooks/webhooks.spec.js, twilio/twilio-node @45d3d65), as compiled with their
// sources in the shared reference data (twilio-callbacks/signature.json).
const TOKEN = "12345";
const DEFAULT_PARAMS: Array<[string, string]> = [
  ["CallSid", "CA1234567890ABCDE"],
  ["Caller", "+14158675309"],
  ["Digits", "1234"],
  ["From", "+14158675309"],
  ["To", "+18005551212"],
];
const REQUEST_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
const DEFAULT_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
const BODY = '{"property": "value", "boolean": true}';
const BODY_HASH = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
const URL_WITH_HASH = `${REQUEST_URL}&bodySHA256=${BODY_HASH}`;
const URL_WITH_HASH_SIGNATURE = "a9nBmqA0ju/hNViExpshrM61xv4=";
const EMPTY_BODY_HASH = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
const URL_WITH_EMPTY_BODY_HASH = `${REQUEST_URL}&bodySHA256=${EMPTY_BODY_HASH}`;

function formRequest(
  url: string,
  signature: string | undefined,
  formParams: Array<[string, string]> = DEFAULT_PARAMS,
): TwilioSignedRequest {
  return { url, signature, formParams, rawBody: "" };
}

function jsonRequest(url: string, signature: string, rawBody: string): TwilioSignedRequest {
  return { url, signature, formParams: [], rawBody };
}

describe("verifyTwilioSignature: twilio-node's vectors", () => {
  it("accepts the documented signature of a form callback", () => {
    expect(verifyTwilioSignature(formRequest(REQUEST_URL, DEFAULT_SIGNATURE), [TOKEN])).toBe(true);
  });

  it("refuses a wrong, missing or empty signature", () => {
    expect(verifyTwilioSignature(formRequest(REQUEST_URL, "WRONG_SIGNATURE"), [TOKEN])).toBe(false);
    expect(verifyTwilioSignature(formRequest(REQUEST_URL, undefined), [TOKEN])).toBe(false);
    expect(verifyTwilioSignature(formRequest(REQUEST_URL, ""), [TOKEN])).toBe(false);
  });

  it("refuses a tampered URL or a tampered parameter", () => {
    const tamperedUrl = `${REQUEST_URL}&somethingUnexpected=true`;
    expect(verifyTwilioSignature(formRequest(tamperedUrl, DEFAULT_SIGNATURE), [TOKEN])).toBe(false);
    const tamperedParams = DEFAULT_PARAMS.map(([name, value]): [string, string] =>
      name === "Digits" ? [name, "9999"] : [name, value],
    );
    expect(
      verifyTwilioSignature(formRequest(REQUEST_URL, DEFAULT_SIGNATURE, tamperedParams), [TOKEN]),
    ).toBe(false);
  });

  it("checks a JSON body against bodySHA256 and signs the URL alone", () => {
    expect(
      verifyTwilioSignature(jsonRequest(URL_WITH_HASH, URL_WITH_HASH_SIGNATURE, BODY), [TOKEN]),
    ).toBe(true);
    // twilio-node's vector for "{}": only the :443 form of the URL matches it.
    expect(
      verifyTwilioSignature(
        jsonRequest(URL_WITH_EMPTY_BODY_HASH, "Ldidvp12m26NI7eqEvxnEpkd9Hc=", "{}"),
        [TOKEN],
      ),
    ).toBe(true);
    expect(
      verifyTwilioSignature(
        jsonRequest(
          `https://mycompany.com/myapp.php?bodySHA256=${BODY_HASH}`,
          "y77kIzt2vzLz71DgmJGsen2scGs=",
          BODY,
        ),
        [TOKEN],
      ),
    ).toBe(true);
    // The raw bytes are hashed: a Buffer body is the same body.
    const asBytes = {
      ...jsonRequest(URL_WITH_HASH, URL_WITH_HASH_SIGNATURE, BODY),
      rawBody: Buffer.from(BODY),
    };
    expect(verifyTwilioSignature(asBytes, [TOKEN])).toBe(true);
  });

  it("refuses a JSON body that does not hash to bodySHA256, even with a valid URL signature", () => {
    expect(
      verifyTwilioSignature(jsonRequest(URL_WITH_HASH, URL_WITH_HASH_SIGNATURE, `${BODY} `), [
        TOKEN,
      ]),
    ).toBe(false);
    // The middleware case "wrong hash": the URL's hash lost its last character.
    const shortened = URL_WITH_HASH.slice(0, -1);
    const signature = getExpectedTwilioSignature(TOKEN, shortened, {});
    expect(verifyTwilioSignature(jsonRequest(shortened, signature, BODY), [TOKEN])).toBe(false);
    const wrongHash = `${REQUEST_URL}&bodySHA256=WRONG_HASH`;
    expect(
      verifyTwilioSignature(
        jsonRequest(wrongHash, getExpectedTwilioSignature(TOKEN, wrongHash, {}), BODY),
        [TOKEN],
      ),
    ).toBe(false);
  });

  it("refuses a body without bodySHA256 when the signature covered form fields it does not carry", () => {
    const request: TwilioSignedRequest = {
      url: REQUEST_URL,
      signature: DEFAULT_SIGNATURE,
      formParams: [],
      rawBody: JSON.stringify(Object.fromEntries(DEFAULT_PARAMS)),
    };
    expect(verifyTwilioSignature(request, [TOKEN])).toBe(false);
  });

  it("tries the scheme's default port both written out and left out", () => {
    const cases: Array<[url: string, signature: string]> = [
      ["http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="],
      [REQUEST_URL, "kvajT1Ptam85bY51eRf/AJRuM3w="], // signed as https://mycompany.com:443/…
      ["http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4="], // :80
      ["https://mycompany.com:443/myapp.php?foo=1&bar=2", DEFAULT_SIGNATURE], // signed without
      ["https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "CukzLTc1tT5dXEDIHm/tKBanW10="],
      ["https://user@mycompany.com/myapp.php?foo=1&bar=2", "2YRLlVAflCqxaNicjMpJcSTgzSs="],
      ["https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI="],
    ];
    for (const [url, signature] of cases) {
      expect(verifyTwilioSignature(formRequest(url, signature), [TOKEN]), url).toBe(true);
    }
    // Derived vectors (signature.json): the JSON-variant URLs in their other port form.
    expect(
      verifyTwilioSignature(jsonRequest(URL_WITH_HASH, "uzN7O1319XdYoYMfTT2eUM1PJT0=", BODY), [
        TOKEN,
      ]),
    ).toBe(true);
    expect(
      verifyTwilioSignature(
        jsonRequest(URL_WITH_EMPTY_BODY_HASH, "rw/jVviOgicj2+kHZULvebnA4ag=", "{}"),
        [TOKEN],
      ),
    ).toBe(true);
  });

  it("does not strip a non-default port, where twilio-node does (our URL is configured, not guessed)", () => {
    const withPort = formRequest(
      "https://mycompany.com:1234/myapp.php?foo=1&bar=2",
      DEFAULT_SIGNATURE,
    );
    expect(verifyTwilioSignature(withPort, [TOKEN])).toBe(false);
    expect(
      validateRequest(TOKEN, DEFAULT_SIGNATURE, withPort.url, Object.fromEntries(DEFAULT_PARAMS)),
    ).toBe(true);
  });

  it("checks the URL as received, without twilio-node's re-encoded variants", () => {
    const raw = "https://mycompany.com/myapp.php?foo=1&bar=2&Body=It's+amazing";
    // Signed over the raw form (twilio-node's vector before 2024): accepted.
    expect(verifyTwilioSignature(formRequest(raw, "dsq4Ehbj6cs+KdTkpF5sSSplOWw="), [TOKEN])).toBe(
      true,
    );
    // Signed over the %27 form (today's vector): accepted when that is the URL received.
    const encoded = raw.replace("'", "%27");
    expect(
      verifyTwilioSignature(formRequest(encoded, "TfZzewPq8wqrGlMfyAud8+/IvJ0="), [TOKEN]),
    ).toBe(true);
    expect(verifyTwilioSignature(formRequest(raw, "TfZzewPq8wqrGlMfyAud8+/IvJ0="), [TOKEN])).toBe(
      false,
    );
  });

  it("signs each distinct value of a repeated field once, values sorted", () => {
    const addresses = "83O6e2vORAoJHUNzJjDWN1jz+BA=";
    const inOrder: Array<[string, string]> = [
      ["MessagingBinding.Address", "+1325xxxxxxx"],
      ["MessagingBinding.Address", "+1415xxxxxxx"],
    ];
    expect(verifyTwilioSignature(formRequest(REQUEST_URL, addresses, inOrder), [TOKEN])).toBe(true);
    expect(
      verifyTwilioSignature(formRequest(REQUEST_URL, addresses, [...inOrder].reverse()), [TOKEN]),
    ).toBe(true);
    const repeated: Array<[string, string]> = [
      ["Sid", "CA123"],
      ["SidAccount", "AC123"],
      ["Digits", "5678"],
      ["Digits", "1234"],
      ["Digits", "1234"],
    ];
    expect(
      verifyTwilioSignature(formRequest(REQUEST_URL, "IK+Dwps556ElfBT0I3Rgjkr1wJU=", repeated), [
        TOKEN,
      ]),
    ).toBe(true);
    // Keeping the duplicate would give this signature (signature.json): it must not match.
    expect(
      verifyTwilioSignature(formRequest(REQUEST_URL, "tM//N+MVWOh7+ol2z8YCNxSY0Eg=", repeated), [
        TOKEN,
      ]),
    ).toBe(false);
  });

  it("matches webhooks.spec.js's server/target URL pairs (token s3cr3t, no fields)", () => {
    const cases: Array<[serverUrl: string, targetUrl: string, expected: boolean]> = [
      ["https://example.com/path?test=param", "https://example.com/path?test=param2", false],
      ["https://example.com:443/path?test=param", "https://example.com:443/path?test=param", true],
      ["https://example.com:443/path?test=param", "https://example.com/path?test=param", true],
      ["https://example.com/path?test=param", "https://example.com/path?test=param", true],
      ["https://example.com/path?test=param", "https://example.com:443/path?test=param", true],
      [
        "https://example.com/path?test=param'WithQuote",
        "https://example.com/path?test=param'WithQuote",
        true,
      ],
      [
        "https://example.com/path?test=param%27WithQuote",
        "https://example.com/path?test=param%27WithQuote",
        true,
      ],
      // twilio-node also accepts these two by re-encoding; we check the URL as received.
      [
        "https://example.com/path?test=param'WithQuote",
        "https://example.com/path?test=param%27WithQuote",
        false,
      ],
      [
        "https://example.com/path?test=param%27WithQuote",
        "https://example.com/path?test=param'WithQuote",
        false,
      ],
    ];
    for (const [serverUrl, targetUrl, expected] of cases) {
      const signature = getExpectedTwilioSignature("s3cr3t", serverUrl, {});
      expect(
        verifyTwilioSignature(formRequest(targetUrl, signature, []), ["s3cr3t"]),
        `${serverUrl} → ${targetUrl}`,
      ).toBe(expected);
    }
  });
});

describe("verifyTwilioSignature: the gateway's rules", () => {
  it("ignores a URL fragment (Twilio's connection overrides are never signed)", () => {
    const url = `${REQUEST_URL}#rc=2&ct=1000`;
    expect(verifyTwilioSignature(formRequest(url, DEFAULT_SIGNATURE), [TOKEN])).toBe(true);
  });

  it("finds the port of an IPv6 literal after its closing bracket", () => {
    const fields = Object.fromEntries(DEFAULT_PARAMS);
    const signedWith443 = getExpectedTwilioSignature(TOKEN, "https://[::1]:443/cb?x=1", fields);
    expect(verifyTwilioSignature(formRequest("https://[::1]/cb?x=1", signedWith443), [TOKEN])).toBe(
      true,
    );
    const signedWith8443 = getExpectedTwilioSignature(TOKEN, "https://[::1]:8443/cb", fields);
    expect(
      verifyTwilioSignature(formRequest("https://[::1]:8443/cb", signedWith8443), [TOKEN]),
    ).toBe(true);
    expect(verifyTwilioSignature(formRequest("https://[::1]/cb", signedWith8443), [TOKEN])).toBe(
      false,
    );
  });

  it("accepts any of several tokens, for rotation", () => {
    const request = formRequest(REQUEST_URL, DEFAULT_SIGNATURE);
    expect(verifyTwilioSignature(request, ["fake-old-token", TOKEN])).toBe(true);
    expect(verifyTwilioSignature(request, [TOKEN, "fake-new-token"])).toBe(true);
    expect(verifyTwilioSignature(request, ["fake-old-token", "fake-new-token"])).toBe(false);
    expect(verifyTwilioSignature(request, [])).toBe(false);
  });

  it("never accepts a signature made with an empty token", () => {
    const signature = getExpectedTwilioSignature(
      "",
      REQUEST_URL,
      Object.fromEntries(DEFAULT_PARAMS),
    );
    expect(verifyTwilioSignature(formRequest(REQUEST_URL, signature), [""])).toBe(false);
    expect(verifyTwilioSignature(formRequest(REQUEST_URL, signature), ["", TOKEN])).toBe(false);
  });

  it("refuses a signature that differs only by base64 padding or case", () => {
    const unpadded = DEFAULT_SIGNATURE.replace(/=+$/, "");
    expect(verifyTwilioSignature(formRequest(REQUEST_URL, unpadded), [TOKEN])).toBe(false);
    expect(
      verifyTwilioSignature(formRequest(REQUEST_URL, DEFAULT_SIGNATURE.toLowerCase()), [TOKEN]),
    ).toBe(false);
  });
});

// ---- Property tests against twilio-node as the oracle ----

const DEFAULT_PORT = { "http:": "80", "https:": "443" } as const;

interface GeneratedUrl {
  scheme: "http:" | "https:";
  userInfo: string;
  host: string;
  /** null: none; "default": the scheme's; otherwise a number. */
  port: null | "default" | number;
  path: string;
  query: string;
}

function render(url: GeneratedUrl, port: GeneratedUrl["port"] = url.port): string {
  const portText =
    port === null ? "" : `:${port === "default" ? DEFAULT_PORT[url.scheme] : String(port)}`;
  return `${url.scheme}//${url.userInfo}${url.host}${portText}${url.path}${url.query}`;
}

/** The same endpoint with the default port written out or left out (when that is possible). */
function portTwin(url: GeneratedUrl): string {
  if (url.port === null) return render(url, "default");
  if (url.port === "default") return render(url, null);
  return render(url);
}

const text = fc.string({ unit: "binary", maxLength: 12 });
const queryPart = fc
  .array(fc.tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }), text), {
    maxLength: 4,
  })
  .map((pairs) =>
    pairs.length === 0
      ? ""
      : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}`,
  );
const generatedUrl: fc.Arbitrary<GeneratedUrl> = fc.record({
  scheme: fc.constantFrom("http:" as const, "https:" as const),
  userInfo: fc.constantFrom("", "user@", "user:pass@"),
  host: fc.domain(),
  port: fc.oneof(
    fc.constant(null),
    fc.constant("default" as const),
    fc.integer({ min: 1, max: 65535 }),
  ),
  path: fc.webPath(),
  query: queryPart,
});
/** Form fields with repeated names (drawn from a small set) and any Unicode values. */
const formFields = fc.array(
  fc.tuple(
    fc.oneof(fc.constantFrom("To", "MessagingBinding.Address", "Ä", "__proto__"), text),
    text,
  ),
  { maxLength: 8 },
);
const token = fc.string({ minLength: 1, maxLength: 40 });

/** twilio-node's params object: a name sent once is a string, a repeated one an array. */
function twilioParams(fields: ReadonlyArray<readonly [string, string]>): Record<string, unknown> {
  const params: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of fields) {
    const existing = params[name];
    if (existing === undefined) params[name] = value;
    else params[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return params;
}

describe("verifyTwilioSignature ⇔ twilio-node's validateRequest (fast-check)", () => {
  it("accepts what Twilio signs, over the URL or its default-port twin, and agrees with twilio-node", () => {
    fc.assert(
      fc.property(
        generatedUrl,
        formFields,
        token,
        fc.boolean(),
        fc.option(fc.constantFrom("#ct=1000", "#rc=2&rp=all"), { nil: "" }),
        (url, fields, authToken, signTwin, fragment) => {
          const received = render(url);
          const signedUrl = signTwin ? portTwin(url) : received;
          const signature = getExpectedTwilioSignature(authToken, signedUrl, twilioParams(fields));
          const request = formRequest(received + fragment, signature, fields);
          expect(verifyTwilioSignature(request, [authToken])).toBe(true);
          expect(validateRequest(authToken, signature, received, twilioParams(fields))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses a wrong token and a tampered field or URL, as twilio-node does", () => {
    fc.assert(
      fc.property(
        generatedUrl,
        formFields.filter((fields) => fields.length > 0),
        token,
        token,
        fc.nat(),
        (url, fields, authToken, otherToken, pick) => {
          fc.pre(authToken !== otherToken);
          const received = render(url);
          const signature = getExpectedTwilioSignature(authToken, received, twilioParams(fields));
          const check = (candidateUrl: string, candidateFields: Array<[string, string]>) => {
            const ours = verifyTwilioSignature(
              formRequest(candidateUrl, signature, candidateFields),
              [authToken],
            );
            const theirs = validateRequest(
              authToken,
              signature,
              candidateUrl,
              twilioParams(candidateFields),
            );
            expect(ours).toBe(theirs);
            return ours;
          };
          const wrongToken = verifyTwilioSignature(
            formRequest(received, signature, fields as Array<[string, string]>),
            [otherToken],
          );
          expect(wrongToken).toBe(
            validateRequest(otherToken, signature, received, twilioParams(fields)),
          );
          expect(wrongToken).toBe(false);
          // A changed value changes the signed text's length, so no collision can hide it.
          const index = pick % fields.length;
          const tampered = fields.map(([name, value], i): [string, string] =>
            i === index ? [name, `${value}!`] : [name, value],
          );
          expect(check(received, tampered)).toBe(false);
          const extraParam = `${received}${url.query === "" ? "?" : "&"}injected=1`;
          expect(check(extraParam, fields as Array<[string, string]>)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees with validateRequestWithBody on JSON bodies", () => {
    fc.assert(
      fc.property(
        generatedUrl,
        fc.json(),
        fc.option(fc.json(), { nil: null }),
        token,
        (url, body, otherBody, authToken) => {
          const hash = createHash("sha256").update(body).digest("hex");
          const received = `${render(url)}${url.query === "" ? "?" : "&"}bodySHA256=${hash}`;
          const signature = getExpectedTwilioSignature(authToken, received, {});
          const sent = otherBody ?? body;
          const ours = verifyTwilioSignature(jsonRequest(received, signature, sent), [authToken]);
          expect(ours).toBe(validateRequestWithBody(authToken, signature, received, sent));
          expect(ours).toBe(sent === body);
        },
      ),
      { numRuns: 200 },
    );
  });
});
