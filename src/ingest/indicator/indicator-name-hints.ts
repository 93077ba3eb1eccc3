/**
 * What an indicator name tells about its target: a comparator or unit written only in the name
 * (`公猪舍(≥**平方米)`, `培训人数(人次)`, `满意度(%)`), and whether it names a rate.
 */
import { comparatorInName } from './indicator-comparator.js';
import type { Comparator } from '../../rules/indicator-measure.js';
import { compactText, foldIndicatorText } from './indicator-text.js';
import { unitFromLabel, type Unit } from './indicator-unit.js';

/** Hints read from an indicator name. */
export interface NameHints {
  compact: string;
  comparator: Comparator | null;
  /** Unit (with its multiplier, e.g. 万元 → 元 × 10^4) written in the name. */
  unit: { unit: Unit; exp: number } | null;
  /** The name is a rate or share (…率, 比例, 占比, 满意度): a bare 95 is 95 %. */
  rate: boolean;
}

const OPERATOR_NOISE =
  /[≥≤<>=*\d.,]|及以上|以上|以下|以内|不低于|不少于|不高于|不多于|不超过|低于|超过|单位[:：]?/g;

/** Reads comparator and unit hints from an indicator name. */
export function readNameHints(name: string): NameHints {
  const compact = compactText(foldIndicatorText(name));
  let unit: NameHints['unit'] = null;
  for (const m of compact.matchAll(/[(\[【]([^()[\]【】]*)[)\]】]/g)) {
    const label = (m[1] ?? '').replace(OPERATOR_NOISE, '');
    unit = unitFromLabel(label);
    if (unit) break;
  }
  if (!unit) {
    // `≥**平方米` outside brackets: a placeholder for the number, then the unit.
    const star = /\*+([^*()（）]{1,5})$/.exec(compact);
    if (star?.[1]) unit = unitFromLabel(star[1]);
  }
  return {
    compact,
    comparator: comparatorInName(compact),
    unit,
    rate: /率|比例|占比|满意度|百分比/.test(compact),
  };
}
