/**
 * Units of indicator values and their base forms.
 *
 * Base units (what IndicatorMeasure.target/actual are expressed in):
 * - percentages as fractions, unit '%' (90% → 0.9, 5‰ → 0.005);
 * - money in 万元, unit '万元' (budgets are in 万元, docs/domain.md; 元 values are divided by 10,000,
 *   亿元 multiplied by 10,000);
 * - people in 人 (名/位 are 人; 人次 stays its own unit: person-times are not persons);
 * - length in 米 (公里 → 1000 米), area in 平方米 (亩 stays 亩: no exact conversion), weight in 吨;
 * - durations keep their unit (天, 工作日, 小时, 月, 年): a working day is not a day;
 * - counts keep their measure word (个, 次, 册, 件, 期 …): 4 期 and 6000 册 are different things.
 */
import type { UnitKind } from '../../rules/indicator-measure.js';

/** A unit as written, with the power of ten that takes a value to the base unit. */
export interface Unit {
  /** Base-unit label stored on the measure. */
  label: string;
  kind: UnitKind;
  /** value in base unit = written value × 10^shift. */
  shift: number;
}

const percent = (shift: number): Unit => ({ label: '%', kind: 'PERCENT', shift });
const count = (label: string): Unit => ({ label, kind: 'COUNT', shift: 0 });
const people = (label: string): Unit => ({ label, kind: 'PEOPLE', shift: 0 });
const duration = (label: string): Unit => ({ label, kind: 'DURATION', shift: 0 });
const other = (label: string, shift = 0): Unit => ({ label, kind: 'OTHER', shift });

/** The unit of a percentage already written as a fraction (三分之二 → 0.667). */
export const FRACTION_UNIT: Unit = percent(0);

/** The unit of a date value (yyyymmdd). */
export const DATE_UNIT: Unit = { label: '日期', kind: 'DATE', shift: 0 };

const COUNT_WORDS = [
  '个次',
  '家次',
  '场次',
  '批次',
  '车次',
  '班次',
  '架次',
  '期次',
  '个',
  '次',
  '册',
  '件',
  '期',
  '项',
  '场',
  '份',
  '家',
  '所',
  '台',
  '套',
  '篇',
  '条',
  '批',
  '宗',
  '起',
  '例',
  '只',
  '头',
  '羽',
  '株',
  '棵',
  '张',
  '本',
  '部',
  '户',
  '单',
  '票',
  '轮',
  '届',
  '节',
  '课时',
  '学时',
  '座',
  '处',
  '栋',
  '间',
  '辆',
  '艘',
  '架',
  '支',
  '队',
  '首',
  '幅',
  '集',
  '卷',
  '种',
  '块',
  '根',
  '盏',
  '封',
  '类',
  '村',
  '宗次',
];

