import { twilioEnum } from "../../params/twilio-enum.js";

// Twilio's exact wire values, in Twilio's order; the GraphQL names are derived from them.

export const ConferenceParticipantStatus = twilioEnum(
  "ConferenceParticipantStatus",
  "queued connecting ringing connected complete failed",
);
export const CallStatusEvent = twilioEnum(
  "CallStatusEvent",
  "initiated ringing answered completed",
);
export const Beep = twilioEnum("Beep", "true false onEnter onExit");
export const ConferenceRecord = twilioEnum(
  "ConferenceRecord",
  "true false record-from-start do-not-record",
);
export const RecordingTrim = twilioEnum("RecordingTrim", "trim-silence do-not-trim");
export const ConferenceStatusEvent = twilioEnum(
  "ConferenceStatusEvent",
  "start end join leave mute hold modify speaker announcement",
);
export const RecordingChannels = twilioEnum("RecordingChannels", "mono dual");
export const ConferenceRegion = twilioEnum("ConferenceRegion", "us1 us2 ie1 de1 sg1 br1 au1 jp1");
export const RecordingStatusEvent = twilioEnum(
  "RecordingStatusEvent",
  "started in-progress paused resumed stopped completed failed absent",
);
export const ConferenceRecordingStatusEvent = twilioEnum(
  "ConferenceRecordingStatusEvent",
  "in-progress completed failed absent",
);
export const JitterBufferSize = twilioEnum("JitterBufferSize", "off small medium large");
export const RecordingTrack = twilioEnum("RecordingTrack", "inbound outbound both");
export const MachineDetection = twilioEnum("MachineDetection", "Enable DetectMessageEnd");
