import type { ParticipantEvent } from "./operations.js";
import { element } from "./roster.js";

/** The most events the page keeps on screen; older ones scroll away. */
const KEPT = 200;

/** The live events, newest first. */
export class EventLog {
  constructor(private readonly list: HTMLOListElement) {}

  clear(): void {
    this.list.replaceChildren();
  }

  /** `knownName`: the participant's name where the event does not carry it (call progress). */
  add(event: ParticipantEvent, knownName: string | null): void {
    // Nullable in the schema.
    const participant = event.participant ?? { sid: "–" };
    const who =
      ("label" in participant && participant.label) ||
      ("identity" in participant && participant.identity) ||
      knownName ||
      participant.sid;
    const details = [
      "status" in participant && participant.status ? participant.status : undefined,
      "muted" in participant && participant.muted != null
        ? participant.muted
          ? "muted"
          : "unmuted"
        : undefined,
    ].filter(Boolean);
    const item = element("li", [
      element("time", [event.occurredAt.slice(11, 19)]),
      element("strong", [event.type]),
      ` ${who}`,
      details.length ? ` (${details.join(", ")})` : "",
      element("span", [event.source === "TWILIO" ? "Twilio" : "gateway"]),
    ]);
    item.dataset.type = event.type;
    this.list.prepend(item);
    while (this.list.children.length > KEPT) this.list.lastElementChild?.remove();
  }
}
