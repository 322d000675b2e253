/** One participant as the console shows it, whatever its kind. */
export interface Row {
  /** The call SID (conference) or participant SID (conversation): what actions name. */
  key: string;
  /** Its label, identity or address; the key when it has none. */
  name: string | null;
  status: string | null;
  /** Conference participants only. */
  muted: boolean | null;
  hold: boolean | null;
}

export type RowAction = "mute" | "unmute" | "hold" | "unhold" | "remove";

/**
 * The participants table. Rows are merged from the list, mutation answers and events: a field
 * an event does not report (null) keeps what was known. A participant that is gone stays gone,
 * whatever late events still arrive about it.
 */
export class Roster {
  private readonly rows = new Map<string, Row>();
  private readonly gone = new Set<string>();

  constructor(
    private readonly body: HTMLTableSectionElement,
    /** Conference rows offer mute and hold; every row offers remove. */
    private readonly conference: () => boolean,
    private readonly act: (action: RowAction, row: Row) => void,
  ) {}

  clear(): void {
    this.rows.clear();
    this.gone.clear();
    this.render();
  }

  /** What an answer or an event reports: what it leaves null stays as it was. */
  upsert(update: Row): void {
    this.put(update, this.rows.get(update.key));
  }

  /**
   * What the list reports: events that arrived while the list was on its way are at least as
   * new, so what they said stays.
   */
  seed(listed: Row): void {
    this.put(this.rows.get(listed.key), listed);
  }

  private put(newer: Row | undefined, older: Row | undefined): void {
    const key = newer?.key ?? older?.key;
    if (key === undefined || this.gone.has(key)) return;
    this.rows.set(key, {
      key,
      name: newer?.name ?? older?.name ?? null,
      status: newer?.status ?? older?.status ?? null,
      muted: newer?.muted ?? older?.muted ?? null,
      hold: newer?.hold ?? older?.hold ?? null,
    });
    this.render();
  }

  /** The name shown for a participant, if it has one. */
  nameOf(key: string): string | null {
    return this.rows.get(key)?.name ?? null;
  }

  remove(key: string): void {
    this.gone.add(key);
    this.rows.delete(key);
    this.render();
  }

  private render(): void {
    const rows = [...this.rows.values()].map((row) => this.renderRow(row));
    if (rows.length === 0) {
      const empty = cell("No participants", "empty");
      empty.colSpan = 6;
      rows.push(element("tr", [empty]));
    }
    this.body.replaceChildren(...rows);
  }

  private renderRow(row: Row): HTMLTableRowElement {
    const name = row.name ?? row.key;
    const actions: HTMLButtonElement[] = [];
    if (this.conference()) {
      actions.push(
        this.button(row.muted ? "unmute" : "mute", row, name),
        this.button(row.hold ? "unhold" : "hold", row, name),
      );
    }
    actions.push(this.button("remove", row, name));
    const tr = element("tr", [
      cell(name, "name"),
      cell(row.key, "sid"),
      cell(row.status ?? "–", "status"),
      cell(flag(row.muted), "muted"),
      cell(flag(row.hold), "hold"),
      element("td", actions),
    ]);
    tr.dataset.key = row.key;
    return tr;
  }

  private button(action: RowAction, row: Row, name: string): HTMLButtonElement {
    const button = element("button", [action.charAt(0).toUpperCase() + action.slice(1)]);
    button.type = "button";
    button.className = action === "remove" ? "danger" : "";
    button.title = `${action} ${name}`;
    button.addEventListener("click", () => {
      button.disabled = true;
      this.act(action, row);
    });
    return button;
  }
}

function flag(value: boolean | null): string {
  return value === null ? "–" : value ? "yes" : "no";
}

export function cell(text: string, className: string): HTMLTableCellElement {
  const td = element("td", [text]);
  td.className = className;
  return td;
}

/** An element with children; text is always set as text, never parsed as HTML. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  children: ReadonlyArray<Node | string>,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
}
