/**
 * Writes one year of a synthetic indicator as the texts of a 表3 row (name, 预期实现值,
 * 实际完成值) and states what a correct reading of those texts gives: the intended measures, in
 * the normaliser's base units, for tests that hold the normaliser and the generator to each other.
 */
import type { Comparator, Direction } from '../rules/indicator-measure.js';
import { centsToDecimal } from './cents.js';
import type { IndicatorYear } from './indicator-series.js';
import { writtenUnitBase, type IndicatorTemplate } from './indicator-templates.js';

/** What one measure of the rendered texts means. */
export interface IntendedMeasure {
  comparator: Comparator;
  direction: Direction;
  /** Base unit label as the normaliser states it, or null. */
  unit: string | null;
  /** Target and actual in base units (90 % → 0.9, 170万人 → 1700000; dates as yyyymmdd). */
  target: number | null;
  actual: number | null;
  /** VALUE, COPIES_TARGET or SAYS_DONE for numeric measures; null where not stated. */
  actualKind: 'VALUE' | 'COPIES_TARGET' | 'SAYS_DONE' | null;
}

/** A rendered 表3 row. */
export interface RenderedIndicator {
  name: string;
  targetText: string;
  actualText: string;
  intended: IntendedMeasure[];
}

/** Where the department's indicator texts are set. */
export interface IndicatorContext {
  /** Brand of new-media accounts and bulletins (`示例平安`). */
  brand: string;
  /** Short place name (`示例`, `东湖`). */
  city: string;
  /** `全市`, `全区` or `全县`. */
  territory: string;
}

const DONE_TEXTS = ['达成预期指标。', '已完成年度目标任务。'];

/** Fills `{…}` placeholders and picks `{a|b}` alternatives by the year's wording variant. */
function fill(text: string, variant: number, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{([^{}]*)\}/g, (_, body: string) => {
    if (body.includes('|')) {
      const options = body.split('|');
      return options[variant % options.length]!;
    }
    const value = values[body];
    if (value === undefined) throw new Error(`unknown placeholder {${body}} in "${text}"`);
    return value;
  });
}

/** A written value in the normaliser's base unit, shifted in decimal as the normaliser does. */
function baseValue(hundredths: number, shift: number): number {
  return Number(`${centsToDecimal(hundredths)}e${shift}`);
}

/** The text without its closing full stop: what "the actual repeats the target" compares. */
function comparable(text: string): string {
  return text.replace(/[。.;；，,!！]+$/u, '');
}

/** Renders the year of an indicator as 表3 texts and its intended measures. */
export function renderIndicator(
  template: IndicatorTemplate,
  year: IndicatorYear,
  context: IndicatorContext,
): RenderedIndicator {
  const name = template.names[year.variant % template.names.length]!;
  const common: Record<string, string> = {
    Y: String(year.year),
    M: String(template.kind === 'DEADLINE' ? year.deadlineMonth : year.month),
    D: String(year.day),
    brand: context.brand,
    city: context.city,
    territory: context.territory,
  };
  if (template.kind !== 'NUMERIC') {
    const targetText = fill(template.target, year.variant, common);
    const actualText = fill(template.actual, year.variant, { ...common, M: String(year.month) });
    const deadline = template.kind === 'DEADLINE';
    return {
      name,
      targetText,
      actualText,
      intended: [
        {
          comparator: template.kind === 'QUALITATIVE' ? 'QUALITATIVE' : 'MILESTONE',
          direction: template.kind === 'QUALITATIVE' ? 'QUALITATIVE' : 'MILESTONE',
          unit: deadline ? '日期' : null,
          // A deadline without a year (`9月底前`) has no date value (never a guessed year).
          target: null,
          actual: deadline ? year.year * 10000 + year.month * 100 + year.day : null,
          actualKind: null,
        },
      ],
    };
  }
  const numbers: Record<string, string> = { ...common };
  template.measures.forEach((spec, m) => {
    const suffix = m === 0 ? '' : String(m + 1);
    const values = year.values[m]!;
    numbers[`T${suffix}`] = centsToDecimal(values.target);
    numbers[`A${suffix}`] = values.actual === null ? '' : centsToDecimal(values.actual);
  });
  const targetText = fill(template.target, year.variant, numbers);
  const zeroActual =
    template.actualZero !== null && year.values.length === 1 && year.values[0]!.actual === 0;
  const actualText = year.saysDone
    ? DONE_TEXTS[year.year % DONE_TEXTS.length]!
    : fill(zeroActual ? template.actualZero! : template.actual, year.variant, numbers);
  const copies = comparable(actualText) === comparable(targetText);
  const intended = template.measures.map((spec, m): IntendedMeasure => {
    const values = year.values[m]!;
    if (spec.kind === 'ZERO') {
      return {
        comparator: 'LTE',
        direction: 'LOWER_BETTER',
        unit: null,
        target: 0,
        actual: 0,
        actualKind: copies ? 'COPIES_TARGET' : 'VALUE',
      };
    }
    const base = writtenUnitBase(spec.unit);
    const lower = spec.kind === 'LB' || spec.kind === 'LBP' || spec.kind === 'COST';
    return {
      comparator: spec.comparator,
      direction: lower ? 'LOWER_BETTER' : 'HIGHER_BETTER',
      unit: base.label,
      target: baseValue(values.target, base.shift),
      actual: values.actual === null ? null : baseValue(values.actual, base.shift),
      actualKind: year.saysDone ? 'SAYS_DONE' : copies ? 'COPIES_TARGET' : 'VALUE',
    };
  });
  return { name, targetText, actualText, intended };
}
