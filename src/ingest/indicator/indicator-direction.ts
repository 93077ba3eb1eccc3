/**
 * Which way is good for a numeric measure (docs/domain.md, "Direction"): the comparator written in
 * the cells or the name weighed against what the words say (a rate family, a reduction, a bad
 * thing, a cost). A wrong direction turns the attainment upside down and can accuse a department,
 * so where the words and the comparator disagree, or a rate's direction is left open by both, the
 * measure keeps a reading but at LOW confidence, which is never evidence.
 */
import { comparatorSense } from './indicator-comparator.js';
import type { Comparator, Confidence, Direction, UnitKind } from '../../rules/indicator-measure.js';
import {
  BAD_THING,
  COST_WORDS,
  HANDLING,
  REDUCTION_AFTER,
  REDUCTION_BEFORE,
  headFamily,
  type FamilyDirection,
} from './direction-vocabulary.js';

/** What the direction of one quantity is decided from. */
export interface DirectionQuestion {
  /** The indicator name, compact. */
  name: string;
  /** The clause of the cell that holds the quantity, compact. */
  clause: string;
  /** Where the quantity (with a comparator written before it) starts in the clause. */
  quantityAt: number;
  /** The comparator as written: EQ for a bare number, RANGE for a range. */
  comparator: Comparator;
  target: number;
  unitKind: UnitKind | null;
}

/** The decided direction, with the comparator it implies. */
export interface DirectionAnswer {
  /** A bare number read as a cap becomes LTE. */
  comparator: Comparator;
  direction: Direction;
  /**
   * The most confidence the direction allows: MEDIUM when a cap was assumed from the words, LOW
   * when the words and the comparator disagree or neither settles a rate's direction.
   */
  confidence: Confidence;
}

/**
 * What the words say about the quantity, before the comparator: a reduction (`下降10%`) is a fall,
 * better the bigger, whatever is falling; otherwise a percentage takes the family of the rate
 * named in its clause before it, or else in the indicator name (unless the name asks for a
 * fall). Families speak only for percentages: a name's rate says nothing about a count or a
 * duration in its cells (投诉办结率 with `办结时限不超过15个工作日`).
 */
function familySays(q: DirectionQuestion): FamilyDirection | null {
  const before = q.clause.slice(0, q.quantityAt);
  if (REDUCTION_BEFORE.test(before)) return 'HIGHER_BETTER';
  if (q.unitKind !== 'PERCENT') return null;
  const inClause = headFamily(before);
  if (inClause) return inClause.family.direction;
  const inName = headFamily(q.name);
  if (!inName) return null;
  // 投诉率同比下降 with `10%`: the name asks for a fall of the rate, not for its level.
  return REDUCTION_AFTER.test(inName.rest) ? 'HIGHER_BETTER' : inName.family.direction;
}

const directionOfSense = (sense: 'AT_LEAST' | 'AT_MOST'): Direction =>
  sense === 'AT_MOST' ? 'LOWER_BETTER' : 'HIGHER_BETTER';

/** Decides the direction of a quantity read from a target (or from the name). */
export function decideDirection(q: DirectionQuestion): DirectionAnswer {
  const says = familySays(q);
  // Bad things and costs are the fallback where no family speaks. Their lists are cruder than
  // the families (处罚案件不少于10件 counts enforcement), so they never overrule a comparator.
  const about = q.name + q.clause;
  const bad = says === null && BAD_THING.test(about) && !HANDLING.test(about);
  const cost =
    says === null &&
    q.unitKind === 'MONEY' &&
    (COST_WORDS.test(q.name) || COST_WORDS.test(q.clause));

  if (q.comparator === 'RANGE') {
    // No rule reads an attainment from a range; its direction is for display.
    const lower = says === 'LOWER_BETTER' || bad;
    return {
      comparator: 'RANGE',
      direction: lower ? 'LOWER_BETTER' : 'HIGHER_BETTER',
      confidence: 'HIGH',
    };
  }
  const sense = comparatorSense(q.comparator);
  if (sense !== 'OTHER') {
    const direction = directionOfSense(sense);
    const disagree = (says === 'LOWER_BETTER' || says === 'HIGHER_BETTER') && says !== direction;
    return { comparator: q.comparator, direction, confidence: disagree ? 'LOW' : 'HIGH' };
  }
  // A bare number (or 为 / 等于 / =): the words decide.
  if (q.target === 0) {
    // A zero target (0起, 为0) can only be a ceiling; a goal rate of 0 makes no sense.
    const conflict = says === 'HIGHER_BETTER';
    return { comparator: 'LTE', direction: 'LOWER_BETTER', confidence: conflict ? 'LOW' : 'HIGH' };
  }
  if (says === 'LOWER_BETTER' || bad || cost)
    return { comparator: 'LTE', direction: 'LOWER_BETTER', confidence: 'MEDIUM' };
  // The convention for a bare number is "at least"; for a rate defined both ways it is a guess.
  const unsettled = says === 'AMBIGUOUS';
  return {
    comparator: q.comparator,
    direction: 'HIGHER_BETTER',
    confidence: unsettled ? 'LOW' : 'HIGH',
  };
}
