/** A member of a collection with its creation sequence number, which is what pages are cut by. */
export interface Entry<T> {
  readonly seq: number;
  readonly value: T;
}

/**
 * Participants of one parent, in creation order, with lookup by key. Sequence numbers never
 * repeat, so a page token that names one stays meaningful after deletions.
 */
export class OrderedCollection<T> {
  private readonly entries: Entry<T>[] = [];
  private readonly byKey = new Map<string, Entry<T>>();
  private lastSeq = 0;

  add(key: string, value: T): void {
    const entry = { seq: ++this.lastSeq, value };
    this.entries.push(entry);
    this.byKey.set(key, entry);
  }

  get(key: string): T | undefined {
    return this.byKey.get(key)?.value;
  }

  delete(key: string): boolean {
    const entry = this.byKey.get(key);
    if (entry === undefined) return false;
    this.byKey.delete(key);
    this.entries.splice(firstIndexFrom(this.entries, entry.seq), 1);
    return true;
  }

  find(predicate: (value: T) => boolean): T | undefined {
    return this.entries.find((entry) => predicate(entry.value))?.value;
  }

  list(): readonly Entry<T>[] {
    return this.entries;
  }
}

/** Index of the first entry whose seq is at least `seq` (entries are sorted by seq). */
export function firstIndexFrom<T>(entries: readonly Entry<T>[], seq: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (entries[mid]!.seq < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}
