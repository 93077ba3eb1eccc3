import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TOKEN_LIFETIME_DAYS,
  ExpiryError,
  defaultExpiry,
  isExpired,
  parseExpiry,
} from '../src/access/token-expiry.js';

/**
 * `--expires` of `jixiao token create`: a duration from now, a day, a time with its zone, or
 * never; and when a token with an expiry stops working. A fixed clock stands for now.
 */

const NOW = new Date('2026-11-30T16:52:44.000Z');
const iso = (text: string) => parseExpiry(text, NOW)?.toISOString() ?? null;

describe('parseExpiry', () => {
  it('reads days from now', () => {
    expect(iso('90d')).toBe('2027-02-28T16:52:44.000Z');
  });

  it('reads hours from now', () => {
    expect(iso('12h')).toBe('2026-12-01T04:52:44.000Z');
  });

  it('reads a date as the start of that day in UTC', () => {
    expect(iso('2027-06-30')).toBe('2027-06-30T00:00:00.000Z');
  });

  it('reads a time with its zone, in UTC', () => {
    expect(iso('2027-06-30T18:00:00+08:00')).toBe('2027-06-30T10:00:00.000Z');
    expect(iso('2027-06-30T18:00Z')).toBe('2027-06-30T18:00:00.000Z');
  });

  it('reads never, in any case, as no expiry', () => {
    expect(parseExpiry('never', NOW)).toBeNull();
    expect(parseExpiry('NEVER', NOW)).toBeNull();
  });

  it.each([
    ['90', 'expected a duration (90d, 12h)'],
    ['3m', 'expected a duration (90d, 12h)'],
    ['2027-06-30T18:00:00', 'expected a duration'],
    ['next year', 'expected a duration'],
    ['0d', 'a token needs a lifetime of at least 1h'],
    ['2027-02-30', '--expires 2027-02-30: no such day'],
    ['2026-11-30', '--expires 2026-11-30 is not in the future (now is 2026-11-30T16:52:44.000Z)'],
    ['2020-01-01T00:00:00Z', 'is not in the future'],
  ])('refuses %j, saying why', (text, message) => {
    expect(() => parseExpiry(text, NOW)).toThrow(ExpiryError);
    expect(() => parseExpiry(text, NOW)).toThrow(message);
  });
});

describe('the default expiry', () => {
  it(`is ${DEFAULT_TOKEN_LIFETIME_DAYS} days after creation`, () => {
    expect(DEFAULT_TOKEN_LIFETIME_DAYS).toBe(365);
    expect(defaultExpiry(NOW).toISOString()).toBe('2027-11-30T16:52:44.000Z');
  });
});

describe('isExpired', () => {
  const expires = '2027-06-30T00:00:00.000Z';

  it('is false before the expiry and true from its instant on', () => {
    expect(isExpired(expires, Date.parse('2027-06-29T23:59:59.999Z'))).toBe(false);
    expect(isExpired(expires, Date.parse(expires))).toBe(true);
    expect(isExpired(expires, Date.parse('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('is never true for a token without an expiry', () => {
    expect(isExpired(null, Date.parse('9999-01-01T00:00:00Z'))).toBe(false);
  });
});
