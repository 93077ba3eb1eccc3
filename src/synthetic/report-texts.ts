/**
 * The prose of one synthetic report (synthetic demo data): duties, 年度总体工作, goals, 绩效管理情况,
 * 绩效自评情况, problems and improvements, in the canonical form the parser reads back (no
 * whitespace; list items without their closing full stop). Problems and improvements follow what
 * the report's own figures show: lost points, slow spending, and, mostly where targets were set
 * too low, the admission `个别绩效指标全年实现值远超年初设定的预期值` (docs/domain.md, "Self-admitted").
 */
import type { DepartmentProfile } from './department-catalog.js';
import { enumerator } from './enumerator.js';
import type { Random } from './random.js';
import {
  IMPROVEMENTS,
  PERFORMANCE_TEXTS,
  PROBLEMS,
  SECRET_DUTIES,
  SECTOR_PROSE,
  type SectorProse,
} from './sector-prose.js';

/** A department's stable choices of wording. */
export interface ProseHabits {
  dutiesText: string;
  goals: string[];
  performanceText: string;
  /** Chance of admitting the low-target problem when the year has overshoots, and when not. */
  admitWhenOvershooting: number;
  admitOtherwise: number;
}

/** What the year's figures say, for problems and improvements. */
export interface YearFindings {
  /** level-3 items of table 4 that lost points. */
  lostItems: ReadonlySet<string>;
  /** Execution rate in hundredths of a percent. */
  executionRate: number;
  /** Some indicator fired RATIO or CEILING this year. */
  overshoot: boolean;
}

/** The prose fields of a ReportDocument. */
export interface ReportTexts {
  dutiesText: string;
  overviewText: string;
  goals: string[];
  performanceText: string;
  evaluationText: string;
  problems: string[];
  improvements: string[];
}

function sectorProse(profile: DepartmentProfile): SectorProse {
  const prose = SECTOR_PROSE[profile.type.sector];
  if (!prose) throw new Error(`no synthetic prose for sector ${profile.type.sector}`);
  return prose;
}

/** The party congress whose spirit a report of that year invokes. */
function congress(year: number): string {
  if (year >= 2022) return '二十大';
  if (year >= 2017) return '十九大';
  return '十八大';
}

/** Draws a department's stable wording habits. */
export function proseHabits(profile: DepartmentProfile, rng: Random): ProseHabits {
  const prose = sectorProse(profile);
  const goals = prose.goals;
  return {
    dutiesText: profile.type.secret
      ? SECRET_DUTIES
      : prose.duties.replaceAll('{place}', profile.place),
    goals: rng.sample(goals, rng.int(3, Math.min(5, goals.length))),
    performanceText: rng.pick(PERFORMANCE_TEXTS),
    admitWhenOvershooting: rng.between(0.4, 0.85),
    admitOtherwise: rng.between(0, 0.12),
  };
}

function enumerate(items: readonly string[], separator: string): string {
  return items.map((item, i) => `${enumerator(i)}${item}`).join(separator);
}

function problemsFor(findings: YearFindings, habits: ProseHabits, rng: Random): string[] {
  const specific: string[] = [];
  const lost = findings.lostItems;
  if (lost.has('采购合同签订时效性') || lost.has('合同备案时效性'))
    specific.push(PROBLEMS.contracts);
  if (lost.has('采购政策效能')) specific.push(PROBLEMS.sme);
  if (lost.has('结转结余率')) specific.push(PROBLEMS.carryOver);
  if (lost.has('预决算公开合规性') || lost.has('绩效信息公开情况'))
    specific.push(PROBLEMS.disclosure);
  if (lost.has('公用经费控制率')) specific.push(PROBLEMS.publicFunds);
  if (findings.executionRate < 9500) specific.push(PROBLEMS.slowSpending);
  const items = rng.sample(specific, 3);
  const generic = rng.sample(PROBLEMS.generic, Math.max(1, 3 - items.length));
  items.push(...generic.slice(0, Math.max(0, 4 - items.length)));
  const admit = rng.chance(
    findings.overshoot ? habits.admitWhenOvershooting : habits.admitOtherwise,
  );
  if (admit) items.splice(rng.int(0, items.length), 0, PROBLEMS.lowTargets);
  if (rng.chance(0.6)) items.push(rng.pick(PROBLEMS.tails));
  return items;
}

function improvementsFor(problems: readonly string[], rng: Random): string[] {
  const specific: string[] = [];
  if (problems.includes(PROBLEMS.contracts)) specific.push(IMPROVEMENTS.contracts);
  if (problems.includes(PROBLEMS.sme)) specific.push(IMPROVEMENTS.sme);
  if (problems.includes(PROBLEMS.carryOver) || problems.includes(PROBLEMS.slowSpending)) {
    specific.push(IMPROVEMENTS.carryOver);
  }
  if (problems.includes(PROBLEMS.disclosure)) specific.push(IMPROVEMENTS.disclosure);
  if (problems.includes(PROBLEMS.lowTargets)) specific.push(IMPROVEMENTS.lowTargets);
  const chosen = rng.sample(specific, 2);
  const generic = rng.sample(IMPROVEMENTS.generic, Math.max(1, 3 - chosen.length));
  return [generic[0]!, ...chosen, ...generic.slice(1)];
}

/** Composes the prose of one department-year. */
export function composeReportTexts(
  profile: DepartmentProfile,
  year: number,
  habits: ProseHabits,
  findings: YearFindings,
  rng: Random,
): ReportTexts {
  const prose = sectorProse(profile);
  const ourPlace = `我${profile.territory.slice(1)}`;
  const focus = rng.sample(prose.focus, rng.int(3, Math.min(4, prose.focus.length)));
  const achievements = rng.sample(
    prose.achievements,
    rng.int(3, Math.min(4, prose.achievements.length)),
  );
  const problems = problemsFor(findings, habits, rng);
  return {
    dutiesText: habits.dutiesText,
    overviewText:
      `根据中央、省和市的总体部署以及${ourPlace}年度计划安排，${year}年度，本部门紧紧围绕部门职责，` +
      `深入贯彻党的${congress(year)}精神，扎实推进各项工作：${enumerate(focus, '；')}。`,
    goals: habits.goals,
    performanceText: habits.performanceText,
    evaluationText:
      `${year}年度，本部门紧紧围绕年初设定的绩效目标，严格落实主体责任，定期开展项目进度及目标实现情况分析，` +
      `部门整体绩效目标运行及实现情况良好。${enumerate(achievements, '；')}。`,
    problems,
    improvements: improvementsFor(problems, rng),
  };
}
