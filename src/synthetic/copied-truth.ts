/**
 * Ground truth of copied actuals over a synthetic corpus (docs/domain.md, "Copied actuals"): which
 * 表3 rows restate their targets, and which department-years a correct detector names, from what
 * the generator meant when it wrote the actual (render-indicator.ts: a done text such as
 * 达成预期指标, or a text that repeats the target), never by running the rule on the texts. The
 * generator writes them as its planned numbers fall (a done text in about 3 % of a numeric
 * indicator's ordinary years, a repeat where the actual wording equals the target's); it does not
 * make any department copy on purpose, so the labels check that the rule, the vocabulary and the
 * SQL agree with the generator end to end, not that the signal finds deliberate habits.
 */
import {
  COPIED_MIN_INDICATORS,
  COPIED_MIN_SHARE,
  THRESHOLD_TOLERANCE,
} from '../rules/thresholds.js';
import type { GeneratedReport } from './generated-report.js';
import { sectorMedians, type DepartmentYear, type SignalLabel } from './signal-truth.js';

/** Per 表3 row of a report, in order: does its actual only restate the target? */
export function copiedRowsTruth(report: Pick<GeneratedReport, 'intended'>): boolean[] {
  return report.intended.map(
    (measures) =>
      measures.length > 0 &&
      measures.every((m) => m.actualKind === 'SAYS_DONE' || m.actualKind === 'COPIES_TARGET'),
  );
}

/** A report's copied rows and indicators, the figures copiedTruth compares. */
export interface CopiedCounts {
  departmentCode: string;
  year: number;
  indicators: number;
  copied: number;
}

/** The counts of one generated report. */
export function copiedCounts(report: GeneratedReport): CopiedCounts {
  const rows = copiedRowsTruth(report);
  return {
    departmentCode: report.departmentCode,
    year: report.document.year,
    indicators: rows.length,
    copied: rows.filter(Boolean).length,
  };
}

/**
 * The department-years a correct detector names: at least COPIED_MIN_INDICATORS indicators, a
 * copied share of at least COPIED_MIN_SHARE and above the median of its sector (`sectorOf`) that
 * year, over the judged department-years of the whole corpus.
 */
export function copiedTruth(
  counts: readonly CopiedCounts[],
  sectorOf: (departmentCode: string) => string,
): SignalLabel[] {
  const t = THRESHOLD_TOLERANCE;
  const judged: DepartmentYear[] = counts
    .filter((c) => c.indicators >= COPIED_MIN_INDICATORS)
    .map((c) => ({
      departmentCode: c.departmentCode,
      year: c.year,
      sector: sectorOf(c.departmentCode),
      value: c.copied / c.indicators,
    }));
  const medians = sectorMedians(judged);
  return judged
    .filter(
      (d) => d.value >= COPIED_MIN_SHARE - t && d.value > medians.get(`${d.sector}/${d.year}`)! + t,
    )
    .map((d) => ({ departmentCode: d.departmentCode, year: d.year }));
}
