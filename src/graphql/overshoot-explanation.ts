import type { Selectable } from 'kysely';
import type { MeasureView } from '../analytics/measure-facts.js';
import type { PreviousYearMeasure } from '../analytics/previous-year-rows.js';
import type { IndicatorsTable } from '../db/tables.js';
import { DEFAULT_CEILING_MAX_TARGET } from '../rules/thresholds.js';
import type { FindingRule } from './finding-explanation.js';
import { formatFraction } from './number-format.js';
import { measureValueText } from './target-signals.js';

/*
 * The explanation sentences of the single-indicator rules (docs/domain.md, "Rules for targets
 * set too low"): RATIO, CEILING, CHRONIC and the ratchet, for overshootIndicators,
 * targetRatchet and the measures of lowTargetRisk. Each quotes the figures the rule compared
 * and its threshold, in Chinese, fit for a letter to the department.
 */

/** The rules a single measure can fire. */
export type MeasureRule = Extract<FindingRule, 'RATIO' | 'CEILING' | 'CHRONIC' | 'RATCHET'>;

/** A measure with the 表3 row it was read from. */
export interface ExplainedMeasure {
  indicator: Selectable<IndicatorsTable>;
  measure: MeasureView;
}

/** How a comparator reads before the target value: 目标不低于 90.00%. */
const COMPARATOR_WORDS: Readonly<Record<string, string>> = {
  GTE: '不低于',
  GT: '超过',
  LTE: '不高于',
  LT: '低于',
  EQ: '为',
};

const lower = (m: Pick<MeasureView, 'direction'>) => m.direction === 'LOWER_BETTER';
const value = (v: number | null, m: Pick<MeasureView, 'unit'>) =>
  measureValueText(v, m.unit) ?? '—';

function target(m: MeasureView): string {
  const words = COMPARATOR_WORDS[m.comparator] ?? '为';
  return `目标${words} ${value(m.target, m)}${lower(m) ? '（越低越好）' : ''}`;
}

function attainment(m: Pick<MeasureView, 'direction' | 'attainment'>): string {
  return `完成比（${lower(m) ? '目标/实际' : '实际/目标'}）${formatFraction(m.attainment) ?? '—'}`;
}

/** Last year's row in words, in brackets: （2022年第2行“…”，匹配依据：…）. */
function previousRow(p: PreviousYearMeasure): string {
  return `（${p.indicator.year}年第${p.indicator.seq}行“${p.indicator.name}”，匹配依据：${p.matchedBy}）`;
}

/** One rule's clause, without the row it is about. */
function clause(
  rule: MeasureRule,
  m: MeasureView,
  minAttainment: number,
  previous: PreviousYearMeasure | null,
): string {
  switch (rule) {
    case 'RATIO':
      return `${target(m)}，实际 ${value(m.actual, m)}，${attainment(m)}，不低于超目标阈值 ${formatFraction(minAttainment)}`;
    case 'CEILING':
      return lower(m)
        ? `${target(m)}，实际 ${value(m.actual, m)}：目标高于 0 而实际为 0，已不可能更好（触顶）`
        : `${target(m)}，不高于触顶阈值 ${formatFraction(DEFAULT_CEILING_MAX_TARGET)}，实际 ${value(m.actual, m)}，${attainment(m)}：目标以上的空间全部用尽（触顶）`;
    case 'CHRONIC': {
      const before = previous
        ? `上年${previousRow(previous)}目标 ${value(previous.target, m)}，实际 ${value(previous.actual, m)}，${attainment({ direction: m.direction, attainment: previous.attainment })}`
        : '上年同一指标';
      return (
        `本年${target(m)}，实际 ${value(m.actual, m)}，${attainment(m)}；${before}：` +
        `连续两年超目标或触顶（超目标阈值 ${formatFraction(minAttainment)}，触顶阈值 ${formatFraction(DEFAULT_CEILING_MAX_TARGET)}）`
      );
    }
    case 'RATCHET': {
      const actual = previous?.actual ?? m.previous_actual;
      const where = previous ? previousRow(previous) : '';
      return lower(m)
        ? `本年目标 ${value(m.target, m)} 高于上年实际 ${value(actual, m)}${where}：目标未随已达到的水平收紧`
        : `本年目标 ${value(m.target, m)} 低于上年实际 ${value(actual, m)}${where}：目标未随已达到的水平提高`;
    }
  }
}

/**
 * A measure's findings in words: `2023年第2行“…”：` and one clause per rule that fired, or, when
 * none did, why not (the figures against the thresholds).
 */
export function explainMeasure(
  { indicator, measure }: ExplainedMeasure,
  rules: readonly MeasureRule[],
  minAttainment: number,
  previous: PreviousYearMeasure | null,
): string {
  const row = `${indicator.year}年第${indicator.seq}行“${indicator.name}”：`;
  if (rules.length === 0)
    return (
      `${row}${target(measure)}，实际 ${value(measure.actual, measure)}，${attainment(measure)}，` +
      `低于超目标阈值 ${formatFraction(minAttainment)}，未触顶：未触发规则。`
    );
  return `${row}${rules.map((r) => clause(r, measure, minAttainment, previous)).join('；')}。`;
}
