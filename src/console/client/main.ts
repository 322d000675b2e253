import { EventLog } from "./event-log.js";
import { Gateway, GatewayError } from "./gateway.js";
import type {
  ConferenceParticipant,
  ConversationParticipant,
  ParticipantEvent,
} from "./operations.js";
import { Roster, type Row, type RowAction } from "./roster.js";
import { Target, type TargetKind } from "./target.js";

/** What the page's JSON block carries: each console operation's trusted-document id. */
interface PageConfig {
  operations: Record<string, string>;
}

/** Events after which a participant is no longer in its conference or conversation. */
const GONE = new Set(["LEFT", "REMOVED", "COMPLETED", "BUSY", "NO_ANSWER", "FAILED", "CANCELED"]);
const DONE: Record<RowAction, string> = {
  mute: "Muted",
  unmute: "Unmuted",
  hold: "Put on hold:",
  unhold: "Took off hold:",
  remove: "Removed",
};
/** Events kept while the watched parent's SID is not known yet (watching by name). */
const MAX_PENDING = 100;

const config = JSON.parse(byId("console-config").textContent ?? "{}") as PageConfig;
const gateway = new Gateway(config.operations, new URL("graphql", window.location.href));

const status = byId("status");
const watched = byId("watched");
const kindInput = byId<HTMLSelectElement>("kind");
const sidInput = byId<HTMLInputElement>("target");
const serviceField = byId("chat-service-field");
const serviceInput = byId<HTMLInputElement>("chat-service");
const addForm = byId<HTMLFormElement>("add");
const events = new EventLog(byId<HTMLOListElement>("events"));

let target: Target | undefined;
let unsubscribe: (() => void) | undefined;
/** Events for a parent watched by name, until its SID is known. */
let pending: ParticipantEvent[] = [];

const roster = new Roster(
  byId<HTMLTableSectionElement>("participants"),
  () => target?.kind !== "CONVERSATION",
  (action, row) => void act(action, row),
);

kindInput.addEventListener("change", () => {
  serviceField.hidden = kindInput.value !== "CONVERSATION";
});
byId<HTMLFormElement>("watch").addEventListener("submit", (event) => {
  event.preventDefault();
  void watch();
});
byId<HTMLInputElement>("key").addEventListener("change", (event) => {
  gateway.useKey((event.target as HTMLInputElement).value.trim());
  if (target) void watch();
});
addForm.addEventListener("submit", (event) => {
  event.preventDefault();
  void add(new FormData(addForm));
});

/** Lists the participants and follows their events; the previous target is let go. */
async function watch(): Promise<void> {
  unsubscribe?.();
  roster.clear();
  events.clear();
  pending = [];
  const given = sidInput.value.trim();
  if (!given) return say("Give a conference or conversation SID or name", true);
  const kind = kindInput.value as TargetKind;
  target = new Target(kind, given, serviceInput.value.trim() || undefined);
  addForm.hidden = kind !== "CONFERENCE";
  showWatched(target);
  const current = target;
  unsubscribe = gateway.subscribe(
    "ConsoleParticipantEvents",
    { filter: current.filter() },
    {
      next: ({ participantEvents }) => target === current && onEvent(participantEvents),
      error: (error) => say(`Live events stopped: ${describe(error)}`, true),
    },
  );
  try {
    const more = (await list(current)) ? " (showing the first 100 participants)" : "";
    say(
      current.sid
        ? `Live: events appear as they happen${more}`
        : `Live: ${given} is watched by name; its events show once its SID is known (from a listed or an added participant)`,
    );
  } catch (error) {
    say(describe(error), true);
  }
}

/** Shows the first page of participants; true when there are more. */
async function list(current: Target): Promise<boolean> {
  if (current.kind === "CONFERENCE") {
    // A conference's participants are listed by its SID only (Twilio takes a name on add).
    if (!current.sid) return false;
    const { conferenceParticipants } = await gateway.execute("ConsoleConferenceParticipants", {
      conferenceSid: current.sid,
    });
    for (const { node } of conferenceParticipants.edges) roster.seed(conferenceRow(node));
    return conferenceParticipants.pageInfo.hasNextPage;
  }
  const { conversationParticipants } = await gateway.execute("ConsoleConversationParticipants", {
    conversationSid: current.given,
    chatServiceSid: current.chatServiceSid,
  });
  const nodes = conversationParticipants.edges.map((edge) => edge.node);
  for (const node of nodes) roster.seed(conversationRow(node));
  if (nodes[0]) learnSid(current, nodes[0].conversationSid);
  return conversationParticipants.pageInfo.hasNextPage;
}

