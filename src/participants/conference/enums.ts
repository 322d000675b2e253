import { registerEnumType } from "type-graphql";

// GraphQL names are the enum keys; the values are Twilio's exact wire strings.

export enum ConferenceParticipantStatus {
  QUEUED = "queued",
  CONNECTING = "connecting",
  RINGING = "ringing",
  CONNECTED = "connected",
  COMPLETE = "complete",
  FAILED = "failed",
}

export enum CallStatusEvent {
  INITIATED = "initiated",
  RINGING = "ringing",
  ANSWERED = "answered",
  COMPLETED = "completed",
}

export enum Beep {
  TRUE = "true",
  FALSE = "false",
  ON_ENTER = "onEnter",
  ON_EXIT = "onExit",
}

export enum ConferenceRecord {
  TRUE = "true",
  FALSE = "false",
  RECORD_FROM_START = "record-from-start",
  DO_NOT_RECORD = "do-not-record",
}

export enum RecordingTrim {
  TRIM_SILENCE = "trim-silence",
  DO_NOT_TRIM = "do-not-trim",
}

export enum ConferenceStatusEvent {
  START = "start",
  END = "end",
  JOIN = "join",
  LEAVE = "leave",
  MUTE = "mute",
  HOLD = "hold",
  MODIFY = "modify",
  SPEAKER = "speaker",
  ANNOUNCEMENT = "announcement",
}

export enum RecordingChannels {
  MONO = "mono",
  DUAL = "dual",
}

export enum ConferenceRegion {
  US1 = "us1",
  US2 = "us2",
  IE1 = "ie1",
  DE1 = "de1",
  SG1 = "sg1",
  BR1 = "br1",
  AU1 = "au1",
  JP1 = "jp1",
}

export enum RecordingStatusEvent {
  STARTED = "started",
  IN_PROGRESS = "in-progress",
  PAUSED = "paused",
  RESUMED = "resumed",
  STOPPED = "stopped",
  COMPLETED = "completed",
  FAILED = "failed",
  ABSENT = "absent",
}

export enum ConferenceRecordingStatusEvent {
  IN_PROGRESS = "in-progress",
  COMPLETED = "completed",
  FAILED = "failed",
  ABSENT = "absent",
}

export enum JitterBufferSize {
  OFF = "off",
  SMALL = "small",
  MEDIUM = "medium",
  LARGE = "large",
}

export enum RecordingTrack {
  INBOUND = "inbound",
  OUTBOUND = "outbound",
  BOTH = "both",
}

export enum MachineDetection {
  ENABLE = "Enable",
  DETECT_MESSAGE_END = "DetectMessageEnd",
}

registerEnumType(ConferenceParticipantStatus, { name: "ConferenceParticipantStatus" });
registerEnumType(CallStatusEvent, { name: "CallStatusEvent" });
registerEnumType(Beep, { name: "Beep" });
registerEnumType(ConferenceRecord, { name: "ConferenceRecord" });
registerEnumType(RecordingTrim, { name: "RecordingTrim" });
registerEnumType(ConferenceStatusEvent, { name: "ConferenceStatusEvent" });
registerEnumType(RecordingChannels, { name: "RecordingChannels" });
registerEnumType(ConferenceRegion, { name: "ConferenceRegion" });
registerEnumType(RecordingStatusEvent, { name: "RecordingStatusEvent" });
registerEnumType(ConferenceRecordingStatusEvent, { name: "ConferenceRecordingStatusEvent" });
registerEnumType(JitterBufferSize, { name: "JitterBufferSize" });
registerEnumType(RecordingTrack, { name: "RecordingTrack" });
registerEnumType(MachineDetection, { name: "MachineDetection" });
