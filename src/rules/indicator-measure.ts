/**
 * A measure: one comparable target of a performance indicator (表3) with its actual, as the
 * indicator normaliser reads it from the cells' prose and as the rules judge it. The model is
 * described in docs/domain.md, "The indicator language".
 */

export type Comparator = 'GTE' | 'GT' | 'LTE' | 'LT' | 'EQ' | 'RANGE' | 'MILESTONE' | 'QUALITATIVE';
export type Direction = 'HIGHER_BETTER' | 'LOWER_BETTER' | 'MILESTONE' | 'QUALITATIVE';
export type Confidence = 'HIGH' | 'MEDIUM' | 'LOW';
/** What the actual cell says, beyond a number. */
export type ActualKind = 'VALUE' | 'COPIES_TARGET' | 'SAYS_DONE' | 'NONE';
export type UnitKind =
  'PERCENT' | 'COUNT' | 'PEOPLE' | 'MONEY' | 'DATE' | 'LENGTH' | 'AREA' | 'DURATION' | 'OTHER';

export interface IndicatorMeasure {
  comparator: Comparator;
  /** Target in base units (% as a fraction: 90% -> 0.9; 170万人 -> 1700000; dates as yyyymmdd number); for RANGE the lower bound. */
  target: number | null;
  /** Upper bound for RANGE, else null. */
  targetHigh: number | null;
  /** Actual in the same base unit, or null when the actual cell gives no comparable number. */
  actual: number | null;
  /**
   * Normalised unit label in base form: '%', '人', '人次', '个', '次', '册', '件', '期', '万元'
   * (money is kept in 万元), '米', '平方米', '天', '工作日', '日期' … (see
   * src/ingest/indicator/indicator-unit.ts); null when no unit is written anywhere.
   */
  unit: string | null;
  unitKind: UnitKind | null;
  direction: Direction;
  confidence: Confidence;
  actualKind: ActualKind;
  /** The fragment of the target text this measure was read from (for explanation). */
  targetSource: string;
  /** The fragment of the actual text, or null. */
  actualSource: string | null;
}

const NUMERIC_COMPARATORS = new Set<Comparator>(['GTE', 'GT', 'LTE', 'LT', 'EQ']);

/**
 * A single numeric bound: a comparator against one number that is not a date. Ranges,
 * milestones, qualitative texts and deadlines have no attainment and are never evidence.
 */
export function isNumericBound(m: Pick<IndicatorMeasure, 'comparator' | 'unitKind'>): boolean {
  return NUMERIC_COMPARATORS.has(m.comparator) && m.unitKind !== 'DATE';
}

/** A cost cap (成本指标, 项目总成本 ≤ X 万元): spending below it is savings, not an easy target. */
export function isCostCap(m: Pick<IndicatorMeasure, 'unitKind' | 'direction'>): boolean {
  return m.unitKind === 'MONEY' && m.direction === 'LOWER_BETTER';
}
