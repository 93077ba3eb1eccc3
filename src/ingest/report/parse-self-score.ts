import type { Decimal } from '../../db/tables.js';
import { parseDecimal, printedDecimals, subtractDecimals } from '../decimal.js';
import type { SelfScore } from '../report-document.js';
import { ReportParseError } from './report-parse-error.js';
import type { JoinedText } from './source-text.js';

const NUM = String.raw`(\d+(?:\.\d+)?)`;

/** One statement of a self-score figure: its value, the line it is printed on, its decimals. */
export interface ScoreStatement {
  value: Decimal;
  line: number;
  decimals: number;
}

/** A score part's own analysis paragraph: `指标分值 50分，得分 49.99分，得分率为 99.98%`. */
export interface PartScore {
  weight: ScoreStatement | null;
  score: ScoreStatement | null;
  rate: ScoreStatement | null;
}

/** What 自评结论 states: the total, its weight and the two parts' scores, each where printed. */
export interface ConclusionScore {
  total: ScoreStatement | null;
  totalWeight: ScoreStatement | null;
  duty: ScoreStatement | null;
  management: ScoreStatement | null;
}

function find(text: JoinedText, pattern: RegExp): ScoreStatement | null {
  const match = pattern.exec(text.text);
  if (!match) return null;
  const value = parseDecimal(match[1]!);
  if (value === null) return null;
  const line = text.lineAt(match.index + match[0].indexOf(match[1]!));
  return { value, line, decimals: printedDecimals(match[1]!) };
}

/** Reads weight, score and rate from an analysis paragraph (履职效能分析 or 管理效率分析). */
export function parsePartScore(text: JoinedText): PartScore {
  return {
    weight: find(text, new RegExp(`(?:指标)?分值(?:为)?${NUM}分`)),
    score: find(text, new RegExp(`(?<!自评)得分(?:为)?${NUM}分`)),
    rate: find(text, new RegExp(`得分率(?:为)?${NUM}[%％]`)),
  };
}

/**
 * Reads 自评结论: total score (综合自评得分 96.97分), total weight (总分值为 100分) and the two parts
 * (履职效能得分 49.99分, 管理效率得分 46.98分), each where it is printed.
 */
export function parseConclusionScore(conclusion: JoinedText): ConclusionScore {
  return {
    total: find(conclusion, new RegExp(`自评(?:总)?得分(?:为)?${NUM}分`)),
    totalWeight: find(conclusion, new RegExp(`总分(?:值)?(?:为)?${NUM}分`)),
    duty: find(conclusion, new RegExp(`履职效能(?:指标)?得分(?:为)?${NUM}分`)),
    management: find(conclusion, new RegExp(`管理效率(?:指标)?得分(?:为)?${NUM}分`)),
  };
}

/**
 * The self-score from 自评结论, completed from each part's own paragraph: a part's score not in
 * the conclusion is the paragraph's, a total weight not stated is 100. Where both state a figure,
 * the conclusion's is kept and self-score-notes.ts says whether the paragraph agrees.
 */
export function parseSelfScore(
  file: string,
  conclusion: JoinedText,
  duty: PartScore,
  management: PartScore,
): SelfScore {
  const fail = (what: string): never => {
    throw new ReportParseError(file, '自评结论', conclusion.lineAt(0), `${what} not found`);
  };
  const stated = parseConclusionScore(conclusion);
  const total = stated.total?.value ?? fail('total self-score (自评得分 …分)');
  const totalWeight = stated.totalWeight?.value ?? '100';
  const dutyScore = stated.duty?.value ?? duty.score?.value ?? fail('duty score (履职效能得分)');
  const managementScore =
    stated.management?.value ?? management.score?.value ?? fail('management score (管理效率得分)');
  // The Guangzhou template weighs both parts 50; when a paragraph omits its weight, the other
  // part's weight fixes it, since the two add up to the total.
  const managementWeight =
    management.weight?.value ??
    (duty.weight
      ? subtractDecimals(totalWeight, duty.weight.value)
      : fail('management weight (指标分值)'));
  const dutyWeight = duty.weight?.value ?? subtractDecimals(totalWeight, managementWeight);
  return {
    total,
    totalWeight,
    duty: { score: dutyScore, weight: dutyWeight },
    management: { score: managementScore, weight: managementWeight },
  };
}
