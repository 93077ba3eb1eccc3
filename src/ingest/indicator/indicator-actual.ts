/**
 * Pairs the actual cell with the target drafts: actual values by unit and order, zero actuals
 * (无, 未发生, 未被扣分) for lower-better measures, completion dates for deadlines, and the
 * actuals that say nothing measurable (达成预期指标, 已完成) or copy the target.
 */
import type { PreparedCell } from './indicator-cell.js';
import { comparatorSense } from './indicator-comparator.js';
import { dateValue } from './indicator-date.js';
import type { ActualKind, Confidence, IndicatorMeasure } from '../../rules/indicator-measure.js';
import { writtenValue, type Quantity } from './indicator-quantity.js';
import { lowerConfidence, type TargetDraft } from './indicator-target.js';
import { comparableText, isBlankCell } from './indicator-text.js';
import type { Unit } from './indicator-unit.js';
import {
  CHANGE_BEFORE,
  NOT_DONE,
  REFERENCE_BEFORE,
  SAYS_DONE,
  ZERO_ACTUAL,
} from './indicator-vocabulary.js';

/** The actual found for one draft. */
interface Assignment {
  actual: number | null;
  kind: ActualKind;
  confidence: Confidence;
  source: string | null;
  /** Unit adopted from the actual when the target had none. */
  unit?: Unit;
  target?: number | null;
  /** The actual quantity carries its own at-least/at-most word (`≥266米`, `88.32%及以上`). */
  bounded?: boolean;
}

/** Measures with their actuals, or why the pair of cells was not understood. */
export type PairingResult = { measures: IndicatorMeasure[] } | { reason: string };

function isNumeric(d: TargetDraft): boolean {
  return d.kind === 'NUMERIC';
}

/** Whether a quantity in an actual cell carries a bound word: it states a bound, not a value. */
function bounded(q: Quantity): boolean {
  const words = [q.prefix, q.postfix].filter((c) => c !== null);
  // 达 / 达到 / 为 say "reached", not "at least": they are not bounds.
  return words.some(
    (c) => comparatorSense(c.comparator) !== 'OTHER' && !/^(?:达到?|为)$/.test(c.word),
  );
}

function sameValue(a: number | null, b: number | null): boolean {
  return (
    a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
  );
}

/** Reads a quantity from the actual against a draft's unit. */
function valueAgainst(q: Quantity, d: TargetDraft): Assignment | { reason: string } {
  if (d.perUnit !== null && d.perUnit !== q.perUnit) {
    return {
      reason: `per-unit and total values mixed: target '${d.source}', actual '${q.source}'`,
    };
  }
  if (q.high) return { reason: `actual given as a range ('${q.source}')` };
  let confidence: Confidence = q.approx ? 'MEDIUM' : 'HIGH';
  let actual: number;
  if (q.unit) {
    actual = writtenValue(q.low, q.unit);
  } else if (d.unit?.kind === 'PERCENT') {
    // A bare 98 against a percentage target is 98 %; a bare 1 or 0.98 could be either.
    const v = writtenValue(q.low, null);
    if (v !== 0 && !(v > 1 && v <= 100))
      return {
        reason: `bare actual '${q.source}' against a percentage: a fraction or a percentage?`,
      };
    actual = writtenValue(q.low, { ...d.unit, shift: -2 });
    confidence = 'MEDIUM';
  } else {
    // A bare actual is read in the unit the target was written in (170万人 → 210.96 is 万人).
    actual = writtenValue(
      { digits: q.low.digits, exp: q.low.exp + (q.low.exp === 0 ? (d.low?.exp ?? 0) : 0) },
      d.unit,
    );
    confidence = 'MEDIUM';
  }
  const isBound = bounded(q);
  if (isBound && !sameValue(actual, d.target)) confidence = lowerConfidence(confidence, 'MEDIUM');
  return { actual, kind: 'VALUE', confidence, source: q.source, bounded: isBound };
}

/** A target without any unit adopts the actual's (`≥500` against `520人`). */
function adoptUnit(q: Quantity, d: TargetDraft): Assignment | { reason: string } {
  if (!q.unit || !d.low) return valueAgainst(q, d);
  let unit = q.unit;
  let target: number;
  if (unit.kind === 'PERCENT') {
    const v = writtenValue(d.low, null);
    if (v !== 0 && !(v > 1 && v <= 100))
      return {
        reason: `bare target '${d.source}' against a percentage actual: a fraction or a percentage?`,
      };
    unit = { ...unit, shift: -2 };
    target = writtenValue(d.low, unit);
  } else {
    target = writtenValue({ digits: d.low.digits, exp: d.low.exp + q.low.exp }, unit);
  }
  const read = valueAgainst(q, { ...d, unit, target });
  if ('reason' in read) return read;
  return { ...read, unit: q.unit, target, confidence: lowerConfidence(read.confidence, 'MEDIUM') };
}

