/**
 * The indicator normaliser: reads the target and actual cells of a performance indicator
 * (Chinese prose, as extracted from a PDF) into comparable measures. See docs/domain.md, "The
 * indicator language".
 *
 * Conventions (where the text leaves a choice):
 * - A bare number (`培育示范中心10个`) is comparator EQ with direction HIGHER_BETTER: exact counts
 *   are read as "at least" by convention. A bare number for a rate that is a cap by its nature, a
 *   bad thing or a cost (`公用经费控制率100%`, `投诉率5%`, `成本500万元`) is read as a cap: LTE,
 *   LOWER_BETTER, MEDIUM confidence. Direction: see indicator-direction.ts.
 * - Base units: see indicator-unit.ts. Percentages are fractions (90% → 0.9), money is in 万元
 *   (unit '万元'; 元 is divided by 10,000), 万/亿 multiply (170万人 → 1,700,000 人), dates are
 *   yyyymmdd numbers (unit '日期'), null when the year is not written.
 * - RANGE measures carry the lower bound in `target` and the upper in `targetHigh`; their
 *   direction follows the words (capped rates and bad things LOWER_BETTER, else HIGHER_BETTER),
 *   but no rule reads an attainment from a range.
 * - Confidence: HIGH when number, unit and comparator are all written in the cells; MEDIUM when
 *   one was borrowed (unit or comparator from the name, a bare actual read in the target's unit,
 *   an approximate 余/多, an actual that states a bound `≥266米`, a date without a day); LOW
 *   when OCR damage was repaired (`工95%`, `1O0%`) or the direction is in doubt (the rate's
 *   family and the comparator disagree, or neither settles it).
 * - Not understood: numbers that cannot be read with confidence (broken or fused numbers, units
 *   that disagree, several actual counts for one target without a total, bare values that could
 *   be fractions or percentages, ranks). A wrong number is worse than none.
 */
import { pairActual } from './indicator-actual.js';
import { prepareCell } from './indicator-cell.js';
import { readNameHints } from './indicator-name-hints.js';
import { readTarget } from './indicator-target.js';
import { isBlankCell } from './indicator-text.js';
import type { IndicatorMeasure } from '../../rules/indicator-measure.js';

export type NormaliseResult =
  | { understood: true; measures: IndicatorMeasure[] }
  | { understood: false; reason: string; measures: [] };

/** Column headings inside a cell: the cell was fused with its neighbours by the extraction. */
const HEADING = /预期实现值|实际完成值|年度指标值|年度目标值|全年实际值|指标名称/;

/**
 * A percentage of 1000 % or more (as a fraction, 10) is no rate a department reports: it is a
 * decimal point lost in print or extraction (`9522%` for `95.22%`), and read as written it would
 * make a huge attainment and a false RATIO finding. Such a cell is not understood.
 */
const PERCENT_LIMIT = 10;

/** The first percentage of the measures at or above PERCENT_LIMIT, as written, or null. */
function implausiblePercent(measures: readonly IndicatorMeasure[]): string | null {
  for (const m of measures) {
    if (m.unitKind !== 'PERCENT') continue;
    if ((m.actual ?? 0) >= PERCENT_LIMIT) return m.actualSource;
    if (m.target !== null && m.target >= PERCENT_LIMIT) return m.targetSource;
    if (m.targetHigh !== null && m.targetHigh >= PERCENT_LIMIT) return m.targetSource;
  }
  return null;
}

function notUnderstood(reason: string): NormaliseResult {
  return { understood: false, reason, measures: [] };
}

/** Reads a target text and an actual text (Chinese prose) into measures. */
export function normaliseIndicator(input: {
  name: string;
  target: string;
  actual: string;
}): NormaliseResult {
  const nameCell = prepareCell(input.name);
  const name = readNameHints(input.name);
  const target = prepareCell(input.target);
  const actual = prepareCell(input.actual);

  if (target.unreadable) return notUnderstood(`target: ${target.unreadable}`);
  if (actual.unreadable) return notUnderstood(`actual: ${actual.unreadable}`);
  for (const [label, cell] of [
    ['target', target],
    ['actual', actual],
  ] as const) {
    const heading = HEADING.exec(cell.compact);
    if (heading)
      return notUnderstood(`${label} holds the column heading '${heading[0]}': fused cells`);
  }
  if (isBlankCell(target.compact) && nameCell.quantities.length === 0)
    return notUnderstood('empty target');

  const reading = readTarget(target, nameCell, name);
  if ('reason' in reading) return notUnderstood(reading.reason);
  const paired = pairActual(reading.drafts, target, actual);
  if ('reason' in paired) return notUnderstood(paired.reason);
  const implausible = implausiblePercent(paired.measures);
  if (implausible !== null)
    return notUnderstood(
      `percentage '${implausible}' of 1000 % or more: a decimal point lost in print?`,
    );
  return { understood: true, measures: paired.measures };
}
