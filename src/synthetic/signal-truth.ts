/**
 * Ground truth of the target-setting signals over a synthetic corpus (docs/domain.md, "Threshold
 * clustering" and "Target ambition"): which department-years a correct detector names, computed
 * from the measures' intended bands and ambitions (IndicatorTruth) with the thresholds of
 * src/rules/thresholds.ts, never by running the analytics. The generator does not plant these
 * signals on purpose: a department's results bunch just above its targets, or its targets stay
 * below what it achieved, as its planned numbers happen to fall (soft years keep targets that
 * were beaten). So scoring against these labels checks that parsing, normalising, linking and
 * the SQL agree with the definitions end to end, not that the signals find deliberate gaming.
 */
import {
  AMBITION_FLOOR,
  AMBITION_MIN_SERIES,
  BUNCHING_MIN_SHARE,
  BUNCHING_MIN_YEARS,
  SIGNAL_MIN_MEASURES,
  THRESHOLD_TOLERANCE,
} from '../rules/thresholds.js';
import type { IndicatorTruth } from './generated-report.js';

/** A department-year a correct detector names. */
export interface SignalLabel {
  departmentCode: string;
  year: number;
}

/** The department-years each signal names. */
export interface SignalTruth {
  /** Bunching years of departments that bunch in at least BUNCHING_MIN_YEARS years. */
  bunching: SignalLabel[];
  /** Years a department's median ambition is below 1 while its sector's is at least 1. */
  belowAchieved: SignalLabel[];
}

/** The median as DuckDB's `quantile_cont(x, 0.5)`: the mean of the two middle values of an even count. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}

/** A department-year's figure, compared within its sector and year. */
export interface DepartmentYear {
  departmentCode: string;
  year: number;
  sector: string;
  value: number;
}

/** Department-years keyed by sector and year, for their sector's median. */
export function sectorMedians(judged: readonly DepartmentYear[]): Map<string, number> {
  const groups = new Map<string, number[]>();
  for (const d of judged) {
    const key = `${d.sector}/${d.year}`;
    groups.set(key, [...(groups.get(key) ?? []), d.value]);
  }
  return new Map([...groups].map(([key, values]) => [key, median(values)]));
}

/** The truth records grouped by department and year. */
function byDepartmentYear(truth: readonly IndicatorTruth[]): Map<string, IndicatorTruth[]> {
  const groups = new Map<string, IndicatorTruth[]>();
  for (const t of truth) {
    const key = `${t.departmentCode}/${t.year}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return groups;
}

/**
 * The labels of both signals over a whole corpus: every department's years, each department
 * compared with its sector (`sectorOf`) in the same year.
 */
export function signalTruth(
  truth: readonly IndicatorTruth[],
  sectorOf: (departmentCode: string) => string,
): SignalTruth {
  const t = THRESHOLD_TOLERANCE;
  const groups = [...byDepartmentYear(truth).values()].map((measures) => ({
    departmentCode: measures[0]!.departmentCode,
    year: measures[0]!.year,
    sector: sectorOf(measures[0]!.departmentCode),
    measures,
  }));

  const shares = groups
    .map((g) => {
      const evidence = g.measures.filter((m) => m.band !== null);
      const justAbove = evidence.filter((m) => m.band === 'JUST_ABOVE').length;
      return { ...g, measurable: evidence.length, value: justAbove / evidence.length };
    })
    .filter((g) => g.measurable >= SIGNAL_MIN_MEASURES);
  const shareMedians = sectorMedians(shares);
  const bunches = shares.filter(
    (g) =>
      g.value >= BUNCHING_MIN_SHARE - t && g.value > shareMedians.get(`${g.sector}/${g.year}`)! + t,
  );
  const years = new Map<string, number>();
  for (const g of bunches) years.set(g.departmentCode, (years.get(g.departmentCode) ?? 0) + 1);

  const ambitions = groups
    .map((g) => {
      const series = g.measures.flatMap((m) => (m.ambition === null ? [] : [m.ambition]));
      return { ...g, series: series.length, value: series.length > 0 ? median(series) : 0 };
    })
    .filter((g) => g.series >= AMBITION_MIN_SERIES);
  const ambitionMedians = sectorMedians(ambitions);

  const label = (g: SignalLabel): SignalLabel => ({
    departmentCode: g.departmentCode,
    year: g.year,
  });
  return {
    bunching: bunches.filter((g) => years.get(g.departmentCode)! >= BUNCHING_MIN_YEARS).map(label),
    belowAchieved: ambitions
      .filter(
        (g) =>
          g.value < AMBITION_FLOOR - t &&
          ambitionMedians.get(`${g.sector}/${g.year}`)! >= AMBITION_FLOOR - t,
      )
      .map(label),
  };
}