function doneOrNone(actual: PreparedCell): Assignment {
  if (NOT_DONE.test(actual.compact))
    return { actual: null, kind: 'NONE', confidence: 'HIGH', source: null };
  const done = SAYS_DONE.exec(actual.compact);
  if (done) return { actual: null, kind: 'SAYS_DONE', confidence: 'HIGH', source: done[0] };
  return { actual: null, kind: 'NONE', confidence: 'HIGH', source: null };
}

/** Candidates for one target among several same-unit actual values: drop restated bounds, changes and parts. */
function narrow(
  cands: Quantity[],
  want: number,
  drafts: TargetDraft[],
  actual: PreparedCell,
): Quantity[] {
  let out = cands;
  const keep = (filtered: Quantity[]): void => {
    if (out.length > want && filtered.length >= want) out = filtered;
  };
  // `≥95%，实际98%`: the restated target goes.
  keep(
    out.filter(
      (q) => !(bounded(q) && drafts.some((d) => sameValue(writtenValue(q.low, q.unit), d.target))),
    ),
  );
  // `98.6%（目标95%）`: the target quoted in the actual goes.
  keep(
    out.filter(
      (q) => !REFERENCE_BEFORE.test(actual.compact.slice(Math.max(0, q.numStart - 6), q.numStart)),
    ),
  );
  // `较上年提高3%`: a change against last year is not the measure.
  keep(
    out.filter((q) => !CHANGE_BEFORE.test(actual.compact.slice(Math.max(0, q.start - 6), q.start))),
  );
  // `共14场，其中线上6场`: the parts after 其中 go.
  const partsFrom = actual.compact.indexOf('其中');
  if (partsFrom >= 0) keep(out.filter((q) => q.start < partsFrom));
  return out;
}

/**
 * Pairs actual quantities with the numeric drafts: by unit, then order. One target against several
 * percentages (`提捕案件率95.22%、移送审查95.02%`) becomes one measure per percentage; one target
 * against several counts needs a total (共 / 合计), else it is not understood.
 */
function pairNumeric(
  drafts: TargetDraft[],
  actual: PreparedCell,
): Map<TargetDraft, Assignment[]> | { reason: string } {
  const result = new Map<TargetDraft, Assignment[]>();
  const used = new Set<Quantity>();
  const numeric = drafts.filter(isNumeric);
  const labels = [
    ...new Set(numeric.map((d) => d.unit?.label).filter((l): l is string => l !== undefined)),
  ];

  for (const label of labels) {
    const group = numeric.filter((d) => d.unit?.label === label);
    let cands = actual.quantities.filter((q) => !used.has(q) && q.unit?.label === label);
    if (cands.length === 0) continue;
    cands = narrow(cands, group.length, group, actual);
    let chosen: Quantity[][];
    if (cands.length === group.length) {
      chosen = cands.map((q) => [q]);
    } else if (group.length === 1 && label === '%') {
      chosen = [cands];
    } else if (group.length === 1 && cands.filter((q) => q.total).length === 1) {
      chosen = [cands.filter((q) => q.total)];
    } else {
      return {
        reason: `${group.length} target(s) in ${label} against ${cands.length} actual values in ${label}`,
      };
    }
    for (const [k, d] of group.entries()) {
      const assignments: Assignment[] = [];
      for (const q of chosen[k] ?? []) {
        const read = valueAgainst(q, d);
        if ('reason' in read) return read;
        assignments.push(read);
        used.add(q);
      }
      result.set(d, assignments);
    }
    for (const q of cands) used.add(q);
  }

  for (const d of numeric) {
    if (result.has(d)) continue;
    const unused = actual.quantities.filter((q) => !used.has(q));
    const unitless = unused.filter((q) => q.unit === null);
    const zero = unused.find((q) => writtenValue(q.low, q.unit) === 0);
    let assignment: Assignment | { reason: string };
    const said = d.direction === 'LOWER_BETTER' ? ZERO_ACTUAL.exec(actual.compact) : null;
    const single = unused.length === 1 ? unused[0] : undefined;
    if (d.direction === 'LOWER_BETTER' && zero) {
      // Zero is zero in any unit (扣0分 against a cap of 5 % of the points).
      assignment = { actual: 0, kind: 'VALUE', confidence: 'HIGH', source: zero.source };
      used.add(zero);
    } else if (said) {
      // 未被扣分, 未发生安全事故: "none happened" refers to a lower-better measure.
      assignment = { actual: 0, kind: 'VALUE', confidence: 'HIGH', source: said[0] };
    } else if (
      d.unit === null &&
      single &&
      !(d.unitKind === 'COUNT' && single.unit?.kind === 'PERCENT')
    ) {
      // A target without a unit (`≥500`, 不发生安全事故) takes the only actual number's.
      assignment = adoptUnit(single, d);
      used.add(single);
    } else if (d.unit !== null && unitless.length === 1 && unitless[0]) {
      assignment = valueAgainst(unitless[0], d);
      used.add(unitless[0]);
    } else {
      const plain = doneOrNone(actual);
      const others = unused.filter((q) => q.unit !== null);
      if (plain.kind === 'NONE' && others.length > 0) {
        const units = [...new Set(others.map((q) => q.unit?.label))].join(', ');
        return {
          reason: `units disagree: target in ${d.unit?.label ?? 'no unit'}, actual in ${units}`,
        };
      }
      assignment = plain;
    }
    if ('reason' in assignment) return assignment;
    result.set(d, [assignment]);
  }
  return result;
}

