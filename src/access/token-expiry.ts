/**
 * When a token stops working. Every token expires unless created with `--expires never`: a
 * secret handed to a person outlives the person's need for it, and an expiry bounds what a
 * forgotten or leaked token can open (docs/operations.md, "Access control").
 */

/** The lifetime of a token created without `--expires`. */
export const DEFAULT_TOKEN_LIFETIME_DAYS = 365;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An `--expires` text that is not a time to come: the message says what would be. */
export class ExpiryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpiryError';
  }
}

const EXPECTED =
  'expected a duration (90d, 12h), a date (2027-06-30, the start of that day in UTC), ' +
  'a time with its zone (2027-06-30T18:00:00+08:00) or never';

/** The expiry of a token created at `now` without `--expires`. */
export function defaultExpiry(now: Date): Date {
  return new Date(now.getTime() + DEFAULT_TOKEN_LIFETIME_DAYS * DAY_MS);
}

/** A calendar date as the first instant of that day in UTC, or null when no such day exists. */
function startOfDay(text: string): Date | null {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : null;
}

/**
 * Reads `--expires`: `<n>d` or `<n>h` from `now`, a date (`2027-06-30`: the token stops working
 * when that day begins, in UTC), a time with an explicit zone, or `never` (null). A time with no
 * zone is refused rather than read in the machine's zone, which the operator may not know.
 */
export function parseExpiry(text: string, now: Date): Date | null {
  const value = text.trim();
  if (value.toLowerCase() === 'never') return null;
  let expires: Date | null;
  const duration = /^(\d+)([dh])$/i.exec(value);
  if (duration) {
    const count = Number(duration[1]);
    if (count === 0)
      throw new ExpiryError(`--expires ${value}: a token needs a lifetime of at least 1h`);
    expires = new Date(
      now.getTime() + count * (duration[2]!.toLowerCase() === 'd' ? DAY_MS : HOUR_MS),
    );
  } else if (/^\d{4}-\d\d-\d\d$/.test(value)) {
    expires = startOfDay(value);
    if (!expires) throw new ExpiryError(`--expires ${value}: no such day`);
  } else if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(value)) {
    expires = new Date(value);
  } else {
    throw new ExpiryError(`--expires "${value}": ${EXPECTED}`);
  }
  if (Number.isNaN(expires.getTime())) throw new ExpiryError(`--expires "${value}": ${EXPECTED}`);
  if (expires.getTime() <= now.getTime())
    throw new ExpiryError(
      `--expires ${value} is not in the future (now is ${now.toISOString()}): the token would never work`,
    );
  return expires;
}

/** Whether a token with this expiry (null: never) no longer works at `nowMs`. */
export function isExpired(expires: string | null, nowMs: number): boolean {
  return expires !== null && Date.parse(expires) <= nowMs;
}
