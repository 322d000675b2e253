/**
 * The timers of the simulated world (calls ringing, callbacks retried). None of them keeps the
 * process alive, and `close()` cancels every one still pending: a closed simulator does nothing.
 */
export class Scheduler {
  private readonly pending = new Set<NodeJS.Timeout>();
  private closed = false;

  /** Runs `task` after `ms`; the returned function cancels it if it has not run yet. */
  after(ms: number, task: () => void): () => void {
    if (this.closed) return () => {};
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      try {
        task();
      } catch (error) {
        console.error("simulator: unexpected error in a scheduled step", error);
      }
    }, ms);
    timer.unref();
    this.pending.add(timer);
    return () => {
      clearTimeout(timer);
      this.pending.delete(timer);
    };
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
