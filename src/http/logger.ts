import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config.js';

export type { Logger } from 'pino';

/**
 * The server's structured log: one JSON object per line, with the level by name and the time in
 * ISO 8601. Written synchronously to stdout by default, so that its lines and the start-up lines
 * printed beside it keep their order, and a line written just before the process exits is not
 * lost.
 */
export function createLogger(
  level: LogLevel,
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A logger that writes nothing: an app created without one (tests, scripts). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