const UNITS: ReadonlyArray<readonly [string, Unit]> = [
  ['%', percent(-2)],
  ['百分比', percent(-2)],
  ['‰', percent(-3)],
  ['人次', people('人次')],
  ['人', people('人')],
  ['名', people('人')],
  ['位', people('人')],
  ...COUNT_WORDS.map((w) => [w, count(w)] as const),
  ['元', { label: '万元', kind: 'MONEY', shift: -4 }],
  ['公里', { label: '米', kind: 'LENGTH', shift: 3 }],
  ['千米', { label: '米', kind: 'LENGTH', shift: 3 }],
  ['km', { label: '米', kind: 'LENGTH', shift: 3 }],
  ['延米', { label: '米', kind: 'LENGTH', shift: 0 }],
  ['米', { label: '米', kind: 'LENGTH', shift: 0 }],
  ['厘米', { label: '米', kind: 'LENGTH', shift: -2 }],
  ['毫米', { label: '米', kind: 'LENGTH', shift: -3 }],
  ['平方公里', { label: '平方米', kind: 'AREA', shift: 6 }],
  ['平方千米', { label: '平方米', kind: 'AREA', shift: 6 }],
  ['平方米', { label: '平方米', kind: 'AREA', shift: 0 }],
  ['平米', { label: '平方米', kind: 'AREA', shift: 0 }],
  ['m2', { label: '平方米', kind: 'AREA', shift: 0 }],
  ['公顷', { label: '平方米', kind: 'AREA', shift: 4 }],
  ['亩', { label: '亩', kind: 'AREA', shift: 0 }],
  ['个工作日', duration('工作日')],
  ['工作日', duration('工作日')],
  ['个小时', duration('小时')],
  ['小时', duration('小时')],
  ['分钟', duration('分钟')],
  ['秒', duration('秒')],
  ['天', duration('天')],
  ['日', duration('天')],
  ['个月', duration('月')],
  ['个季度', duration('季度')],
  ['周', duration('周')],
  ['年', duration('年')],
  ['吨', other('吨')],
  ['千克', other('吨', -3)],
  ['公斤', other('吨', -3)],
  ['kg', other('吨', -3)],
  ['周岁', other('岁')],
  ['岁', other('岁')],
  ['个百分点', other('百分点')],
  ['百分点', other('百分点')],
  ['分', other('分')],
  ['倍', other('倍')],
  ['立方米', other('立方米')],
];

/**
 * Words that look like a unit after a number but make it a name, an ordinal or a part of speech:
 * 一周年 (anniversary), 110号, 3级, 五星, 一部分, 二期工程 is handled by the Chinese-numeral rules.
 */
const NOT_UNITS = ['周年', '号', '级', '星', '楼', '层', '版', '代', '部分', '年级', '方面', '大'];

const UNIT_WORDS = [...UNITS.map(([w]) => w), ...NOT_UNITS].sort((a, b) => b.length - a.length);
const UNIT_BY_WORD = new Map<string, Unit>(UNITS.map(([w, u]) => [w, u]));

/** What stands at a position: a unit, a word that rules the number out, or nothing. */
export type UnitHit =
  | { kind: 'unit'; unit: Unit; word: string; length: number }
  | { kind: 'not-unit'; word: string; length: number };

/** The longest unit word starting at `pos`, or null. */
export function unitAt(text: string, pos: number): UnitHit | null {
  for (const word of UNIT_WORDS) {
    if (!text.startsWith(word, pos)) continue;
    const unit = UNIT_BY_WORD.get(word);
    if (!unit) return { kind: 'not-unit', word, length: word.length };
    // ASCII units must not be the start of a longer word (5kgs, 3m2x).
    if (/^[a-z]/i.test(word) && /[A-Za-z]/.test(text[pos + word.length] ?? '')) return null;
    return { kind: 'unit', unit, word, length: word.length };
  }
  return null;
}

const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['千万', 7],
  ['百万', 6],
  ['十万', 5],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['百', 2],
];

/** A 万/亿-style multiplier after an Arabic number (170万人, 1.5亿元), or null. */
export function multiplierAt(text: string, pos: number): { exp: number; length: number } | null {
  for (const [word, exp] of MULTIPLIERS) {
    if (text.startsWith(word, pos)) return { exp, length: word.length };
  }
  return null;
}

/** Unit of a bare label such as the name's `(万元)` or `**平方米`: optional multiplier then a unit. */
export function unitFromLabel(label: string): { unit: Unit; exp: number } | null {
  const multiplier = multiplierAt(label, 0);
  const offset = multiplier?.length ?? 0;
  const hit = unitAt(label, offset);
  if (hit?.kind !== 'unit' || offset + hit.length !== label.length) {
    // 万元 and 万人 alone are covered above; a bare multiplier is not a unit.
    return null;
  }
  return { unit: hit.unit, exp: multiplier?.exp ?? 0 };
}

/** The base-unit label of a unit as written ('万元' → '万元', '元' → '万元', '名' → '人'), or the input when unknown. */
export function baseUnitLabel(written: string): string {
  const parsed = unitFromLabel(written);
  return parsed ? parsed.unit.label : written;
}
