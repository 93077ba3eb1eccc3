import { parseDecimal, subtractDecimals } from '../decimal.js';
import type { SelfScore } from '../report-document.js';
import { ReportParseError } from './report-parse-error.js';
import type { JoinedText } from './source-text.js';

const NUM = String.raw`(\d+(?:\.\d+)?)`;

/** A score part's own analysis paragraph: `指标分值 50分，得分 49.99分，得分率为 99.98%`. */
export interface PartScore {
  weight: string | null;
  score: string | null;
}

function find(text: JoinedText, pattern: RegExp): string | null {
  const match = pattern.exec(text.text);
  return match ? parseDecimal(match[1]!) : null;
}

/** Reads weight and score from an analysis paragraph (履职效能分析 or 管理效率分析). */
export function parsePartScore(text: JoinedText): PartScore {
  return {
    weight: find(text, new RegExp(`(?:指标)?分值(?:为)?${NUM}分`)),
    score: find(text, new RegExp(`(?<!自评)得分(?:为)?${NUM}分`)),
  };
}

/**
 * Reads 自评结论: total score (综合自评得分 96.97分), total weight (总分值为 100分) and the two parts
 * (履职效能得分 49.99分, 管理效率得分 46.98分), completed from each part's own paragraph.
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
  const total =
    find(conclusion, new RegExp(`自评(?:总)?得分(?:为)?${NUM}分`)) ??
    fail('total self-score (自评得分 …分)');
  const totalWeight = find(conclusion, new RegExp(`总分(?:值)?(?:为)?${NUM}分`)) ?? '100';
  const dutyScore =
    find(conclusion, new RegExp(`履职效能(?:指标)?得分(?:为)?${NUM}分`)) ??
    duty.score ??
    fail('duty score (履职效能得分)');
  const managementScore =
    find(conclusion, new RegExp(`管理效率(?:指标)?得分(?:为)?${NUM}分`)) ??
    management.score ??
    fail('management score (管理效率得分)');
  // The Guangzhou template weighs both parts 50; when a paragraph omits its weight, the other
  // part's weight fixes it, since the two add up to the total.
  const managementWeight =
    management.weight ??
    (duty.weight
      ? subtractDecimals(totalWeight, duty.weight)
      : fail('management weight (指标分值)'));
  const dutyWeight = duty.weight ?? subtractDecimals(totalWeight, managementWeight);
  return {
    total,
    totalWeight,
    duty: { score: dutyScore, weight: dutyWeight },
    management: { score: managementScore, weight: managementWeight },
  };
}
