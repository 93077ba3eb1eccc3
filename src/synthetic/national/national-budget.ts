/**
 * Budget figures of one synthetic national report (synthetic demo data), in integer cents of 万元
 * (docs/domain.md, "Money, numbers and ratios": amounts are exact): total, basic (personnel +
 * public) and project expenditure at the three stages, the execution rate and the shares as the
 * report states them, and final expenditure by functional class. The parts add up to their totals
 * exactly at every stage, and no stated percentage lies on a rounding half (which binary floating
 * point might round the other way when reconciliation recomputes it).
 */
import type { NatureCategory } from '../../db/tables.js';
import { percentHundredths, splitCents } from '../cents.js';
import type { Random } from '../random.js';

/** 年初预算数 / 全年预算数 / 决算数 in cents. */
export interface StageCents {
  initial: number;
  fullYear: number;
  final: number;
}

/** The figures of one report. */
export interface NationalBudget {
  byNature: Record<NatureCategory, StageCents>;
  /** final / full-year budget, basic / final, project / final, in hundredths of a percent. */
  executionRate: number;
  basicShare: number;
  projectShare: number;
  /** Final expenditure by functional class (功能分类 names of function-classes.ts). */
  expenditureByFunction: { functionClass: string; cents: number }[];
}

/** Splits a stage's total into basic (personnel + public) and project amounts. */
function split(total: number, basicShare: number, personnelShare: number) {
  const basic = Math.round(total * basicShare);
  const personnel = Math.round(basic * personnelShare);
  return { basic, personnel, public: basic - personnel, project: total - basic };
}

function pickExecution(rng: Random): number {
  const [lo, hi] = rng.weighted<readonly [number, number]>([
    [[0.985, 1], 0.5],
    [[0.95, 0.985], 0.35],
    [[0.86, 0.95], 0.15],
  ]);
  return rng.between(lo, hi);
}

/**
 * Plans the figures: an initial budget of a few hundred to tens of thousands of 万元, a full-year
 * budget a few percent off it, final expenditure 86-100 % of the full-year budget, basic
 * expenditure 55-85 % of each stage's total. `classes` are the functional classes the department
 * spends in, its main class first.
 */
export function planNationalBudget(classes: readonly string[], rng: Random): NationalBudget {
  const initial = Math.round(Math.exp(rng.between(Math.log(300), Math.log(50000))) * 100);
  for (let attempt = 0; attempt < 200; attempt++) {
    const fullYear = Math.round(initial * rng.between(0.95, 1.08));
    const final = Math.round(fullYear * pickExecution(rng));
    const basicShare = rng.between(0.55, 0.85);
    const personnelShare = rng.between(0.75, 0.93);
    const stages = {
      initial: split(initial, basicShare + rng.between(-0.02, 0.02), personnelShare),
      fullYear: split(fullYear, basicShare + rng.between(-0.02, 0.02), personnelShare),
      final: split(final, basicShare, personnelShare + rng.between(-0.02, 0.02)),
    };
    const execution = percentHundredths(final, fullYear);
    const basic = percentHundredths(stages.final.basic, final);
    const project = percentHundredths(stages.final.project, final);
    if (execution.tie || basic.tie || project.tie || execution.value < 8500) continue;
    const at = (part: 'basic' | 'personnel' | 'public' | 'project'): StageCents => ({
      initial: stages.initial[part],
      fullYear: stages.fullYear[part],
      final: stages.final[part],
    });
    const weights = classes.map((_, i) =>
      i === 0 ? rng.between(0.55, 0.85) : rng.between(0.02, 0.12),
    );
    const byClass = splitCents(final, weights);
    return {
      byNature: {
        TOTAL: { initial, fullYear, final },
        BASIC: at('basic'),
        PERSONNEL: at('personnel'),
        PUBLIC: at('public'),
        PROJECT: at('project'),
      },
      executionRate: execution.value,
      basicShare: basic.value,
      projectShare: project.value,
      expenditureByFunction: classes.map((functionClass, i) => ({
        functionClass,
        cents: byClass[i]!,
      })),
    };
  }
  throw new Error('synthetic national budget: no acceptable figures after 200 attempts');
}
