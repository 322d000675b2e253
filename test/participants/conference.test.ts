import { describe, expect, it } from "vitest";
import { FakeTwilio, twilioError, twilioErrorDetails } from "../support/fake-twilio.js";
import { theFormPost } from "../support/twilio-requests.js";
import { ACCOUNT_SID, AUTH_TOKEN, useGatewayOnFakeTwilio } from "../support/gateway.js";
import { itHandlesUpstreamFailures } from "../support/upstream-failures.js";

const CONFERENCE_SID = "CF" + "a".repeat(32);
const CALL_SID = "CA" + "b".repeat(32);
const COACHED_SID = "CA" + "c".repeat(32);
const BYOC_SID = "BY" + "d".repeat(32);

const ADD = /* GraphQL */ `
  mutation Add($input: AddConferenceParticipantInput!) {
    addConferenceParticipant(input: $input) {
      __typename
      sid
      kind
      callSid
      accountSid
      conferenceSid
      label
      callSidToCoach
      coaching
      endConferenceOnExit
      muted
      hold
      startConferenceOnEnter
      status
      queueTime
      uri
      url
      dateCreated
      dateUpdated
    }
  }
`;

const TWILIO_ANSWER = {
  account_sid: ACCOUNT_SID,
  call_sid: CALL_SID,
  label: "customer agent",
  conference_sid: CONFERENCE_SID,
  date_created: "Fri, 18 Feb 2011 21:07:19 +0000",
  date_updated: "Fri, 18 Feb 2011 21:07:20 +0000",
  end_conference_on_exit: true,
  muted: true,
  hold: false,
  status: "queued",
  start_conference_on_enter: false,
  coaching: true,
  call_sid_to_coach: COACHED_SID,
  queue_time: "1000",
  uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CONFERENCE_SID}/Participants/${CALL_SID}.json`,
};

const EVERY_PARAMETER = {
  conferenceSid: CONFERENCE_SID,
  from: "+15017122661",
  to: "+15558675310",
  statusCallback: "https://example.com/status?a=1&b=2",
  statusCallbackMethod: "GET",
  statusCallbackEvent: ["INITIATED", "RINGING", "ANSWERED", "COMPLETED"],
  label: "customer agent",
  timeout: 30,
  record: true,
  muted: true,
  beep: "ON_ENTER",
  startConferenceOnEnter: false,
  endConferenceOnExit: true,
  waitUrl: "https://example.com/wait",
  waitMethod: "POST",
  earlyMedia: false,
  maxParticipants: 10,
  conferenceRecord: "RECORD_FROM_START",
  conferenceTrim: "DO_NOT_TRIM",
  conferenceStatusCallback: "https://example.com/conf",
  conferenceStatusCallbackMethod: "POST",
  conferenceStatusCallbackEvent: ["START", "END", "JOIN"],
  recordingChannels: "DUAL",
  recordingStatusCallback: "https://example.com/rec",
  recordingStatusCallbackMethod: "GET",
  sipAuthUsername: "alice",
  sipAuthPassword: "s3cret pass+word",
  region: "IE1",
  conferenceRecordingStatusCallback: "https://example.com/crec",
  conferenceRecordingStatusCallbackMethod: "GET",
  recordingStatusCallbackEvent: ["IN_PROGRESS", "COMPLETED"],
  conferenceRecordingStatusCallbackEvent: ["FAILED", "ABSENT"],
  coaching: true,
  callSidToCoach: COACHED_SID,
  jitterBufferSize: "SMALL",
  byoc: BYOC_SID,
  callerId: "+15017122661",
  callReason: "Order (#42) update!",
  recordingTrack: "INBOUND",
  recordingConfigurationId: "cfg-1",
  timeLimit: 3600,
  machineDetection: "DETECT_MESSAGE_END",
  machineDetectionTimeout: 45,
  machineDetectionSpeechThreshold: 2400,
  machineDetectionSpeechEndThreshold: 1200,
  machineDetectionSilenceTimeout: 5000,
  amdStatusCallback: "https://example.com/amd",
  amdStatusCallbackMethod: "POST",
  trim: "TRIM_SILENCE",
  callToken: "tok*en'",
  passports: "cGFzc3BvcnQ=",
  clientNotificationUrl: "https://example.com/push",
  callerDisplayName: "Acme Support",
  emergencyCallerPosition: "37.7749 -122.4194",
  emergencyCallerLocation: "Floor 3",
  emergencyName: "Acme",
  emergencyAddress: "1 Main St",
  emergencyZipCode: "94105",
  emergencyCity: "San Francisco",
  emergencyState: "CA",
  emergencyCountry: "US",
};

/** Written out by hand: what twilio-node sends for EVERY_PARAMETER, byte for byte. */
const EXPECTED_BODY = [
  "From=%2B15017122661",
  "To=%2B15558675310",
  "StatusCallback=https%3A%2F%2Fexample.com%2Fstatus%3Fa%3D1%26b%3D2",
  "StatusCallbackMethod=GET",
  "StatusCallbackEvent=initiated",
  "StatusCallbackEvent=ringing",
  "StatusCallbackEvent=answered",
  "StatusCallbackEvent=completed",
  "Label=customer%20agent",
  "Timeout=30",
  "Record=true",
  "Muted=true",
  "Beep=onEnter",
  "StartConferenceOnEnter=false",
  "EndConferenceOnExit=true",
  "WaitUrl=https%3A%2F%2Fexample.com%2Fwait",
  "WaitMethod=POST",
  "EarlyMedia=false",
  "MaxParticipants=10",
  "ConferenceRecord=record-from-start",
  "ConferenceTrim=do-not-trim",
  "ConferenceStatusCallback=https%3A%2F%2Fexample.com%2Fconf",
  "ConferenceStatusCallbackMethod=POST",
  "ConferenceStatusCallbackEvent=start",
  "ConferenceStatusCallbackEvent=end",
  "ConferenceStatusCallbackEvent=join",
  "RecordingChannels=dual",
  "RecordingStatusCallback=https%3A%2F%2Fexample.com%2Frec",
  "RecordingStatusCallbackMethod=GET",
  "SipAuthUsername=alice",
  "SipAuthPassword=s3cret%20pass%2Bword",
  "Region=ie1",
  "ConferenceRecordingStatusCallback=https%3A%2F%2Fexample.com%2Fcrec",
  "ConferenceRecordingStatusCallbackMethod=GET",
  "RecordingStatusCallbackEvent=in-progress",
  "RecordingStatusCallbackEvent=completed",
  "ConferenceRecordingStatusCallbackEvent=failed",
  "ConferenceRecordingStatusCallbackEvent=absent",
  "Coaching=true",
  `CallSidToCoach=${COACHED_SID}`,
  "JitterBufferSize=small",
  `Byoc=${BYOC_SID}`,
  "CallerId=%2B15017122661",
  "CallReason=Order%20%28%2342%29%20update%21",
  "RecordingTrack=inbound",
  "RecordingConfigurationId=cfg-1",
  "TimeLimit=3600",
  "MachineDetection=DetectMessageEnd",
  "MachineDetectionTimeout=45",
  "MachineDetectionSpeechThreshold=2400",
  "MachineDetectionSpeechEndThreshold=1200",
  "MachineDetectionSilenceTimeout=5000",
  "AmdStatusCallback=https%3A%2F%2Fexample.com%2Famd",
  "AmdStatusCallbackMethod=POST",
  "Trim=trim-silence",
  "CallToken=tok%2Aen%27",
  "Passports=cGFzc3BvcnQ%3D",
  "ClientNotificationUrl=https%3A%2F%2Fexample.com%2Fpush",
  "CallerDisplayName=Acme%20Support",
  "EmergencyCallerPosition=37.7749%20-122.4194",
  "EmergencyCallerLocation=Floor%203",
  "EmergencyName=Acme",
  "EmergencyAddress=1%20Main%20St",
  "EmergencyZipCode=94105",
  "EmergencyCity=San%20Francisco",
  "EmergencyState=CA",
  "EmergencyCountry=US",
].join("&");

const fake = new FakeTwilio();
const gateway = useGatewayOnFakeTwilio(fake, {
  TWILIO_TIMEOUT_MS: "300",
  // "to another account": the caller is allowed it.
  GATEWAY_ACCOUNT_SIDS: "AC" + "9".repeat(32),
});

describe("addConferenceParticipant", () => {
  it("sends every parameter exactly as twilio-node does and maps the answer", async () => {
    fake.reply({ status: 201, body: TWILIO_ANSWER });
    const result = await gateway.graphql(ADD, { input: EVERY_PARAMETER });

    expect(result.errors).toBeUndefined();
    const request = theFormPost(
      fake,
      `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CONFERENCE_SID}/Participants.json`,
    );
    expect(request!.body).toBe(EXPECTED_BODY);

    expect(result.data).toEqual({
      addConferenceParticipant: {
        __typename: "ConferenceParticipant",
        sid: CALL_SID,
        kind: "CONFERENCE",
        callSid: CALL_SID,
        accountSid: ACCOUNT_SID,
        conferenceSid: CONFERENCE_SID,
        label: "customer agent",
        callSidToCoach: COACHED_SID,
        coaching: true,
        endConferenceOnExit: true,
        muted: true,
        hold: false,
        startConferenceOnEnter: false,
        status: "QUEUED",
        queueTime: "1000",
        uri: TWILIO_ANSWER.uri,
        url: fake.url + TWILIO_ANSWER.uri,
        dateCreated: "2011-02-18T21:07:19.000Z",
        dateUpdated: "2011-02-18T21:07:20.000Z",
      },
    });
  });

  it("sends only what was given, to another account, with a friendly-name conference", async () => {
    const other = "AC" + "9".repeat(32);
    fake.reply({ status: 201, body: { ...TWILIO_ANSWER, label: null } });
    const result = await gateway.graphql(ADD, {
      input: {
        accountSid: other,
        conferenceSid: "Room 1/2?x",
        from: "client:alice",
        to: "sip:bob@example.com",
      },
    });
    expect(result.errors).toBeUndefined();
    expect(fake.requests[0]!.url).toBe(
      `/2010-04-01/Accounts/${other}/Conferences/Room%201%2F2%3Fx/Participants.json`,
    );
    expect(fake.requests[0]!.body).toBe("From=client%3Aalice&To=sip%3Abob%40example.com");
  });

  it('sends waitUrl "" as an empty WaitUrl: Twilio\'s documented "no hold music"', async () => {
    fake.reply({ status: 201, body: TWILIO_ANSWER });
    const result = await gateway.graphql(ADD, {
      input: {
        conferenceSid: CONFERENCE_SID,
        from: "+15017122661",
        to: "+15558675310",
        waitUrl: "",
      },
    });
    expect(result.errors).toBeUndefined();
    expect(fake.requests[0]!.body).toBe("From=%2B15017122661&To=%2B15558675310&WaitUrl=");
  });

  it("refuses a waitUrl that is neither a URL nor empty, and sends nothing", async () => {
    const result = await gateway.graphql(ADD, {
      input: {
        conferenceSid: CONFERENCE_SID,
        from: "+15017122661",
        to: "+15558675310",
        waitUrl: " ",
      },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors!.map((e) => e.message)).toEqual([
      "input.waitUrl: must be an absolute http(s) URL or empty",
    ]);
  });

  it.each([
    [
      "a short CF SID",
      "CF123",
      "looks like a SID but is not a valid CF SID (CF followed by 32 hex digits)",
    ],
    [
      "a call SID",
      CALL_SID,
      "looks like a CA SID, not a CF SID (CF followed by 32 hex digits) or conference friendly name",
    ],
    [
      "a lower-case conference SID",
      CONFERENCE_SID.toLowerCase(),
      "looks like a CF SID with a lower-case prefix; SIDs start with CF (CF followed by 32 hex digits)",
    ],
  ])(
    "refuses %s as a conference, rather than dialling into a new empty one",
    async (_, sid, message) => {
      const result = await gateway.graphql(ADD, {
        input: { conferenceSid: sid, from: "+15017122661", to: "+15558675310" },
      });
      expect(fake.requests).toHaveLength(0);
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: `input.conferenceSid: ${message}`,
          extensions: {
            code: "BAD_USER_INPUT",
            field: "input.conferenceSid",
            outcome: "NOT_SENT",
          },
        }),
      ]);
    },
  );

  it.each(["AgentConf12", "CAFE", "cf-standup", "CF Weekly 12"])(
    "takes %s for a conference friendly name",
    async (name) => {
      fake.reply({ status: 201, body: TWILIO_ANSWER });
      const result = await gateway.graphql(ADD, {
        input: { conferenceSid: name, from: "+15017122661", to: "+15558675310" },
      });
      expect(result.errors).toBeUndefined();
      expect(decodeURIComponent(fake.requests[0]!.url)).toBe(
        `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${name}/Participants.json`,
      );
    },
  );

  it("passes Twilio's error through with its code, status and message", async () => {
    fake.reply(
      twilioError(400, 21211, "The 'To' number +15005550001 is not a valid phone number."),
    );
    const result = await gateway.graphql(ADD, {
      input: { conferenceSid: CONFERENCE_SID, from: "+15017122661", to: "+15005550001" },
    });
    expect(result.data).toEqual({ addConferenceParticipant: null });
    expect(result.errors).toEqual([
      {
        message: "The 'To' number +15005550001 is not a valid phone number.",
        locations: [{ line: 3, column: 5 }],
        path: ["addConferenceParticipant"],
        extensions: {
          code: "TWILIO_API_ERROR",
          outcome: "REJECTED",
          twilio: twilioErrorDetails(
            400,
            21211,
            "The 'To' number +15005550001 is not a valid phone number.",
          ),
        },
      },
    ]);
  });

  it("rejects every bad field at once and sends nothing", async () => {
    const result = await gateway.graphql(ADD, {
      input: {
        accountSid: "AC123",
        conferenceSid: "CF" + "z".repeat(32),
        from: "+15017122661",
        to: "15558675310",
        statusCallback: "not a url",
        timeout: 4,
        maxParticipants: 251,
        coaching: true,
        byoc: "BYxyz",
        machineDetectionSpeechThreshold: 999,
        machineDetectionSilenceTimeout: 10001,
        callerDisplayName: "A",
        sipAuthPassword: "hunter2",
      },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.data).toEqual({ addConferenceParticipant: null });
    const fields = result.errors!.map((e) => [e.extensions!.code, e.extensions!.field]);
    expect(fields).toEqual(
      [
        "input.accountSid",
        "input.conferenceSid",
        "input.to",
        "input.statusCallback",
        "input.timeout",
        "input.maxParticipants",
        "input.byoc",
        "input.machineDetectionSpeechThreshold",
        "input.machineDetectionSilenceTimeout",
        "input.callerDisplayName",
        "input.callSidToCoach",
      ].map((field) => ["BAD_USER_INPUT", field]),
    );
    expect(result.errors![4]!.message).toBe("input.timeout: must be an integer from 5 to 600");
    expect(JSON.stringify(result)).not.toContain("hunter2");
  });

  it("requires a phone number or client identity as caller unless dialling SIP", async () => {
    const result = await gateway.graphql(ADD, {
      input: { conferenceSid: CONFERENCE_SID, from: "alice", to: "+15558675310", callerId: "bob" },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors!.map((e) => e.extensions!.field)).toEqual([
      "input.from",
      "input.callerId",
    ]);
  });

  it("reports a missing required field by name without echoing the input", async () => {
    const result = await gateway.graphql(ADD, {
      input: { conferenceSid: CONFERENCE_SID, to: "+15558675310", sipAuthPassword: "hunter2" },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.from" });
    expect(JSON.stringify(result)).not.toContain("hunter2");
  });

  itHandlesUpstreamFailures({
    fake: () => fake,
    send: () =>
      gateway.graphql(ADD, {
        input: { conferenceSid: CONFERENCE_SID, from: "+15017122661", to: "+15558675310" },
      }),
    success: { status: 201, body: TWILIO_ANSWER },
  });

  it("never writes the auth token, SIP password or upstream URL to the log", async () => {
    fake.reply(twilioError(404, 20404, "The requested resource was not found"));
    await gateway.graphql(ADD, {
      input: {
        conferenceSid: CONFERENCE_SID,
        from: "+15017122661",
        to: "+15558675310",
        sipAuthPassword: "hunter2",
      },
    });
    const log = gateway.logLines.join("\n");
    expect(log).toContain("conference.participant.create");
    const requestLine = gateway.logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .findLast((entry) => entry.message === "graphql request");
    expect(requestLine).toMatchObject({
      level: "info",
      operation: "Add",
      type: "mutation",
      errors: ["TWILIO_API_ERROR"],
    });
    expect(log).not.toContain(AUTH_TOKEN);
    expect(log).not.toContain("hunter2");
    expect(log).not.toContain(fake.url);
  });
});
