/**
 * One synthetic department over the corpus years (synthetic demo data): its indicators, budget,
 * management habits and wording are planned once, so that what persists in real reports persists
 * here (indicator identity, weak management items, budget scale), and each year's report is
 * assembled from the plan together with its ground truth.
 */
import type { KeyTask } from '../ingest/report-document.js';
import { buildReportDocument } from './build-report-document.js';
import { planBudget } from './budget-figures.js';
import type { DepartmentProfile } from './department-catalog.js';
import type { GeneratedReport, IndicatorTruth } from './generated-report.js';
import { measureTruth, truthAmbition, truthBand, type MeasureOutcome } from './ground-truth.js';
import { planIndicator } from './indicator-series.js';
import { GENERIC_TEMPLATES, SECTOR_TEMPLATES } from './indicator-templates.js';
import { GENERIC_KEY_TASKS, SECTOR_KEY_TASKS, type KeyTaskTemplate } from './key-task-templates.js';
import { managementTendency, scoreManagement } from './management-scores.js';
import { createRandom, seedFrom, type Random } from './random.js';
import { renderIndicator, type RenderedIndicator } from './render-indicator.js';
import { composeReportTexts, proseHabits } from './report-texts.js';

function fillKeyTask(
  template: KeyTaskTemplate,
  seq: number,
  values: Readonly<Record<string, string>>,
  rng: Random,
): KeyTask {
  const numbers: Record<string, string> = { ...values };
  template.numbers.forEach(([lo, hi], i) => {
    numbers[`N${i + 1}`] = String(rng.int(lo, hi));
  });
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: string) => numbers[key] ?? '');
  return {
    seq,
    name: template.name,
    targetText: fill(template.target),
    actualText: fill(template.actual),
  };
}

/**
 * Points lost on duty for an execution rate below 100 % (hundredths of a point): a tenth of a
 * point per percentage point short, as the real report's 0.01 for 99.91 % suggests.
 */
export function dutyPointsLost(executionRate: number): number {
  return Math.round((10000 - executionRate) / 10);
}

/** Generates every year's report of one department, with its ground truth. */
export function departmentHistory(
  profile: DepartmentProfile,
  seed: number,
  years: readonly number[],
): GeneratedReport[] {
  const code = profile.entry.code;
  const stream = (...purpose: (string | number)[]) =>
    createRandom(seedFrom(seed, code, ...purpose));

  const choose = stream('indicators');
  const laxness = choose.weighted<number>([
    [0.04, 0.6],
    [0.15, 0.3],
    [0.4, 0.1],
  ]);
  const sectorPool = SECTOR_TEMPLATES[profile.type.sector] ?? [];
  const count = choose.int(8, 15);
  const fromSector = Math.min(sectorPool.length, choose.int(5, 9), count);
  const templates = choose.sample(
    [
      ...choose.sample(sectorPool, fromSector),
      ...choose.sample(GENERIC_TEMPLATES, count - fromSector),
    ],
    count,
  );
  const plans = templates.map((t) => planIndicator(t, years, laxness, stream('indicator', t.id)));
  const context = {
    brand: `${profile.placeShort}${profile.type.brand}`,
    city: profile.placeShort,
    territory: profile.territory,
  };
  const rendered: RenderedIndicator[][] = plans.map((plan) =>
    plan.years.map((y) => renderIndicator(plan.template, y, context)),
  );

  const truth: IndicatorTruth[][] = years.map(() => []);
  plans.forEach((plan, i) => {
    if (plan.template.kind !== 'NUMERIC') return;
    const key = `${code}:${plan.template.id}`;
    plan.template.measures.forEach((spec, m) => {
      const series = plan.years.map((y, k): MeasureOutcome => ({
        direction: spec.kind === 'HB' || spec.kind === 'HBP' ? 'HIGHER_BETTER' : 'LOWER_BETTER',
        percent: spec.unit === '%',
        costCap: spec.kind === 'COST',
        target: y.values[m]!.target,
        actual: y.values[m]!.actual,
        repeatsTarget: rendered[i]![k]!.intended[m]!.actualKind === 'COPIES_TARGET',
      }));
      measureTruth(series).forEach((rules, k) => {
        truth[k]!.push({
          departmentCode: code,
          year: years[k]!,
          seq: i + 1,
          measureIndex: m,
          key,
          rules,
          band: truthBand(series[k]!),
          ambition: k > 0 ? truthAmbition(series[k - 1]!, series[k]!) : null,
        });
      });
    });
  });

  const budget = planBudget(profile, years.length, stream('budget'));
  const tendency = managementTendency(stream('management'));
  const habits = proseHabits(profile, stream('prose'));
  const taskPool = [...(SECTOR_KEY_TASKS[profile.type.sector] ?? []), ...GENERIC_KEY_TASKS];

  return years.map((year, k) => {
    const figures = budget[k]!;
    const dutyLost = dutyPointsLost(figures.executionRate);
    const management = scoreManagement(tendency, k, dutyLost, stream('management', year));
    const yearRng = stream('year', year);
    const taskCount = yearRng.int(2, Math.min(4, taskPool.length));
    const tasks = yearRng
      .sample(
        taskPool.map((t, i) => i),
        taskCount,
      )
      .sort((a, b) => a - b)
      .map((i, seq) => fillKeyTask(taskPool[i]!, seq + 1, { ...context }, yearRng));
    const overshoot = truth[k]!.some(
      (t) => t.rules.includes('RATIO') || t.rules.includes('CEILING'),
    );
    const texts = composeReportTexts(
      profile,
      year,
      habits,
      {
        lostItems: new Set(management.filter((r) => r.score < r.weight).map((r) => r.level3)),
        executionRate: figures.executionRate,
        overshoot,
      },
      yearRng,
    );
    const indicators = rendered.map((r, i) => ({
      seq: i + 1,
      name: r[k]!.name,
      targetText: r[k]!.targetText,
      actualText: r[k]!.actualText,
    }));
    const document = buildReportDocument({
      profile,
      year,
      budget: figures,
      dutyLost,
      management,
      indicators,
      keyTasks: tasks,
      texts,
    });
    return {
      departmentCode: code,
      document,
      truth: truth[k]!,
      intended: rendered.map((r) => r[k]!.intended),
    };
  });
}
