/** Where a command reads and writes: the process's streams, or a test's. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  stdin: process.stdin,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A mistake in how a command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Reads an integer option, or a default. */
export function intOption(
  value: string | boolean | undefined,
  name: string,
  fallback?: number,
): number {
  if (value === undefined || typeof value === 'boolean') {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be an integer, got "${value}"`);
  return n;
}

/** Reads a year range `2019-2024` (or a single year). */
export function yearRange(
  value: string | boolean | undefined,
  name: string,
): { fromYear: number; toYear: number } {
  if (typeof value !== 'string')
    throw new UsageError(`--${name} is required, e.g. --${name} 2019-2024`);
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
  if (!match) throw new UsageError(`--${name} must look like 2019-2024, got "${value}"`);
  const fromYear = Number(match[1]);
  const toYear = Number(match[2] ?? match[1]);
  if (fromYear > toYear) throw new UsageError(`--${name}: ${fromYear} is after ${toYear}`);
  return { fromYear, toYear };
}
