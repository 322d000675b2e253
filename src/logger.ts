import type { LogLevel } from "./config.js";

const RANK: Readonly<Record<LogLevel, number>> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * One JSON object per line on stderr. Callers pass only fields that are safe to print:
 * nothing here scrubs, so credentials and upstream URLs must never be handed to it.
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = defaultWrite,
): Logger {
  const threshold = RANK[level];
  const log =
    (at: Exclude<LogLevel, "silent">) => (message: string, fields?: Record<string, unknown>) => {
      if (RANK[at] < threshold) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields }));
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

function defaultWrite(line: string): void {
  process.stderr.write(`${line}\n`);
}

export const silentLogger: Logger = createLogger("silent");
