/**
 * Attainments past plausibility (docs/domain.md, "Reconciliation", range checks). RATIO flags a
 * target beaten by 20 %; an actual ten times its target is no longer a target set too low but
 * most likely a misprint or a misread (a lost decimal point, a digit too many, 万 missing from one
 * cell). It stays a measure, and RATIO still fires, but a data-quality WARNING names it, so that
 * an analyst checks the printed cells before writing to the department about it. The finding is
 * made where the indicators are read for storing (load/report-rows.ts), from the same readings.
 */
import type { ReportTemplate } from '../../db/tables.js';
import { lineText } from '../figure-text.js';
import type { IndicatorRow, ParseNote } from '../report-document.js';
import type { IndicatorReading } from './indicator-facts.js';

/** Attainment at or above which a measure is suspicious: ten times the target. */
export const IMPLAUSIBLE_ATTAINMENT = 10;

/** The key-indicator table as each template names it. */
const TABLE: Readonly<Record<ReportTemplate, string>> = {
  GUANGZHOU: '表3',
  NATIONAL_53: '关键绩效指标表',
};

/** A WARNING for each measure whose attainment reaches IMPLAUSIBLE_ATTAINMENT. */
export function implausibleAttainments(
  template: ReportTemplate,
  rows: readonly IndicatorRow[],
  readings: readonly IndicatorReading[],
): ParseNote[] {
  const lineOf = new Map(rows.map((r) => [r.seq, r.line]));
  return readings.flatMap((reading) =>
    reading.measures
      .filter((m) => m.attainment !== null && m.attainment >= IMPLAUSIBLE_ATTAINMENT)
      .map((m): ParseNote => ({
        check: 'indicator.implausible_attainment',
        severity: 'WARNING',
        message: `${TABLE[template]}「${reading.name}」${lineText(lineOf.get(reading.seq))}：实际完成值「${m.actualSource ?? ''}」与预期值「${m.targetSource}」相比，完成程度为 ${m.attainment!.toFixed(2)} 倍，远超合理范围，请核对是否错印或漏印（小数点、单位）`,
        expected: null,
        actual: null,
      })),
  );
}
