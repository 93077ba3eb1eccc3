/**
 * Budget figures of a synthetic department over the corpus years (synthetic demo data), in
 * integer cents of 万元, anchored on the real report (docs/domain.md, "Figures in the real report"):
 * basic expenditure 55-85 % of the total with personnel its larger part, full-year budgets a
 * few percent off the initial ones, execution rates 85-100 %, revenue and final expenditure by
 * functional class adding up to the totals. A few reports carry a 0.01 rounding difference, as
 * the real one does; nothing records it: reconciliation finds it (as INFO).
 */
import type { NatureCategory } from '../db/tables.js';
import { percentHundredths, splitCents } from './cents.js';
import type { DepartmentProfile } from './department-catalog.js';
import type { Random } from './random.js';

/** 年初预算数 / 全年预算数 / 决算数 in cents. */
export interface StageCents {
  initial: number;
  fullYear: number;
  final: number;
}

/** An amount by functional class (功能分类), in cents. */
export interface ClassCents {
  functionClass: string;
  cents: number;
}

/** One year's figures. */
export interface BudgetYear {
  byNature: Record<NatureCategory, StageCents>;
  revenue: ClassCents[];
  expenditure: ClassCents[];
  /** final / full-year budget in hundredths of a percent (99.15 % → 9915). */
  executionRate: number;
  basicShare: number;
  projectShare: number;
}

/** Share of reports with a published 0.01 rounding difference. */
export const ROUNDING_SLIP_SHARE = 0.04;

interface ClassWeight {
  functionClass: string;
  weight: number;
}

function classWeights(profile: DepartmentProfile, rng: Random): ClassWeight[] {
  const extras = rng.sample(
    profile.type.extraClasses,
    rng.int(2, Math.min(4, profile.type.extraClasses.length)),
  );
  const weights: ClassWeight[] = [
    { functionClass: profile.type.mainClass, weight: rng.between(0.55, 0.85) },
  ];
  for (const functionClass of extras) {
    const weight =
      functionClass === '卫生健康' && profile.type.mainClass !== '卫生健康'
        ? rng.between(0.005, 0.02)
        : rng.between(0.02, 0.12);
    weights.push({ functionClass, weight });
  }
  return weights;
}

/** Execution rate (final / full-year budget): mostly close to 100 %, sometimes well below. */
function pickExecution(rng: Random): number {
  const [lo, hi] = rng.weighted<readonly [number, number]>([
    [[0.985, 1], 0.5],
    [[0.95, 0.985], 0.35],
    [[0.86, 0.95], 0.15],
  ]);
  return rng.between(lo, hi);
}

/** Applies a 0.01 difference to one printed part, as real reports sometimes publish. */
function roundingSlip(year: BudgetYear, rng: Random): void {
  const delta = rng.chance(0.5) ? 1 : -1;
  const where = rng.int(0, 2);
  if (where === 0) rng.pick(year.revenue).cents += delta;
  else if (where === 1) rng.pick(year.expenditure).cents += delta;
  else {
    const stage = rng.pick(['initial', 'fullYear', 'final'] as const);
    year.byNature[rng.chance(0.5) ? 'PERSONNEL' : 'PUBLIC'][stage] += delta;
  }
}

function yearFigures(
  initialTotal: number,
  basicShare: number,
  personnelShare: number,
  classes: readonly ClassWeight[],
  rng: Random,
): BudgetYear {
  for (let attempt = 0; ; attempt++) {
    const b = Math.min(0.84, Math.max(0.56, basicShare + rng.between(-0.03, 0.03)));
    const p = Math.min(0.95, Math.max(0.7, personnelShare + rng.between(-0.02, 0.02)));
    const basicI = Math.round(initialTotal * b);
    const personnelI = Math.round(basicI * p);
    const publicI = basicI - personnelI;
    const projectI = initialTotal - basicI;
    const personnelF = Math.round(personnelI * rng.between(0.97, 1.03));
    const publicF = Math.round(publicI * rng.between(0.9, 1.25));
    const projectF = Math.round(projectI * rng.between(0.9, 1.12));
    const fullYear = personnelF + publicF + projectF;
    const final = Math.round(fullYear * pickExecution(rng));
    const personnelX = Math.round(personnelF * rng.between(0.985, 1));
    const publicX = Math.round(publicF * rng.between(0.93, 1));
    const basicX = personnelX + publicX;
    const projectX = final - basicX;
    const execution = percentHundredths(final, fullYear);
    const basic = percentHundredths(basicX, final);
    const project = percentHundredths(projectX, final);
    const acceptable =
      Math.abs(fullYear - initialTotal) <= initialTotal * 0.06 &&
      projectX >= 0 &&
      projectX <= projectF &&
      execution.value >= 8500 &&
      // Basic share 55-85 % exactly (not only as printed).
      basicX * 100 >= final * 55 &&
      basicX * 100 <= final * 85 &&
      // A stated ratio exactly on a rounding half could be recomputed the other way in binary.
      !execution.tie &&
      !basic.tie &&
      !project.tie;
    if (!acceptable && attempt < 200) continue;
    if (!acceptable) throw new Error('synthetic budget: no acceptable figures after 200 attempts');
    const revenueWeights = classes.map((c) => c.weight * rng.between(0.95, 1.05));
    const expenditureWeights = classes.map((c) => c.weight * rng.between(0.85, 1.15));
    const revenue = splitCents(initialTotal, revenueWeights);
    const expenditure = splitCents(final, expenditureWeights);
    return {
      byNature: {
        TOTAL: { initial: initialTotal, fullYear, final },
        BASIC: { initial: basicI, fullYear: personnelF + publicF, final: basicX },
        PERSONNEL: { initial: personnelI, fullYear: personnelF, final: personnelX },
        PUBLIC: { initial: publicI, fullYear: publicF, final: publicX },
        PROJECT: { initial: projectI, fullYear: projectF, final: projectX },
      },
      revenue: classes.map((c, i) => ({ functionClass: c.functionClass, cents: revenue[i]! })),
      expenditure: classes.map((c, i) => ({
        functionClass: c.functionClass,
        cents: expenditure[i]!,
      })),
      executionRate: execution.value,
      basicShare: basic.value,
      projectShare: project.value,
    };
  }
}

/** The department's figures for each of `years` consecutive years. */
export function planBudget(profile: DepartmentProfile, years: number, rng: Random): BudgetYear[] {
  const [lo, hi] = profile.type.scale;
  const scale = profile.levelScale;
  // A few hundred to tens of thousands of 万元 (log-uniform within the type's range).
  const initial0 = Math.max(300, Math.exp(rng.between(Math.log(lo * scale), Math.log(hi * scale))));
  const growth = rng.between(-0.01, 0.07);
  const basicShare = rng.between(0.6, 0.8);
  const personnelShare = rng.between(0.78, 0.93);
  const classes = classWeights(profile, rng);
  const out: BudgetYear[] = [];
  let total = initial0 * 100;
  for (let k = 0; k < years; k++) {
    if (k > 0) total *= 1 + growth + rng.between(-0.04, 0.04);
    const year = yearFigures(
      Math.round(Math.max(30000, total)),
      basicShare,
      personnelShare,
      classes,
      rng,
    );
    if (rng.chance(ROUNDING_SLIP_SHARE)) roundingSlip(year, rng);
    out.push(year);
  }
  return out;
}
