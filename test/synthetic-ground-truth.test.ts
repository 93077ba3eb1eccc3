import { describe, expect, it } from 'vitest';
import { measureFlags } from '../src/rules/measure-flags.js';
import { isRatchetFailure } from '../src/rules/ratchet.js';
import { attainmentBand } from '../src/rules/attainment-band.js';
import { targetAmbition } from '../src/rules/target-ambition.js';
import { normaliseIndicator } from '../src/ingest/indicator/indicator-normaliser.js';
import type { IndicatorMeasure } from '../src/rules/indicator-measure.js';
import { generateDepartments, generateReports } from '../src/synthetic/generate-corpus.js';
import type { GeneratedReport } from '../src/synthetic/generated-report.js';
import {
  measureTruth,
  truthAmbition,
  truthBand,
  type MeasureOutcome,
} from '../src/synthetic/ground-truth.js';
import { signalTruth } from '../src/synthetic/signal-truth.js';

const hb = (target: number, actual: number | null, percent = false): MeasureOutcome => ({
  direction: 'HIGHER_BETTER',
  percent,
  target,
  actual,
  repeatsTarget: false,
  costCap: false,
});
const lb = (target: number, actual: number | null): MeasureOutcome => ({
  direction: 'LOWER_BETTER',
  percent: true,
  target,
  actual,
  repeatsTarget: false,
  costCap: false,
});

describe('ground truth of a measure (docs/domain.md rules, in hundredths)', () => {
  it('fires RATIO at an attainment of exactly 1.2, not below', () => {
    expect(measureTruth([hb(1000, 1200)])).toEqual([['RATIO']]);
    expect(measureTruth([hb(1000, 1199)])).toEqual([[]]);
    // Lower-better: 20 % against 4.75 % is an attainment of 4.21 (the real report's 重复咨询比例).
    expect(measureTruth([lb(2000, 475)])).toEqual([['RATIO']]);
  });

  it('fires CEILING for a percentage target up to 95 % met with 100 %, and a lower-better target met with 0', () => {
    expect(measureTruth([hb(9500, 10000, true)])).toEqual([['CEILING']]);
    expect(measureTruth([hb(9600, 10000, true)])).toEqual([[]]);
    expect(measureTruth([hb(8000, 10000, true)])).toEqual([['RATIO', 'CEILING']]);
    expect(measureTruth([lb(500, 0)])).toEqual([['CEILING']]);
  });

  it('fires nothing for what is not evidence: says done, repeats the target, zero met with zero, cost caps', () => {
    expect(measureTruth([hb(1000, null)])).toEqual([[]]);
    expect(measureTruth([{ ...hb(1000, 1000), repeatsTarget: true }])).toEqual([[]]);
    expect(measureTruth([lb(0, 0)])).toEqual([[]]);
    expect(measureTruth([{ ...lb(50000, 30000), percent: false, costCap: true }])).toEqual([[]]);
  });

  it('records RATCHET on the later year when its target is below last year’s actual (above, lower-better)', () => {
    expect(measureTruth([hb(1000, 1100), hb(1050, 1050)])).toEqual([[], ['RATCHET']]);
    expect(measureTruth([hb(1000, 1100), hb(1100, 1100)])).toEqual([[], []]);
    expect(measureTruth([lb(500, 450), lb(500, 450)])).toEqual([[], ['RATCHET']]);
    expect(measureTruth([hb(1000, null), hb(900, 900)])).toEqual([[], []]);
  });

  it('bands an attainment exactly on its edges: 105 % is just above, 120 % is RATIO’s band', () => {
    expect([1000, 1050, 1051, 1200, 2000, 2001].map((a) => truthBand(hb(1000, a)))).toEqual([
      'EXACTLY_100',
      'JUST_ABOVE',
      'FROM_105_TO_120',
      'FROM_120_TO_200',
      'FROM_120_TO_200',
      'ABOVE_200',
    ]);
    expect(truthBand(lb(500, 0))).toBe('ABOVE_200');
    expect(truthBand(hb(1000, null))).toBeNull();
  });

  it('measures ambition as target over last year’s actual, mirrored for lower-better', () => {
    expect(truthAmbition(hb(1000, 1250), hb(1000, 1000))).toBe(0.8);
    expect(truthAmbition(lb(2000, 475), lb(2000, 500))).toBe(475 / 2000);
    expect(truthAmbition(hb(1000, null), hb(900, 900))).toBeNull();
  });

  it('records CHRONIC on every year of a run of overshoots from the second on', () => {
    const run = measureTruth([hb(1000, 1300), hb(1000, 1300), hb(1000, 1300), hb(1300, 1300)]);
    expect(run).toEqual([
      ['RATIO'],
      ['RATIO', 'RATCHET', 'CHRONIC'],
      ['RATIO', 'RATCHET', 'CHRONIC'],
      [],
    ]);
  });
});

