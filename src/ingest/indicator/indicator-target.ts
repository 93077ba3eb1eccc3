/**
 * Reads a target cell into drafts of measures: one per quantity, zero phrase, deadline or
 * (without numbers) one milestone or qualitative measure. See docs/domain.md, "Indicators and the
 * target set too low problem".
 */
import type { PreparedCell } from './indicator-cell.js';
import { combineComparators } from './indicator-comparator.js';
import { dateValue } from './indicator-date.js';
import type { NameHints } from './indicator-name-hints.js';
import type { Comparator, Confidence, Direction, UnitKind } from '../../rules/indicator-measure.js';
import { writtenValue, type Quantity, type Written } from './indicator-quantity.js';
import { MASK } from './indicator-text.js';
import { DATE_UNIT, type Unit } from './indicator-unit.js';
import { decideDirection } from './indicator-direction.js';
import {
  PER_UNIT_NAME,
  PREVIOUS_YEAR_VALUE,
  QUALITATIVE_WORDS,
  RANKING,
  STRONG_MILESTONE,
  WEAK_MILESTONE,
  ZERO_TARGET,
} from './indicator-vocabulary.js';

/** A measure read from the target, before its actual is paired. */
export interface TargetDraft {
  kind: 'NUMERIC' | 'DEADLINE' | 'MILESTONE' | 'QUALITATIVE';
  comparator: Comparator;
  /** The number as written (for reading a bare actual in the same written unit). */
  low: Written | null;
  high: Written | null;
  unit: Unit | null;
  unitKind: UnitKind | null;
  target: number | null;
  targetHigh: number | null;
  direction: Direction;
  confidence: Confidence;
  source: string;
  position: number;
  /** The target is per unit or period (每月1次, 人均20小时); null when the name says so for both cells. */
  perUnit: boolean | null;
}

/** Drafts read from a target, or why it was not understood. */
export type TargetReading = { drafts: TargetDraft[] } | { reason: string };

/** The lower of two confidences. */
export function lowerConfidence(a: Confidence, b: Confidence): Confidence {
  const order: Confidence[] = ['LOW', 'MEDIUM', 'HIGH'];
  return order[Math.min(order.indexOf(a), order.indexOf(b))] ?? 'LOW';
}

const BOUNDARY = /[，,。；;:!！?？]/;

/** The clause (between boundaries) around a span: direction words belong to their clause. */
function clauseAround(text: string, start: number, end: number): { text: string; from: number } {
  let from = start;
  while (from > 0 && !BOUNDARY.test(text[from - 1] ?? '')) from--;
  let to = end;
  while (to < text.length && !BOUNDARY.test(text[to] ?? '')) to++;
  return { text: text.slice(from, to), from };
}

/** A bare number in a rate's cell: 95 is 95 %, 0 is 0; 0.95 or 1 could be either and is refused. */
function bareRateUnit(w: Written): Unit | null | 'ambiguous' {
  const v = writtenValue(w, null);
  if (v === 0) return { label: '%', kind: 'PERCENT', shift: -2 };
  if (v > 1 && v <= 100) return { label: '%', kind: 'PERCENT', shift: -2 };
  return 'ambiguous';
}

