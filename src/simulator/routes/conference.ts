import type { CallbackMethod, CallbackTarget } from "../callbacks/delivery.js";
import type { Entry } from "../collection.js";
import { snapshot } from "../conference/calls.js";
import { rfc2822 } from "../dates.js";
import {
  fromRequired,
  invalidFrom,
  invalidMethod,
  invalidParameter,
  invalidTimeout,
  invalidTo,
  missingParameter,
  notFound,
  toRequired,
} from "../errors.js";
import type { FormParams } from "../form.js";
import { readPageQuery, slicePage, v2010Page } from "../paging.js";
import { flag, integer, matching } from "../params.js";
import type { RequestContext, Route, RouteResult } from "../router.js";
import { isSid, newSid } from "../sids.js";
import type { Conference, ConferenceCallbackSettings, ConferenceParticipant } from "../store.js";

const LIST = "/2010-04-01/Accounts/:AccountSid/Conferences/:ConferenceSid/Participants.json";
const INSTANCE =
  "/2010-04-01/Accounts/:AccountSid/Conferences/:ConferenceSid/Participants/:CallSid.json";
const MAX_PAGE_SIZE = 1000;
const CALL_SID = /^CA[0-9a-fA-F]{32}$/;
const BYOC_SID = /^BY[0-9a-fA-F]{32}$/;
/** What Twilio reports as the wait before the call is placed: the simulator queues nothing. */
const QUEUE_TIME_MS = "0";
/** Twilio's defaults when a callback URL is given without events. */
const DEFAULT_CALL_EVENTS = ["completed"];
const DEFAULT_CONFERENCE_EVENTS = ["start", "end"];

export const conferenceRoutes: Route[] = [
  { host: "api.twilio.com", method: "GET", pattern: LIST, handler: list },
  { host: "api.twilio.com", method: "POST", pattern: LIST, handler: create },
  { host: "api.twilio.com", method: "GET", pattern: INSTANCE, handler: fetch },
  { host: "api.twilio.com", method: "POST", pattern: INSTANCE, handler: update },
  { host: "api.twilio.com", method: "DELETE", pattern: INSTANCE, handler: remove },
];

/** Enumerated create parameters; Twilio's own examples vary the case (`enable`), so case is ignored. */
const CREATE_ENUMS: Readonly<Record<string, readonly string[]>> = {
  Beep: ["true", "false", "onEnter", "onExit"],
  ConferenceRecord: ["true", "false", "record-from-start", "do-not-record"],
  ConferenceTrim: ["trim-silence", "do-not-trim"],
  Trim: ["trim-silence", "do-not-trim"],
  RecordingChannels: ["mono", "dual"],
  RecordingTrack: ["inbound", "outbound", "both"],
  JitterBufferSize: ["off", "small", "medium", "large"],
  MachineDetection: ["Enable", "DetectMessageEnd"],
  Region: ["us1", "us2", "ie1", "de1", "sg1", "br1", "au1", "jp1"],
};

/** Event lists: the parameter may repeat, and one value may hold several events separated by spaces. */
const CREATE_EVENT_LISTS: Readonly<Record<string, readonly string[]>> = {
  StatusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
  ConferenceStatusCallbackEvent: [
    "start",
    "end",
    "join",
    "leave",
    "mute",
    "hold",
    "modify",
    "speaker",
    "announcement",
  ],
  RecordingStatusCallbackEvent: [
    "started",
    "in-progress",
    "paused",
    "resumed",
    "stopped",
    "completed",
    "failed",
    "absent",
  ],
  ConferenceRecordingStatusCallbackEvent: ["in-progress", "completed", "failed", "absent"],
};

interface ValueRule {
  name: string;
  /** Allowed values, lower-cased. */
  known: ReadonlySet<string>;
  isList: boolean;
}

function valueRules(
  table: Readonly<Record<string, readonly string[]>>,
  isList: boolean,
): ValueRule[] {
  return Object.entries(table).map(([name, allowed]) => ({
    name,
    known: new Set(allowed.map((value) => value.toLowerCase())),
    isList,
  }));
}

const CREATE_VALUE_RULES: readonly ValueRule[] = [
  ...valueRules(CREATE_ENUMS, false),
  ...valueRules(CREATE_EVENT_LISTS, true),
];

const CREATE_METHODS = [
  "StatusCallbackMethod",
  "WaitMethod",
  "ConferenceStatusCallbackMethod",
  "RecordingStatusCallbackMethod",
  "ConferenceRecordingStatusCallbackMethod",
  "AmdStatusCallbackMethod",
];
const UPDATE_METHODS = ["HoldMethod", "AnnounceMethod", "WaitMethod"];

