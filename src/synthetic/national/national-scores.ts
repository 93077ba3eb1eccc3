/**
 * Scores of one synthetic national report (synthetic demo data): most rows get full marks; a few
 * lose a share of their weight by chance, as real self-scores do, and 预算完成率 loses points with
 * the execution rate below 100 %. Each loss is stated in the evaluation prose with its reason, or
 * only visible in the table (docs/domain.md, "Deductions and their trends").
 */
import { centsToDecimal, formatCents } from '../cents.js';
import type { Random } from '../random.js';
import { FRAMEWORK_ROWS, type FrameworkRow } from './national-framework.js';

/** A framework row with its score, in hundredths of a point. */
export interface ScoredFrameworkRow extends FrameworkRow {
  score: number;
  /** The reason the evaluation states for the lost points, or null when only the table shows them. */
  statedReason: string | null;
}

/** Points lost on 预算完成率 for an execution rate below 100 % (both in hundredths). */
function executionLoss(weight: number, executionRate: number): number {
  return Math.min(weight, Math.round(((10000 - executionRate) * weight) / 5000));
}

/** Scores the framework for a department whose execution rate is `executionRate` (9615 = 96.15 %). */
export function scoreFramework(executionRate: number, rng: Random): ScoredFrameworkRow[] {
  const rate = formatCents(executionRate, { separators: false });
  return FRAMEWORK_ROWS.map((row) => {
    let lost = 0;
    if (row.level3 === '预算完成率') lost = executionLoss(row.weight, executionRate);
    else if (rng.chance(row.lossChance)) {
      // A share of the weight, in tenths of a point, never all of it.
      lost = Math.max(10, Math.round((row.weight * rng.between(0.05, 0.5)) / 10) * 10);
    }
    const reason = row.reason.replace('{rate}', rate);
    return {
      ...row,
      reason,
      score: row.weight - lost,
      statedReason: lost > 0 && rng.chance(0.75) ? reason : null,
    };
  });
}

/** A score or weight as printed in the table: canonical (`3.5`) or with two decimals (`3.50`). */
export function printedPoints(hundredths: number, twoDecimals: boolean): string {
  return twoDecimals ? formatCents(hundredths, { separators: false }) : centsToDecimal(hundredths);
}