function readQuantity(
  q: Quantity,
  cell: PreparedCell,
  name: NameHints,
  fromName: boolean,
): TargetDraft | { reason: string } {
  let confidence: Confidence = fromName ? 'MEDIUM' : 'HIGH';
  let low = q.low;
  let high = q.high;
  let unit = q.unit;
  if (!unit && name.unit) {
    // Unit written only in the name: `培训人数(万人)` with a bare `50`.
    unit = name.unit.unit;
    low = { ...low, exp: low.exp + name.unit.exp };
    high = high && { ...high, exp: high.exp + name.unit.exp };
    confidence = 'MEDIUM';
  } else if (!unit && name.rate) {
    const rateUnit = bareRateUnit(low);
    if (rateUnit === 'ambiguous')
      return { reason: `bare number '${q.source}' for a rate: a fraction or a percentage?` };
    unit = rateUnit;
    confidence = 'MEDIUM';
  } else if (!unit) {
    confidence = 'MEDIUM';
  }

  // `295%`: ≥ fused into the number by OCR (≥95%). A share above 100 % whose tail is a usual
  // target cannot be told from the damage.
  if (
    unit?.kind === 'PERCENT' &&
    !q.prefix &&
    /^2\d{2,3}(?:\.\d+)?$/.test(low.digits) &&
    low.exp === 0
  ) {
    const tail = Number(low.digits.slice(1));
    if (tail >= 50 && tail <= 100)
      return { reason: `percentage '${q.source}' above 100 %: possibly ≥ damaged into '2'` };
  }

  const target = writtenValue(low, unit);
  const targetHigh = high ? writtenValue(high, unit) : null;
  let written: Comparator;
  if (targetHigh !== null) {
    if (targetHigh < target) return { reason: `range '${q.source}' runs backwards` };
    written = 'RANGE';
  } else {
    const combined = combineComparators(q.prefix, q.postfix);
    if (combined === 'conflict') return { reason: `'${q.source}' says both at least and at most` };
    if (combined) {
      written = combined;
    } else if (name.comparator) {
      written = name.comparator;
      confidence = 'MEDIUM';
    } else {
      // A bare number (the most common form): EQ until the words say which way is good.
      written = 'EQ';
    }
  }

  const clause = clauseAround(cell.compact, q.start, q.end);
  const decided = decideDirection({
    name: name.compact,
    clause: clause.text,
    quantityAt: q.start - clause.from,
    comparator: written,
    target,
    unitKind: unit?.kind ?? null,
  });
  confidence = lowerConfidence(confidence, decided.confidence);
  if (q.approx) confidence = lowerConfidence(confidence, 'MEDIUM');

  return {
    kind: 'NUMERIC',
    comparator: decided.comparator,
    low,
    high,
    unit,
    unitKind: unit?.kind ?? null,
    target,
    targetHigh,
    direction: decided.direction,
    confidence,
    source: fromName ? name.compact : q.source,
    position: q.start,
    perUnit: PER_UNIT_NAME.test(name.compact) ? null : q.perUnit,
  };
}

/**
 * Two quantities with nothing between them (`≥95%98%`, `4期6000册`): cells fused together, or
 * a list we cannot tell from one. A second quantity with its own comparator (`≥95%≥90分`) is a
 * second target.
 */
function fusedPair(quantities: readonly Quantity[]): Quantity | null {
  for (let k = 1; k < quantities.length; k++) {
    const a = quantities[k - 1];
    const b = quantities[k];
    if (a && b && a.end === b.start && !b.prefix) return b;
  }
  return null;
}

function zeroDrafts(cell: PreparedCell): TargetDraft[] {
  const drafts: TargetDraft[] = [];
  for (const m of cell.compact.matchAll(new RegExp(ZERO_TARGET.source, 'g'))) {
    const start = m.index;
    const end = start + m[0].length;
    // A zero written as a number (事故发生率为0) is read as a quantity already.
    if (cell.quantities.some((q) => q.start < end && q.end > start)) continue;
    const rate = /率|比例|占比/.test(m[0]);
    drafts.push({
      kind: 'NUMERIC',
      comparator: 'LTE',
      low: { digits: '0', exp: 0 },
      high: null,
      unit: rate ? { label: '%', kind: 'PERCENT', shift: -2 } : null,
      unitKind: rate ? 'PERCENT' : 'COUNT',
      target: 0,
      targetHigh: null,
      direction: 'LOWER_BETTER',
      confidence: 'HIGH',
      source: m[0],
      position: start,
      perUnit: null,
    });
  }
  return drafts;
}

/** The target is nothing but one date (`2023年12月31日`, `12月`): a deadline even without 前. */
function onlyADate(cell: PreparedCell): boolean {
  const rest = cell.masked.replace(new RegExp(`${MASK}+`, 'g'), '').replace(/[\p{P}\s]/gu, '');
  return (
    cell.dates.length === 1 &&
    /^(?:于|在|截至|截止)?(?:前|之前|以前|止|内)?(?:完成|建成|上线|办结)?$/.test(rest)
  );
}