/** The path's account must be the one the credentials belong to; any other is not found. */
function checkAccount(context: RequestContext): void {
  if (context.params.AccountSid !== context.accountSid) throw notFound(context.path);
}

function conference(context: RequestContext, allowFriendlyName: boolean): Conference {
  checkAccount(context);
  const { ConferenceSid } = context.params;
  if (isSid("CF", ConferenceSid!)) return context.account.conferenceBySid(ConferenceSid!);
  if (!allowFriendlyName) throw notFound(context.path);
  return context.account.conferenceByName(ConferenceSid!);
}

/** The path takes a CA SID or the participant's label. */
function participant(context: RequestContext, parent: Conference): ConferenceParticipant {
  const key = context.params.CallSid!;
  const found = isSid("CA", key)
    ? parent.participants.get(key)
    : parent.participants.find((p) => p.label === key);
  if (found === undefined) throw notFound(context.path);
  return found;
}

function list(context: RequestContext): RouteResult {
  const parent = conference(context, false);
  const filters: [string, string][] = [];
  let entries: readonly Entry<ConferenceParticipant>[] = parent.participants.list();
  for (const name of ["Muted", "Hold", "Coaching"] as const) {
    const wanted = booleanFilter(context.query, name);
    if (wanted === undefined) continue;
    filters.push([name, String(wanted)]);
    const field = name === "Muted" ? "muted" : name === "Hold" ? "hold" : "coaching";
    entries = entries.filter((entry) => entry.value[field] === wanted);
  }
  const slice = slicePage(entries, readPageQuery(context.query, MAX_PAGE_SIZE));
  return { status: 200, body: v2010Page("participants", context.path, filters, slice, render) };
}

function booleanFilter(query: FormParams, name: string): boolean | undefined {
  const value = query.get(name)?.toLowerCase();
  if (value === undefined) return undefined;
  if (value !== "true" && value !== "false") throw invalidParameter(name, value);
  return value === "true";
}

function create(context: RequestContext): RouteResult {
  checkAccount(context);
  const form = context.body;
  const to = form.get("To");
  if (to === undefined || to === "") throw toRequired();
  const from = form.get("From");
  if (from === undefined || from === "") throw fromRequired();
  const toKind = endpointKind(to);
  if (toKind === undefined) throw invalidTo(to);
  if (!fromFits(toKind, from)) throw invalidFrom(from);

  const timeout = integer(form, "Timeout");
  if (timeout !== undefined && (timeout < 5 || timeout > 600))
    throw invalidTimeout(String(timeout));
  const maxParticipants = integer(form, "MaxParticipants");
  if (maxParticipants !== undefined && (maxParticipants < 2 || maxParticipants > 250)) {
    throw invalidParameter("MaxParticipants", String(maxParticipants));
  }
  checkMethods(form, CREATE_METHODS);
  for (const rule of CREATE_VALUE_RULES) checkValues(form, rule);
  matching(form, "Byoc", BYOC_SID);
  const callSidToCoach = matching(form, "CallSidToCoach", CALL_SID) ?? null;
  const coaching = flag(form, "Coaching") ?? callSidToCoach !== null;
  if (coaching && callSidToCoach === null) throw missingParameter("CallSidToCoach");

  const parent = conference(context, true);
  const now = new Date();
  const beep = form.get("Beep")?.toLowerCase() ?? "true";
  const created: ConferenceParticipant = {
    callSid: newSid("CA"),
    accountSid: context.accountSid,
    conferenceSid: parent.sid,
    label: form.get("Label") || null,
    callSidToCoach,
    coaching,
    endConferenceOnExit: flag(form, "EndConferenceOnExit") ?? false,
    muted: flag(form, "Muted") ?? false,
    hold: false,
    startConferenceOnEnter: flag(form, "StartConferenceOnEnter") ?? true,
    beepOnExit: beep === "true" || beep === "onexit",
    waitUrl: form.get("WaitUrl") || null,
    status: "queued",
    dateCreated: now,
    dateUpdated: now,
    call: {
      from,
      to,
      statusCallback: callbackTarget(form, "StatusCallback"),
      events: eventSet(form, "StatusCallbackEvent", DEFAULT_CALL_EVENTS),
      nextSequence: 0,
      answeredAt: undefined,
    },
  };
  // The first participant sets the conference's callback; later ones' are ignored.
  parent.callbacks ??= conferenceCallbacks(form);
  parent.participants.add(created.callSid, created);
  context.conferenceCalls.dial(context.account, parent, created);
  return { status: 201, body: { ...render(created), queue_time: QUEUE_TIME_MS } };
}

function callbackTarget(form: FormParams, urlName: string): CallbackTarget | undefined {
  const url = form.get(urlName);
  if (url === undefined || url === "") return undefined;
  const method = (form.get(`${urlName}Method`)?.toUpperCase() ?? "POST") as CallbackMethod;
  return { url, method };
}

