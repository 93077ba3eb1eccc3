import { describe, expect, it } from 'vitest';
import {
  formatChangeInUnit,
  formatFraction,
  formatInUnit,
  formatPercentPoints,
  formatPoints,
  formatRatio,
  formatWan,
  formatWanChange,
} from '../src/graphql/number-format.js';

/**
 * The `…Text` companions (docs/domain.md, "Units and formatted companions"), on the real report
 * of gz-zfw for 2023: 表2 total final expenditure 10,105.79 万元, basic 6,756.71, full-year budget
 * 10,192.48, initial budget 10,283.32, self-score 96.97.
 */

describe('fractions read as percentages', () => {
  it('shows the real report’s shares as the report states them', () => {
    expect(formatFraction(6756.71 / 10105.79)).toBe('66.86%');
    expect(formatFraction(3349.08 / 10105.79)).toBe('33.14%');
    expect(formatFraction(10105.79 / 10192.48)).toBe('99.15%');
    expect(formatFraction((10192.48 - 10283.32) / 10283.32)).toBe('-0.88%');
  });

  it('shows an attainment over 1 as a percentage over 100', () => {
    expect(formatFraction(1.5)).toBe('150.00%');
    expect(formatFraction(123.456)).toBe('12,345.60%');
  });

  it('rounds half away from zero at the second decimal of the percentage', () => {
    expect(formatFraction(0.00005)).toBe('0.01%');
    expect(formatFraction(0.000049999)).toBe('0.00%');
    expect(formatFraction(0.00015)).toBe('0.02%'); // (0.00015 * 100).toFixed(2) is 0.01
    expect(formatFraction(0.12345)).toBe('12.35%');
    expect(formatFraction(0.99995)).toBe('100.00%');
    expect(formatFraction(-0.00005)).toBe('-0.01%');
  });

  it('writes zero and a negative that rounds to zero without a sign', () => {
    expect(formatFraction(0)).toBe('0.00%');
    expect(formatFraction(-0.00001)).toBe('0.00%');
  });

  it('takes other numbers of decimals', () => {
    expect(formatFraction(6756.71 / 10105.79, 4)).toBe('66.8598%');
    expect(formatFraction(0.385, 0)).toBe('39%');
  });

  it('keeps null as null', () => {
    expect(formatFraction(null)).toBeNull();
    expect(formatFraction(undefined)).toBeNull();
    expect(formatFraction(Number.NaN)).toBeNull();
  });
});

describe('a ratio of two exact amounts', () => {
  it('is divided exactly, without floating point', () => {
    expect(formatRatio('6756.71', '10105.79')).toBe('66.86%');
    expect(formatRatio('6756.71', '10105.79', 4)).toBe('66.8598%');
    expect(formatRatio('10105.79', '10192.48')).toBe('99.15%');
  });

  it('rounds a ratio exactly on the half up: 24.69 / 200 = 12.345 %', () => {
    expect(formatRatio('24.69', '200.00')).toBe('12.35%');
    expect(formatRatio('1', '8', 1)).toBe('12.5%');
    expect(formatRatio('-24.69', '200.00')).toBe('-12.35%');
  });

  it('is null without both amounts or with a zero whole', () => {
    expect(formatRatio(null, '10105.79')).toBeNull();
    expect(formatRatio('1', null)).toBeNull();
    expect(formatRatio('1', '0.00')).toBeNull();
  });
});

describe('differences of fractions read as percentage points', () => {
  it('signs them and says 个百分点', () => {
    expect(formatPercentPoints(0.012)).toBe('+1.20 个百分点');
    expect(formatPercentPoints(-0.0035)).toBe('-0.35 个百分点');
    expect(formatPercentPoints(0)).toBe('0.00 个百分点');
    expect(formatPercentPoints(0.00005)).toBe('+0.01 个百分点');
    expect(formatPercentPoints(null)).toBeNull();
  });
});

describe('amounts read in 万元', () => {
  it('groups thousands and keeps two decimals, from a number or an exact decimal string', () => {
    expect(formatWan(10105.79)).toBe('10,105.79 万元');
    expect(formatWan('10105.79')).toBe('10,105.79 万元');
    expect(formatWan('531.70')).toBe('531.70 万元');
    expect(formatWan(531.7)).toBe('531.70 万元');
    expect(formatWan(1700000)).toBe('1,700,000.00 万元');
  });

  it('rounds half away from zero from the decimal digits: 1.005 → 1.01', () => {
    expect(formatWan(1.005)).toBe('1.01 万元'); // (1.005).toFixed(2) is 1.00
    expect(formatWan(-1.005)).toBe('-1.01 万元');
    expect(formatWan(999.995)).toBe('1,000.00 万元');
    expect(formatWan('0.004')).toBe('0.00 万元');
    expect(formatWan('-0.004')).toBe('0.00 万元');
  });

  it('signs a change', () => {
    expect(formatWanChange(10192.48 - 10283.32)).toBe('-90.84 万元');
    expect(formatWanChange(321.5)).toBe('+321.50 万元');
  });

  it('keeps null as null', () => {
    expect(formatWan(null)).toBeNull();
    expect(formatWan(undefined)).toBeNull();
  });
});

describe('scores read in 分', () => {
  it('keeps two decimals', () => {
    expect(formatPoints(96.97)).toBe('96.97 分');
    expect(formatPoints('96.97')).toBe('96.97 分');
    expect(formatPoints(92.5)).toBe('92.50 分');
    expect(formatPoints(null)).toBeNull();
  });
});

describe('a metric value in its unit', () => {
  it('follows the registry unit: fraction, 万元 or points', () => {
    expect(formatInUnit(6756.71 / 10105.79, 'fraction')).toBe('66.86%');
    expect(formatInUnit(10105.79, '万元')).toBe('10,105.79 万元');
    expect(formatInUnit(96.97, 'points')).toBe('96.97 分');
    expect(formatChangeInUnit(0.012, 'fraction')).toBe('+1.20 个百分点');
    expect(formatChangeInUnit(-90.84, '万元')).toBe('-90.84 万元');
    expect(formatChangeInUnit(-3.03, 'points')).toBe('-3.03 分');
    expect(formatInUnit(null, 'fraction')).toBeNull();
  });
});
