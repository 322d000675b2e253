import type { Server } from "node:http";

export interface Drain {
  /** True once shutdown has begun: readiness answers 503, every answer closes its connection. */
  readonly draining: boolean;
  /**
   * Readiness first (and, for load balancers that need it, a delay while still accepting), then
   * stop accepting and end the long-lived connections cleanly; requests in flight finish (a
   * create may already be at Twilio) and only connections still busy after `graceMs` are cut.
   * Resolves whether every request finished.
   */
  close(graceMs: number): Promise<boolean>;
}

/** Connections that stay open by design (subscriptions): drain must end them itself. */
export interface LongLived {
  /** Completes them cleanly and closes their connections; resolves once it has. */
  end(): Promise<void>;
  /** At the deadline: drops whatever is still open. */
  cut(): void;
}

export function drainOnClose(
  server: Server,
  options: { shutdownDelayMs: number },
  longLived?: LongLived,
): Drain {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    async close(graceMs) {
      draining = true;
      if (options.shutdownDelayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, options.shutdownDelayMs));
      }
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The server only finishes closing once these are gone too (an upgraded socket counts).
      const ended = longLived?.end();
      server.closeIdleConnections();
      const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
      let cut = false;
      const deadline = setTimeout(() => {
        cut = true;
        server.closeAllConnections();
        longLived?.cut();
      }, graceMs);
      await Promise.all([closed, ended]);
      clearInterval(idleSweep);
      clearTimeout(deadline);
      return !cut;
    },
  };
}
