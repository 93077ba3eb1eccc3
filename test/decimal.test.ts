import { describe, expect, it } from 'vitest';
import { canonicalDecimal, fromUnits, toUnits } from '../src/ingest/decimal.js';

/**
 * The exact decimals every figure goes through (src/ingest/decimal.ts): scaled units and the
 * canonical text a stored DECIMAL is read back as. The fast paths must give what the bigint
 * arithmetic gives, for every shape of number a report or DuckDB writes.
 */

/** The units by the plain bigint arithmetic the fast path replaces. */
function unitsByBigint(value: string): bigint {
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = value.replace(/^-/, '').split('.');
  const units = BigInt(int || '0') * 10_000n + BigInt(frac.padEnd(4, '0'));
  return negative ? -units : units;
}

/** Decimals of every shape: signs, zeros, 0 to 4 decimals, trailing zeros, 1 to 18 digits. */
function samples(): string[] {
  const values = ['0', '-0', '0.0000', '-0.00', '.5', '-.5', '1.', '00012.1', '50.0000'];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let i = 0; i < 20_000; i++) {
    const int = String(next())
      .repeat(1 + (next() % 3))
      .slice(0, 1 + (next() % 18));
    const frac = String(next()).slice(0, next() % 5);
    const zeros = '0'.repeat(next() % 2);
    const text = frac ? `${int}.${(frac + zeros).slice(0, 4)}` : int;
    values.push(next() % 4 === 0 ? `-${text}` : text);
  }
  return values;
}

describe('toUnits', () => {
  it('gives the units of the bigint arithmetic for every shape of decimal', () => {
    for (const value of samples())
      expect([value, toUnits(value)]).toEqual([value, unitsByBigint(value)]);
  });

  it('refuses more than 4 decimals', () => {
    expect(() => toUnits('99.15123')).toThrow(/more than 4 decimals/);
  });
});

describe('canonicalDecimal', () => {
  it('gives what the round trip through units gives', () => {
    for (const value of samples())
      expect([value, canonicalDecimal(value)]).toEqual([value, fromUnits(toUnits(value))]);
  });

  it('drops the trailing zeros of a stored DECIMAL and the sign of zero', () => {
    expect(canonicalDecimal('10105.7900')).toBe('10105.79');
    expect(canonicalDecimal('50.0000')).toBe('50');
    expect(canonicalDecimal('-0.00')).toBe('0');
  });

  it('refuses more than 4 decimals, as toUnits does', () => {
    expect(() => canonicalDecimal('10105.79001')).toThrow(/more than 4 decimals/);
  });
});