/**
 * The completion date of a deadline. An actual date without a year (`12月20日完成`) takes the
 * target's year, with MEDIUM confidence; without a year on either side it has no value.
 */
function pairDeadline(d: TargetDraft, actual: PreparedCell): Assignment {
  const targetYear = d.target !== null ? Math.floor(d.target / 10000) : null;
  const values = actual.dates
    .map((date) => ({
      date,
      value: dateValue(date.toYear ?? targetYear, date.to),
      borrowed: date.toYear === null,
    }))
    .filter((x) => x.value !== null);
  if (values.length === 0) return doneOrNone(actual);
  // Several dates (启动…, 完成…): the work was done by the latest.
  const latest = values.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a));
  const sure = values.length === 1 && latest.date.precise && !latest.borrowed;
  const confidence: Confidence = sure ? 'HIGH' : 'MEDIUM';
  return { actual: latest.value, kind: 'VALUE', confidence, source: latest.date.text };
}

/** Pairs the actual cell with the drafts and builds the measures. */
export function pairActual(
  drafts: TargetDraft[],
  target: PreparedCell,
  actual: PreparedCell,
): PairingResult {
  const blank = isBlankCell(actual.compact);
  const copies = !blank && comparableText(actual.compact) === comparableText(target.compact);
  let numeric: Map<TargetDraft, Assignment[]>;
  if (blank) {
    numeric = new Map();
  } else {
    const paired = pairNumeric(drafts, actual);
    if ('reason' in paired) return paired;
    numeric = paired;
  }

  const measures: IndicatorMeasure[] = [];
  for (const d of drafts) {
    let assignments: Assignment[];
    if (blank) assignments = [{ actual: null, kind: 'NONE', confidence: 'HIGH', source: null }];
    else if (d.kind === 'NUMERIC') assignments = numeric.get(d) ?? [doneOrNone(actual)];
    else if (d.kind === 'DEADLINE') assignments = [pairDeadline(d, actual)];
    else assignments = [doneOrNone(actual)];

    for (const a of assignments) {
      let kind = a.kind;
      const target = a.target !== undefined ? a.target : d.target;
      // An actual that repeats the target (the same text, or the same bound `≥95%`) says nothing.
      if (copies || (kind === 'VALUE' && a.bounded && sameValue(a.actual, target)))
        kind = 'COPIES_TARGET';
      let confidence = lowerConfidence(d.confidence, a.confidence);
      if (actual.repairs.length > 0) confidence = 'LOW';
      const unit = a.unit ?? d.unit;
      measures.push({
        comparator: d.comparator,
        target,
        targetHigh: d.targetHigh,
        actual: a.actual,
        unit: unit?.label ?? null,
        unitKind: unit?.kind ?? d.unitKind,
        direction: d.direction,
        confidence,
        actualKind: kind,
        targetSource: d.source,
        actualSource: copies ? actual.compact : a.source,
      });
    }
  }
  return { measures };
}
