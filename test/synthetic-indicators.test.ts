import { describe, expect, it } from 'vitest';
import { matchIndicator } from '../src/ingest/indicator/indicator-key.js';
import { normaliseIndicator } from '../src/ingest/indicator/indicator-normaliser.js';
import type { IndicatorMeasure } from '../src/rules/indicator-measure.js';
import { generateReports } from '../src/synthetic/generate-corpus.js';
import type { GeneratedReport } from '../src/synthetic/generated-report.js';
import type { IntendedMeasure } from '../src/synthetic/render-indicator.js';

/** Reports of many seeds: the first departments (municipal) and some districts, all ten years. */
function reportsOver(seeds: number, departments: number): GeneratedReport[] {
  const out: GeneratedReport[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    out.push(...generateReports({ seed: seed * 7919, departments, fromYear: 2015, toYear: 2024 }));
  }
  return out;
}

const reports = reportsOver(8, 45);

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Differences between what the normaliser read and what the generator meant. */
function differences(got: IndicatorMeasure, want: IntendedMeasure): string[] {
  const out: string[] = [];
  if (got.comparator !== want.comparator)
    out.push(`comparator ${got.comparator} ≠ ${want.comparator}`);
  if (got.direction !== want.direction) out.push(`direction ${got.direction} ≠ ${want.direction}`);
  if (got.unit !== want.unit) out.push(`unit ${got.unit} ≠ ${want.unit}`);
  if (!sameNumber(got.target, want.target)) out.push(`target ${got.target} ≠ ${want.target}`);
  if (!sameNumber(got.actual, want.actual)) out.push(`actual ${got.actual} ≠ ${want.actual}`);
  if (want.actualKind !== null && got.actualKind !== want.actualKind) {
    out.push(`actual kind ${got.actualKind} ≠ ${want.actualKind}`);
  }
  if (got.confidence === 'LOW') out.push('LOW confidence');
  return out;
}

const NUMERIC = new Set(['GTE', 'GT', 'EQ', 'LTE', 'LT']);

describe('synthetic indicators', () => {
  it('normalise to the measures they were written to mean, over many seeds', () => {
    let checked = 0;
    for (const report of reports) {
      report.document.indicators.forEach((row, i) => {
        const where = `${report.document.sourceFile} #${row.seq} ${row.name}: ${row.targetText} | ${row.actualText}`;
        const result = normaliseIndicator({
          name: row.name,
          target: row.targetText,
          actual: row.actualText,
        });
        expect(result.understood, where).toBe(true);
        const intended = report.intended[i]!;
        expect(result.measures.length, where).toBe(intended.length);
        result.measures.forEach((m, k) => expect(differences(m, intended[k]!), where).toEqual([]));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(30000);
  });

  it('record the truth for every measurable measure, once', () => {
    for (const report of reports) {
      const measurable = report.intended.flatMap((measures, i) =>
        measures.flatMap((m, k) => (NUMERIC.has(m.comparator) ? [`${i + 1}/${k}`] : [])),
      );
      expect(report.truth.map((t) => `${t.seq}/${t.measureIndex}`)).toEqual(measurable);
    }
  });

  it('mix milestones, deadlines and qualitative targets in, which carry no truth', () => {
    const comparators = new Set(reports.flatMap((r) => r.intended.flat().map((m) => m.comparator)));
    expect(comparators).toEqual(
      new Set(['GTE', 'GT', 'EQ', 'LTE', 'LT', 'MILESTONE', 'QUALITATIVE']),
    );
    const lowerBetter = reports
      .flatMap((r) => r.intended.flat())
      .filter((m) => m.direction === 'LOWER_BETTER');
    expect(lowerBetter.length).toBeGreaterThan(0);
  });

  it('keep their key across years while the wording drifts, and matchIndicator follows them', () => {
    const previous = new Map<string, GeneratedReport>();
    let drifted = 0;
    let pairs = 0;
    const unitOf = (row: { name: string; targetText: string; actualText: string }) => {
      const r = normaliseIndicator({
        name: row.name,
        target: row.targetText,
        actual: row.actualText,
      });
      return r.understood ? (r.measures[0]?.unit ?? null) : null;
    };
    for (const report of reports.filter((r) => r.document.sourceFile.includes('demo-'))) {
      const code = report.departmentCode;
      const before = previous.get(code);
      previous.set(code, report);
      if (!before || before.document.year !== report.document.year - 1) continue;
      const keysBefore = new Map(before.truth.map((t) => [t.seq, t.key]));
      for (const t of report.truth) expect(keysBefore.get(t.seq)).toBe(t.key);
      const candidates = before.document.indicators.map((row) => ({
        name: row.name,
        unit: unitOf(row),
      }));
      report.document.indicators.forEach((row, i) => {
        pairs++;
        if (row.name !== before.document.indicators[i]!.name) drifted++;
        const match = matchIndicator({ name: row.name, unit: unitOf(row) }, candidates);
        expect(match?.index, `${code} ${report.document.year} ${row.name}`).toBe(i);
      });
    }
    expect(drifted / pairs).toBeGreaterThan(0.05);
    expect(drifted / pairs).toBeLessThan(0.3);
  });
});