function onEvent(event: ParticipantEvent): void {
  const participant = event.participant;
  if (!participant) return;
  const parentSid =
    "conferenceSid" in participant
      ? participant.conferenceSid
      : "conversationSid" in participant
        ? participant.conversationSid
        : undefined;
  const owned = target?.owns(parentSid);
  if (owned === false) return;
  if (owned === undefined) {
    pending = [...pending, event].slice(-MAX_PENDING);
    return;
  }
  const row =
    "callSid" in participant
      ? conferenceRow(participant)
      : "identity" in participant
        ? conversationRow(participant)
        : undefined;
  events.add(event, row ? roster.nameOf(row.key) : null);
  if (!row) return;
  if (GONE.has(event.type)) roster.remove(row.key);
  else roster.upsert(row);
}

/** A parent watched by name is matched by SID from now on, its held events included. */
function learnSid(current: Target, sid: string): void {
  if (current.sid) return;
  current.sid = sid;
  showWatched(current);
  const held = pending;
  pending = [];
  for (const event of held) onEvent(event);
  say("Live: events appear as they happen");
}

async function add(form: FormData): Promise<void> {
  const current = target;
  if (!current || current.kind !== "CONFERENCE") return;
  const text = (name: string) => String(form.get(name) ?? "").trim();
  try {
    const data = await gateway.execute("ConsoleAddConferenceParticipant", {
      input: {
        conferenceSid: current.sid ?? current.given,
        from: text("from"),
        to: text("to"),
        label: text("label") || undefined,
      },
    });
    const added = data.addConferenceParticipant;
    if (!added) return;
    learnSid(current, added.conferenceSid);
    roster.upsert(conferenceRow(added));
    say(`Dialling ${added.label ?? added.callSid}`);
  } catch (error) {
    say(describe(error), true);
  }
}

async function act(action: RowAction, row: Row): Promise<void> {
  const current = target;
  if (!current) return;
  const parent = current.sid ?? current.given;
  try {
    if (current.kind === "CONVERSATION") {
      await gateway.execute("ConsoleRemoveConversationParticipant", {
        input: { conversationSid: parent, sid: row.key, chatServiceSid: current.chatServiceSid },
      });
      roster.remove(row.key);
    } else if (action === "remove") {
      await gateway.execute("ConsoleRemoveConferenceParticipant", {
        input: { conferenceSid: parent, callSid: row.key },
      });
      roster.remove(row.key);
    } else {
      const change =
        action === "mute" || action === "unmute"
          ? { muted: action === "mute" }
          : { hold: action === "hold" };
      const data = await gateway.execute("ConsoleUpdateConferenceParticipant", {
        input: { conferenceSid: parent, callSid: row.key, ...change },
      });
      if (data.updateConferenceParticipant) {
        roster.upsert(conferenceRow(data.updateConferenceParticipant));
      }
    }
    say(`${DONE[action]} ${row.name ?? row.key}`);
  } catch (error) {
    roster.upsert(row);
    say(describe(error), true);
  }
}

function conferenceRow(participant: Partial<ConferenceParticipant> & { callSid: string }): Row {
  return {
    key: participant.callSid,
    name: participant.label ?? null,
    status: participant.status ?? null,
    muted: participant.muted ?? null,
    hold: participant.hold ?? null,
  };
}

function conversationRow(participant: Partial<ConversationParticipant> & { sid: string }): Row {
  return {
    key: participant.sid,
    name: participant.identity ?? participant.messagingBinding?.address ?? null,
    status: null,
    muted: null,
    hold: null,
  };
}

function showWatched(current: Target): void {
  const parent = current.kind === "CONFERENCE" ? "Conference" : "Conversation";
  const sid = current.sid && current.sid !== current.given ? ` (${current.sid})` : "";
  watched.textContent = `${parent} ${current.given}${sid}`;
}

function describe(error: unknown): string {
  if (error instanceof GatewayError) {
    if (error.codes.includes("UNAUTHENTICATED")) {
      return `${error.message} — paste a gateway key above`;
    }
    return error.codes.length ? `${error.message} (${error.codes.join(", ")})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function say(text: string, problem = false): void {
  status.textContent = text;
  status.className = problem ? "problem" : "";
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found as T;
}
