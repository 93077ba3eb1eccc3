/**
 * The prose of one synthetic national report (synthetic demo data): duties, organisation and the
 * year's work, the evaluation's preamble and deduction clauses, problems, improvements and the use
 * of the results. Sector texts come from the demo corpus (sector-prose.ts). No paragraph begins
 * with `一、` or `（一）`, which mark headings, and lists are enumerated with 一是 / 二是, which
 * the parser splits at (docs/domain.md, "三、存在的主要问题 and 四、下一步改进措施").
 */
import { centsToDecimal } from '../cents.js';
import { enumerator } from '../enumerator.js';
import type { Random } from '../random.js';
import { IMPROVEMENTS, PROBLEMS, SECRET_DUTIES, SECTOR_PROSE } from '../sector-prose.js';
import type { NationalDepartment } from './national-department.js';
import type { ScoredFrameworkRow } from './national-scores.js';

/** The paragraphs of a report, as written (before layout). */
export interface NationalTexts {
  duties: string;
  organisation: string;
  work: string;
  preamble: string;
  /** Deduction clauses (扣分原因…), or a sentence saying nothing was lost. */
  deductions: string;
  /** Sentence before the key indicator table. */
  indicatorIntro: string;
  /** Problems and improvements as listed items (no closing full stop). */
  problems: string[];
  improvements: string[];
  resultsUse: string;
}

const GENERIC_DUTIES =
  '本部门主要负责贯彻执行国家、省和市有关方针政策和法律法规，承担职责范围内的行政管理和公共服务工作，组织实施本部门年度重点工作任务。';
const GENERIC_FOCUS = [
  '认真落实年度重点工作任务，推动各项业务工作提质增效',
  '加强内部管理和制度建设，提升规范化管理水平',
  '持续优化公共服务，提升服务对象满意度',
  '严格预算执行管理，提高财政资金使用效益',
];
const RESULTS_USE = [
  '本部门将自评结果作为改进预算管理、编制以后年度部门预算的重要依据，对自评发现的问题逐项制定整改措施，并按规定在部门门户网站公开自评报告。',
  '自评结果已报送同级财政部门，作为下一年度预算安排和政策调整的参考依据；对扣分事项明确责任科室和整改时限，推动绩效管理水平持续提升。',
];

/** How a clause names a row: quoted, with its group where the framework repeats the name. */
function itemName(row: ScoredFrameworkRow, rows: readonly ScoredFrameworkRow[]): string {
  const quoted = row.level3.includes('“') ? row.level3 : `“${row.level3}”`;
  const repeated = rows.filter((r) => r.level3 === row.level3).length > 1;
  return repeated ? `${row.level2}${quoted}` : quoted;
}

/** The deduction clauses of the evaluation, for the rows whose reason is stated. */
function deductionParagraph(rows: readonly ScoredFrameworkRow[]): string {
  const stated = rows.filter((r) => r.statedReason !== null);
  const lost = rows.some((r) => r.score < r.weight);
  if (!lost) return '各项指标均未扣分。';
  if (stated.length === 0) return '扣分情况详见评分表。';
  const clauses = stated.map(
    (r) =>
      `${r.statedReason}，致使${itemName(r, rows)}指标被扣${centsToDecimal(r.weight - r.score)}分`,
  );
  if (clauses.length === 1) return `扣分的主要原因是${clauses[0]}。`;
  return `扣分原因：${clauses.map((c, i) => `${enumerator(i)}${c}`).join('；')}。`;
}

/** The grade the total earns (≥ 90 优, ≥ 80 良, ≥ 60 中, else 差). */
function grade(total: number): string {
  if (total >= 9000) return '优';
  if (total >= 8000) return '良';
  return total >= 6000 ? '中' : '差';
}

/** Composes the prose of one report. */
export function composeNationalTexts(
  department: NationalDepartment,
  year: number,
  rows: readonly ScoredFrameworkRow[],
  indicatorCount: number,
  overshoot: boolean,
  rng: Random,
): NationalTexts {
  const sector = department.type ? SECTOR_PROSE[department.type.sector] : undefined;
  const duties = department.type?.secret
    ? SECRET_DUTIES
    : (sector?.duties.replaceAll('{place}', department.place) ?? GENERIC_DUTIES);
  const focus = rng.sample(sector?.focus ?? GENERIC_FOCUS, rng.int(2, 4));
  const staff = rng.int(12, 300);
  const total = rows.reduce((sum, r) => sum + r.score, 0);
  const framework = rng.chance(0.5)
    ? '部门整体支出绩效评价共性指标体系框架（财预〔2013〕53号）'
    : '部门整体支出绩效评价指标体系';

  const problemPool: string[] = [
    ...PROBLEMS.generic,
    PROBLEMS.carryOver,
    PROBLEMS.slowSpending,
    PROBLEMS.disclosure,
    PROBLEMS.publicFunds,
  ];
  const problems: string[] = rng.sample(problemPool, rng.int(2, 3));
  if (overshoot && rng.chance(0.6)) problems.push(PROBLEMS.lowTargets);
  const generic: readonly string[] = IMPROVEMENTS.generic;
  const improvements: string[] = rng.sample(generic, rng.int(1, 2));
  if (problems.includes(PROBLEMS.carryOver) || problems.includes(PROBLEMS.slowSpending)) {
    improvements.push(IMPROVEMENTS.carryOver);
  }
  if (problems.includes(PROBLEMS.disclosure)) improvements.push(IMPROVEMENTS.disclosure);
  if (problems.includes(PROBLEMS.lowTargets)) improvements.push(IMPROVEMENTS.lowTargets);
  if (improvements.length < 2) {
    improvements.push(rng.pick(generic.filter((t) => !improvements.includes(t))));
  }

  return {
    duties,
    organisation: `本部门内设科室${rng.int(4, 16)}个，下属事业单位${rng.int(0, 6)}个；${year}年末编制数${staff}人，实有在职人员${staff - rng.int(0, Math.min(8, staff - 1))}人。`,
    work: `${year}年度，本部门紧紧围绕部门职责和年度工作目标，扎实推进各项工作：${focus.map((f, i) => `${enumerator(i)}${f}`).join('；')}。`,
    preamble:
      `根据《${department.place}财政局关于开展${year}年度部门整体支出绩效自评工作的通知》要求，本部门对照${framework}，` +
      `从投入、过程、产出、效果四个方面对${year}年度部门整体支出开展绩效自评。指标体系总分值为100分，` +
      `本部门综合自评得分为${centsToDecimal(total)}分，自评等级为“${grade(total)}”。`,
    deductions: deductionParagraph(rows),
    indicatorIntro: `本部门${year}年度设置关键绩效指标${indicatorCount}个，完成情况如下。`,
    problems,
    improvements,
    resultsUse: rng.pick(RESULTS_USE),
  };
}

/** The problems paragraph: a preamble and the enumerated items. */
export function problemsParagraph(problems: readonly string[]): string {
  return `经自评，本部门整体支出绩效管理仍存在以下问题：${problems.map((p, i) => `${enumerator(i)}${p}`).join('；')}。`;
}

/** The improvements paragraph: a preamble and the enumerated items. */
export function improvementsParagraph(improvements: readonly string[]): string {
  return `下一步，本部门将从以下方面加以改进：${improvements.map((p, i) => `${enumerator(i)}${p}`).join('；')}。`;
}
