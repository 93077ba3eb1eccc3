/**
 * The tables of a synthetic national report as extracted text (synthetic demo data), in the
 * layouts the national parser reads (docs/domain.md, "The report": one row per line with cells
 * separated by spaces, or cells broken across lines): the score table, the key indicator table and
 * the expenditure table.
 */
import { isLevel2Name, level1Of } from '../../ingest/report/national/national-vocabulary.js';
import { centsToDecimal, formatCents } from '../cents.js';
import type { Random } from '../random.js';
import { strayNumberSpaces, wrapText } from '../text-layout.js';
import type { NationalBudget } from './national-budget.js';
import type { NationalIndicator } from './national-indicators.js';
import type { NationalPages } from './national-pages.js';
import { printedPoints, type ScoredFrameworkRow } from './national-scores.js';

/**
 * Score table layouts: ROWS, one row per line with the merged level-1 and level-2 cells on the
 * first row of their group; BROKEN, the header and the merged cells on lines of their own and
 * some level-3 names broken over two lines (the rest of the name, or nothing, before the numbers).
 */
export type ScoreTableForm = 'ROWS' | 'BROKEN';

/**
 * Key indicator table layouts: SEQ_ROWS, numbered rows on one line each; SEQ_BROKEN, numbered
 * rows column by column (the name's lines, the target's, the actual's); LEVELS, the 一级/二级/
 * 三级指标 layout, one row per line.
 */
export type IndicatorTableForm = 'SEQ_ROWS' | 'SEQ_BROKEN' | 'LEVELS';

/** Which budget stages an expenditure table shows, or none (the figures only in prose). */
export type BudgetForm = 'PROSE' | 'TABLE_THREE_STAGES' | 'TABLE_TWO_STAGES';

export interface ScoreTableOptions {
  form: ScoreTableForm;
  totalRow: boolean;
  rates: boolean;
  twoDecimals: boolean;
}

/** 得分率 in hundredths of a percent, rounded half up. */
export function scoreRateOf(score: number, weight: number): number {
  return Math.round((score * 10000) / weight);
}

function rateCell(row: ScoredFrameworkRow): string {
  if (row.score === row.weight) return '100%';
  return `${formatCents(scoreRateOf(row.score, row.weight), { separators: false })}%`;
}

/**
 * Where a level-3 name may be broken: the first part at least three characters long and not a
 * word the parser takes for a level-1 or level-2 cell (资产管理 | 安全性 would read as the group
 * 资产管理 and a row 安全性; the text alone cannot tell them apart).
 */
function breakPoint(name: string, rng: Random): number | null {
  const points: number[] = [];
  for (let k = 3; k <= name.length; k++) {
    const head = name.slice(0, k);
    if (level1Of(head) === null && !isLevel2Name(head)) points.push(k);
  }
  return points.length === 0 ? null : rng.pick(points);
}

/** Writes the score table, with the 合计 row when asked. */
export function renderScoreTable(
  pages: NationalPages,
  rows: readonly ScoredFrameworkRow[],
  options: ScoreTableOptions,
  rng: Random,
): void {
  const headerCells = [
    '一级指标',
    '二级指标',
    '三级指标',
    '分值',
    '得分',
    ...(options.rates ? ['得分率'] : []),
  ];
  const header = options.form === 'ROWS' ? [headerCells.join(' ')] : headerCells;
  const repeatHeader = () => header.forEach((h) => pages.line(h));
  pages.line('表2 部门整体支出绩效评价指标评分表');
  pages.block(header);
  const points = (v: number) => printedPoints(v, options.twoDecimals);
  let level1 = '';
  let level2 = '';
  for (const row of rows) {
    const numbers = [
      points(row.weight),
      points(row.score),
      ...(options.rates ? [rateCell(row)] : []),
    ];
    const lines: string[] = [];
    const newLevel1 = row.level1 !== level1;
    const newLevel2 = newLevel1 || row.level2 !== level2;
    level1 = row.level1;
    level2 = row.level2;
    if (options.form === 'ROWS') {
      const cells = [
        ...(newLevel1 ? [row.level1] : []),
        ...(newLevel2 ? [row.level2] : []),
        row.level3,
        ...numbers,
      ];
      lines.push(cells.join(' '));
    } else {
      if (newLevel1) lines.push(row.level1);
      if (newLevel2) lines.push(row.level2);
      const at = rng.chance(0.3) ? breakPoint(row.level3, rng) : null;
      if (at === null) lines.push(`${row.level3} ${numbers.join(' ')}`);
      else {
        const rest = row.level3.slice(at);
        lines.push(row.level3.slice(0, at), [rest, ...numbers].filter((c) => c !== '').join(' '));
      }
    }
    pages.block(lines, repeatHeader);
  }
  if (options.totalRow) {
    const weight = rows.reduce((sum, r) => sum + r.weight, 0);
    const score = rows.reduce((sum, r) => sum + r.score, 0);
    pages.line(
      `合计 ${points(weight)} ${points(score)}${options.rates ? ` ${centsToDecimal(scoreRateOf(score, weight))}%` : ''}`,
    );
  }
}