function dateDrafts(cell: PreparedCell, hasQuantities: boolean): TargetDraft[] {
  const drafts: TargetDraft[] = [];
  const alone = !hasQuantities && onlyADate(cell);
  for (const d of cell.dates) {
    // A deadline is a requirement; a date range is one only when nothing else is measured.
    if (!d.deadline && !alone && !(d.range && !hasQuantities)) continue;
    const ranged = d.range && !d.deadline;
    drafts.push({
      kind: 'DEADLINE',
      comparator: ranged ? 'RANGE' : 'MILESTONE',
      low: null,
      high: null,
      unit: DATE_UNIT,
      unitKind: 'DATE',
      target: ranged ? dateValue(d.year, d.from) : dateValue(d.toYear, d.to),
      targetHigh: ranged ? dateValue(d.toYear, d.to) : null,
      direction: 'MILESTONE',
      confidence: d.precise ? 'HIGH' : 'MEDIUM',
      source: cell.compact.slice(
        d.start,
        Math.min(
          cell.compact.length,
          d.end +
            (/^(?:之前|以前)/.test(cell.compact.slice(d.end))
              ? 2
              : /^前/.test(cell.compact.slice(d.end))
                ? 1
                : 0),
        ),
      ),
      position: d.start,
      perUnit: null,
    });
  }
  return drafts;
}

function textDraft(cell: PreparedCell): TargetDraft {
  const text = cell.compact;
  const milestone =
    STRONG_MILESTONE.test(text) || (!QUALITATIVE_WORDS.test(text) && WEAK_MILESTONE.test(text));
  return {
    kind: milestone ? 'MILESTONE' : 'QUALITATIVE',
    comparator: milestone ? 'MILESTONE' : 'QUALITATIVE',
    low: null,
    high: null,
    unit: null,
    unitKind: null,
    target: null,
    targetHigh: null,
    direction: milestone ? 'MILESTONE' : 'QUALITATIVE',
    confidence: 'HIGH',
    source: text,
    position: 0,
    perUnit: null,
  };
}

/** Digits left in the masked text once codes (5G, ISO9001) are set aside: numbers nobody read. */
function unreadDigits(masked: string): string | null {
  const m = /(?<![A-Za-z\d.])\d[\d.,]*(?![A-Za-z\d])/.exec(masked);
  return m ? m[0] : null;
}

/**
 * Reads the target cell, with hints from the name. A target without a number of its own takes
 * the number written in the name (`…完成率100%`).
 */
export function readTarget(
  cell: PreparedCell,
  nameCell: PreparedCell,
  name: NameHints,
): TargetReading {
  const fused = fusedPair(cell.quantities);
  if (fused)
    return { reason: `two numbers side by side in the target ('${fused.source}'): fused cells?` };
  if (RANKING.test(cell.compact) && cell.quantities.length > 0)
    return { reason: 'ranking targets are not read' };
  // `≥**平方米`: a template's placeholder where the number should be.
  if (/\*{2,}|×{2,}|X{2,}/.test(cell.compact))
    return { reason: 'placeholder instead of a number in the target' };
  const ratio = /\d[:∶/]\d/.exec(cell.masked);
  if (ratio) return { reason: `ratio or fraction '${ratio[0]}' in the target is not read` };

  const drafts: TargetDraft[] = [];
  for (const q of cell.quantities) {
    if (PREVIOUS_YEAR_VALUE.test(cell.compact.slice(Math.max(0, q.numStart - 8), q.numStart)))
      continue;
    const draft = readQuantity(q, cell, name, false);
    if ('reason' in draft) return draft;
    // `95%以上(含95%)`: a bracketed repeat of the same bound is not a second target.
    const repeat =
      cell.compact[q.start - 1] === '(' || cell.compact.slice(q.start - 2, q.start) === '(含';
    if (
      repeat &&
      drafts.some((d) => d.unit?.label === draft.unit?.label && d.target === draft.target)
    )
      continue;
    drafts.push(draft);
  }
  drafts.push(...zeroDrafts(cell));
  drafts.push(...dateDrafts(cell, drafts.length > 0));

  if (drafts.length === 0) {
    const stray = unreadDigits(cell.masked);
    if (stray !== null)
      return { reason: `target has a number that could not be read ('${stray}')` };
    if (nameCell.quantities.length > 0 && !nameCell.unreadable) {
      for (const q of nameCell.quantities) {
        const draft = readQuantity(q, nameCell, name, true);
        if ('reason' in draft) return draft;
        drafts.push(draft);
      }
    } else {
      drafts.push(textDraft(cell));
    }
  }

  drafts.sort((a, b) => a.position - b.position);
  if (cell.repairs.length > 0) for (const d of drafts) d.confidence = 'LOW';
  return { drafts };
}
