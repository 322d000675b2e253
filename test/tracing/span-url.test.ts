import { describe, expect, it } from "vitest";
import { spanUrl } from "../../src/tracing/span-url.js";

function urlFull(url: string, template: string): string | undefined {
  return spanUrl(url, template)?.full;
}

const ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
const CONFERENCE_SID = "CF" + "a".repeat(32);
const CALL_SID = "CA" + "b".repeat(32);
const PARTICIPANT =
  "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json";
const CONVERSATION_PARTICIPANT = "/v1/Conversations/{ConversationSid}/Participants/{Sid}";

describe("spanUrl", () => {
  it("keeps a path whose every identifier is a SID", () => {
    const url = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CONFERENCE_SID}/Participants/${CALL_SID}.json`;
    expect(urlFull(url, PARTICIPANT)).toBe(url);
  });

  it("redacts labels, identities and unique names that stand where a SID may", () => {
    expect(
      urlFull(
        `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CONFERENCE_SID}/Participants/alice%20smith.json`,
        PARTICIPANT,
      ),
    ).toBe(
      `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CONFERENCE_SID}/Participants/REDACTED.json`,
    );
    expect(
      urlFull(
        "https://conversations.twilio.com/v1/Conversations/support-4711/Participants/alice%40example.com",
        CONVERSATION_PARTICIPANT,
      ),
    ).toBe("https://conversations.twilio.com/v1/Conversations/REDACTED/Participants/REDACTED");
    // A SID followed by more than the template's literal part is not a SID segment.
    expect(
      urlFull(
        `https://h/v1/Conversations/CH${"c".repeat(32)}x/Participants/${CALL_SID}`,
        CONVERSATION_PARTICIPANT,
      ),
    ).toBe(`https://h/v1/Conversations/REDACTED/Participants/${CALL_SID}`);
    expect(
      urlFull(
        `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CONFERENCE_SID}/Participants/${CALL_SID}xjson`,
        PARTICIPANT,
      ),
    ).toContain("/Participants/REDACTED.json");
  });

  it("takes every literal from the template, never from the URL", () => {
    expect(
      urlFull(
        `https://h/v1/Conversations/${CALL_SID}/Participants/${CALL_SID}/extra%2Fsecret`,
        CONVERSATION_PARTICIPANT,
      ),
    ).toBe("https://h/v1/Conversations/REDACTED/Participants/REDACTED");
    expect(
      urlFull(`https://h/v1/Other/${CALL_SID}/Things/${CALL_SID}`, CONVERSATION_PARTICIPANT),
    ).toBe(`https://h/v1/Conversations/${CALL_SID}/Participants/${CALL_SID}`);
  });

  it("redacts credentials in the authority and every query value, keeping the port", () => {
    expect(
      urlFull(
        `http://user:s3cret@127.0.0.1:8443/v1/Conversations/${CALL_SID}/Participants/${CALL_SID}?PageSize=50&PageToken=PT1&To=%2B15558675310#top`,
        CONVERSATION_PARTICIPANT,
      ),
    ).toBe(
      `http://REDACTED:REDACTED@127.0.0.1:8443/v1/Conversations/${CALL_SID}/Participants/${CALL_SID}?PageSize=REDACTED&PageToken=REDACTED&To=REDACTED`,
    );
  });

  it("names the server by its bare host and the port, the scheme's default if none is given", () => {
    const path = `/v1/Conversations/${CALL_SID}/Participants/${CALL_SID}`;
    expect(
      spanUrl(`https://conversations.twilio.com${path}`, CONVERSATION_PARTICIPANT),
    ).toMatchObject({
      address: "conversations.twilio.com",
      port: 443,
    });
    expect(spanUrl(`http://[::1]${path}`, CONVERSATION_PARTICIPANT)).toEqual({
      full: `http://[::1]${path}`,
      address: "::1",
      port: 80,
    });
    expect(spanUrl(`http://127.0.0.1:8080${path}`, CONVERSATION_PARTICIPANT)).toMatchObject({
      address: "127.0.0.1",
      port: 8080,
    });
  });

  it("gives nothing for a URL that does not parse", () => {
    expect(spanUrl("not a url", CONVERSATION_PARTICIPANT)).toBeUndefined();
  });
});