/** The events a list parameter asks for, lower-case; Twilio's default when it is absent. */
function eventSet(form: FormParams, name: string, defaults: readonly string[]): Set<string> {
  const sent = form.all(name).flatMap((value) => value.toLowerCase().split(/\s+/).filter(Boolean));
  return new Set(sent.length === 0 ? defaults : sent);
}

function conferenceCallbacks(form: FormParams): ConferenceCallbackSettings {
  return {
    target: callbackTarget(form, "ConferenceStatusCallback"),
    events: eventSet(form, "ConferenceStatusCallbackEvent", DEFAULT_CONFERENCE_EVENTS),
  };
}

function fetch(context: RequestContext): RouteResult {
  return { status: 200, body: render(participant(context, conference(context, false))) };
}

function update(context: RequestContext): RouteResult {
  const parent = conference(context, false);
  const found = participant(context, parent);
  const form = context.body;
  checkMethods(form, UPDATE_METHODS);
  const newCoach = matching(form, "CallSidToCoach", CALL_SID);
  const coaching = flag(form, "Coaching") ?? (newCoach !== undefined ? true : found.coaching);
  const callSidToCoach = coaching ? (newCoach ?? found.callSidToCoach) : null;
  if (coaching && callSidToCoach === null) throw missingParameter("CallSidToCoach");

  const before = snapshot(found);
  found.coaching = coaching;
  found.callSidToCoach = callSidToCoach;
  found.muted = flag(form, "Muted") ?? found.muted;
  found.hold = flag(form, "Hold") ?? found.hold;
  found.endConferenceOnExit = flag(form, "EndConferenceOnExit") ?? found.endConferenceOnExit;
  found.beepOnExit = flag(form, "BeepOnExit") ?? found.beepOnExit;
  const waitUrl = form.get("WaitUrl");
  if (waitUrl !== undefined) found.waitUrl = waitUrl || null;
  found.dateUpdated = new Date();
  context.conferenceCalls.updated(parent, found, before);
  return { status: 200, body: render(found) };
}

function remove(context: RequestContext): RouteResult {
  const parent = conference(context, false);
  context.conferenceCalls.remove(context.account, parent, participant(context, parent));
  return { status: 204 };
}

type EndpointKind = "phone" | "client" | "sip" | "app";

/** Twilio takes E.164 and also bare national digits (its own `createWithNonE164Number` example). */
const PHONE = /^\+?[1-9]\d{6,14}$/;

function endpointKind(value: string): EndpointKind | undefined {
  if (PHONE.test(value)) return "phone";
  if (/^client:\S+$/.test(value)) return "client";
  if (/^sip:[^\s@]+@[^\s@]+$/i.test(value)) return "sip";
  if (/^app:AP[0-9a-fA-F]{32}(\?\S*)?$/.test(value)) return "app";
  return undefined;
}

/** A call to a phone needs a phone number as caller ID; a SIP call takes a bare user name too. */
function fromFits(toKind: EndpointKind, from: string): boolean {
  const fromKind = endpointKind(from);
  switch (toKind) {
    case "phone":
      return fromKind === "phone";
    case "sip":
      return /^\S+$/.test(from);
    default:
      return fromKind === "phone" || fromKind === "client";
  }
}

function checkMethods(form: FormParams, names: readonly string[]): void {
  for (const name of names) {
    const value = form.get(name);
    if (value !== undefined && !/^(GET|POST)$/i.test(value)) throw invalidMethod(name, value);
  }
}

function checkValues(form: FormParams, rule: ValueRule): void {
  const sent = form.all(rule.name);
  const values = rule.isList
    ? sent.flatMap((v) => v.split(/\s+/).filter(Boolean))
    : sent.slice(0, 1);
  for (const value of values) {
    if (!rule.known.has(value.toLowerCase())) throw invalidParameter(rule.name, value);
  }
}

function render(p: ConferenceParticipant): Record<string, unknown> {
  return {
    account_sid: p.accountSid,
    call_sid: p.callSid,
    label: p.label,
    conference_sid: p.conferenceSid,
    date_created: rfc2822(p.dateCreated),
    date_updated: rfc2822(p.dateUpdated),
    end_conference_on_exit: p.endConferenceOnExit,
    muted: p.muted,
    hold: p.hold,
    status: p.status,
    start_conference_on_enter: p.startConferenceOnEnter,
    coaching: p.coaching,
    call_sid_to_coach: p.callSidToCoach,
    queue_time: null,
    uri: `/2010-04-01/Accounts/${p.accountSid}/Conferences/${p.conferenceSid}/Participants/${p.callSid}.json`,
  };
}
