/** A synthetic report as the generator yields it, with what a correct detector must find in it. */
import type { ReportDocument } from '../ingest/report-document.js';
import type { AttainmentBand } from '../rules/attainment-band.js';
import type { TruthRule } from './ground-truth.js';
import type { IntendedMeasure } from './render-indicator.js';

/** What a correct detector must find for one measure of one 表3 row. */
export interface IndicatorTruth {
  departmentCode: string;
  year: number;
  /** 表3 row. */
  seq: number;
  /** Index in normaliseIndicator(...).measures. */
  measureIndex: number;
  /** Stable identity of the indicator across years (same for all years). */
  key: string;
  /** Rules a correct detector must find for this measure (empty: nothing). */
  rules: TruthRule[];
  /** Its attainment band, from the intended numbers; null when it is not evidence. */
  band: AttainmentBand | null;
  /** Its target against last year's actual (target ambition); null in a first year or when not comparable. */
  ambition: number | null;
}

/** One synthetic report. */
export interface SyntheticReport {
  departmentCode: string;
  document: ReportDocument;
}

/** A report as the lazy generator yields it: with its truth and the intended indicator measures. */
export interface GeneratedReport extends SyntheticReport {
  truth: IndicatorTruth[];
  /** Per 表3 row (in order), what its texts mean, in the normaliser's base units. */
  intended: IntendedMeasure[][];
}