/** Writes the key indicator table. */
export function renderIndicatorTable(
  pages: NationalPages,
  indicators: readonly NationalIndicator[],
  form: IndicatorTableForm,
  rng: Random,
): void {
  const header =
    form === 'LEVELS'
      ? '一级指标 二级指标 三级指标 指标值 实际完成值'
      : `序号 指标名称 ${rng.pick(['年度目标值', '年度指标值'])} 实际完成值`;
  pages.line('表3 部门整体支出关键绩效指标完成情况表');
  pages.line(header);
  const repeat = () => pages.line(header);
  const noisy = (text: string, after: number) => strayNumberSpaces(text, rng, 0.5, after);
  const nameWidth = rng.pick([6, 7, 8]);
  const valueWidth = rng.pick([12, 13, 14]);
  let group = '';
  let level1 = '';
  for (const { row, group: g } of indicators) {
    if (form === 'SEQ_ROWS') {
      pages.block(
        [`${row.seq} ${row.name} ${noisy(row.targetText, 0.1)} ${noisy(row.actualText, 0.1)}`],
        repeat,
      );
    } else if (form === 'LEVELS') {
      const cells = [
        ...(g.level1 !== level1 ? [g.level1] : []),
        ...(`${g.level1}/${g.level2}` !== group ? [g.level2] : []),
        row.name,
        noisy(row.targetText, 0.1),
        noisy(row.actualText, 0.1),
      ];
      level1 = g.level1;
      group = `${g.level1}/${g.level2}`;
      pages.block([cells.join(' ')], repeat);
    } else {
      const name = wrapText(row.name, nameWidth);
      const target = wrapText(noisy(row.targetText, 0), valueWidth);
      const actual = wrapText(noisy(row.actualText, 0), valueWidth);
      const head =
        name.length >= 3 || rng.chance(0.3)
          ? [String(row.seq), ...name]
          : [`${row.seq} ${name[0]}`, ...name.slice(1)];
      pages.block([...head, ...target, ...actual], repeat);
    }
  }
}

/** Writes the expenditure table with the stages its form shows. */
export function renderBudgetTable(
  pages: NationalPages,
  year: number,
  budget: NationalBudget,
  form: Exclude<BudgetForm, 'PROSE'>,
): void {
  const three = form === 'TABLE_THREE_STAGES';
  pages.line(`表1 ${year}年度部门整体支出情况表`);
  pages.line('单位：万元');
  pages.line(three ? '项目 年初预算数 全年预算数 决算数' : '项目 调整后预算数 决算数');
  const rows = [
    ['支出合计', 'TOTAL'],
    ['基本支出', 'BASIC'],
    ['其中：人员经费', 'PERSONNEL'],
    ['公用经费', 'PUBLIC'],
    ['项目支出', 'PROJECT'],
  ] as const;
  const lines = rows.map(([label, category]) => {
    const s = budget.byNature[category];
    const stages = three ? [s.initial, s.fullYear, s.final] : [s.fullYear, s.final];
    return `${label} ${stages.map((c) => formatCents(c)).join(' ')}`;
  });
  pages.block(lines);
}
