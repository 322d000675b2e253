import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger } from "pino";

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Where secrets could hide if a careless field ever carried one: censored by pino before the
 * line is written. Nothing the gateway logs on purpose holds them; this is the second line.
 */
const REDACTED_PATHS = [
  "password",
  "authorization",
  "authToken",
  "apiSecret",
  "sipAuthPassword",
  "apiKey",
  "headers.authorization",
  "headers.cookie",
  "*.password",
  "*.authorization",
  "*.authToken",
  "*.apiSecret",
  "*.sipAuthPassword",
];

/**
 * One JSON object per line (on stderr unless told otherwise), with `time` as ISO 8601, `level`
 * as its name and the text under `message`. Request-scoped lines come from a child logger that
 * carries the request id.
 */
export function createLogger(
  level: LogLevel,
  destination: DestinationStream = pino.destination({ dest: 2, sync: true }),
): Logger {
  return pino(
    {
      level,
      messageKey: "message",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}

export const silentLogger: Logger = createLogger("silent");