function measure(report: GeneratedReport, seq: number, index: number): IndicatorMeasure {
  const row = report.document.indicators[seq - 1]!;
  const result = normaliseIndicator({
    name: row.name,
    target: row.targetText,
    actual: row.actualText,
  });
  if (!result.understood) throw new Error(`${row.name} not understood: ${result.reason}`);
  return result.measures[index]!;
}

describe('ground truth of the synthetic corpus', () => {
  const corpora = [3, 5, 8].map((seed) => [
    ...generateReports({ seed, departments: 60, fromYear: 2015, toYear: 2024 }),
  ]);
  const truth = corpora.flat().flatMap((r) => r.truth);

  it('is what the overshoot rules find on the normalised texts', () => {
    const flags = (m: IndicatorMeasure) => measureFlags(m).filter((f) => f !== 'CHRONIC');
    for (const reports of corpora) {
      const byKey = new Map(reports.map((r) => [`${r.departmentCode}/${r.document.year}`, r]));
      for (const report of reports) {
        const previous = byKey.get(`${report.departmentCode}/${report.document.year - 1}`);
        for (const t of report.truth) {
          const current = measure(report, t.seq, t.measureIndex);
          const expected: string[] = flags(current);
          if (previous) {
            const before = measure(previous, t.seq, t.measureIndex);
            if (isRatchetFailure(before, current)) expected.push('RATCHET');
            if (flags(before).length > 0 && flags(current).length > 0) expected.push('CHRONIC');
          }
          expect(t.rules, `${report.document.sourceFile} #${t.seq}.${t.measureIndex}`).toEqual(
            expected,
          );
        }
      }
    }
  });

  it('flags a small, known share: most measures meet their targets without any rule', () => {
    const share = (rule: string) =>
      truth.filter((t) => t.rules.includes(rule as never)).length / truth.length;
    expect(truth.filter((t) => t.rules.length === 0).length / truth.length).toBeGreaterThan(0.7);
    expect(share('RATIO')).toBeGreaterThan(0.02);
    expect(share('RATIO')).toBeLessThan(0.12);
    for (const rule of ['CEILING', 'RATCHET', 'CHRONIC'])
      expect(share(rule), rule).toBeGreaterThan(0.005);
  });

  it('gives each measure the attainment band and the ambition the rules read from the normalised texts', () => {
    for (const reports of corpora) {
      const byKey = new Map(reports.map((r) => [`${r.departmentCode}/${r.document.year}`, r]));
      for (const report of reports) {
        const previous = byKey.get(`${report.departmentCode}/${report.document.year - 1}`);
        for (const t of report.truth) {
          const where = `${report.document.sourceFile} #${t.seq}.${t.measureIndex}`;
          const current = measure(report, t.seq, t.measureIndex);
          expect(t.band, where).toBe(attainmentBand(current));
          const expected = previous
            ? targetAmbition(measure(previous, t.seq, t.measureIndex), current)
            : null;
          if (expected === null) expect(t.ambition, where).toBeNull();
          else expect(t.ambition, where).toBeCloseTo(expected, 9);
        }
      }
    }
  });

  it('labels a few department-years for each target-setting signal, a small minority', () => {
    const reports = corpora[0]!;
    const years = new Set(reports.map((r) => `${r.departmentCode}/${r.document.year}`)).size;
    const sectors = new Map(
      generateDepartments({ seed: 3, departments: 60, fromYear: 2015, toYear: 2024 }).map((d) => [
        d.code,
        d.sector ?? '',
      ]),
    );
    const labels = signalTruth(
      reports.flatMap((r) => r.truth),
      (code) => sectors.get(code)!,
    );
    for (const signal of [labels.bunching, labels.belowAchieved]) {
      expect(signal.length).toBeGreaterThan(0);
      expect(signal.length / years).toBeLessThan(0.1);
    }
  });

  it('uses one key per indicator and department, the same in every year', () => {
    const keys = new Map<string, string>();
    for (const t of corpora[0]!.flatMap((r) => r.truth)) {
      const where = `${t.departmentCode}#${t.seq}`;
      expect(keys.get(where) ?? t.key, where).toBe(t.key);
      keys.set(where, t.key);
      expect(t.key.startsWith(`${t.departmentCode}:`)).toBe(true);
    }
  });
});
