/**
 * A synthetic report in the national common framework of 财预〔2013〕53号 (docs/domain.md, "Other
 * templates"; synthetic demo data, labelled as such in its text, its file name and its fictitious
 * department of 示例市), rendered from a seed as PDF-extracted text, together with its ground truth:
 * the ReportDocument a correct parser reads from it and the RATIO / CEILING findings a correct
 * detector reports on its key indicators (docs/domain.md, "Synthetic data").
 *
 * The layout varies with the seed, within what the national parser reads: the title with the
 * department or the year first, budget figures in prose only or with an expenditure table of two
 * or three stages, the score table one row per line or broken across lines, the key indicator
 * table numbered (one line a row, or column by column) or by level, and the section names of
 * different provinces.
 */
import type { NatureCategory } from '../../db/tables.js';
import { functionClass } from '../../ingest/report/function-classes.js';
import { partOfLevel1 } from '../../ingest/report/national/national-vocabulary.js';
import {
  nationalPartNotes,
  type NationalPart,
} from '../../ingest/report/national/template-notes.js';
import type {
  Deduction,
  ManagementScoreRow,
  ReportDocument,
  StageAmounts,
  StatedFigure,
} from '../../ingest/report-document.js';
import { centsToDecimal, formatCents } from '../cents.js';
import { createRandom, seedFrom, type Random } from '../random.js';
import type { IntendedMeasure } from '../render-indicator.js';
import { planNationalBudget, type NationalBudget } from './national-budget.js';
import { nationalDepartment } from './national-department.js';
import {
  expectedFindings,
  planNationalIndicators,
  type ExpectedFinding,
} from './national-indicators.js';
import { NationalPages } from './national-pages.js';
import { scoreFramework, type ScoredFrameworkRow } from './national-scores.js';
import {
  renderBudgetTable,
  renderIndicatorTable,
  renderScoreTable,
  scoreRateOf,
  type BudgetForm,
  type IndicatorTableForm,
  type ScoreTableOptions,
} from './national-tables.js';
import {
  composeNationalTexts,
  improvementsParagraph,
  problemsParagraph,
  type NationalTexts,
} from './national-texts.js';

/** The layout choices of one rendering; each is drawn from the seed unless given. */
export interface NationalLayout {
  titleForm: 'DEPARTMENT_FIRST' | 'YEAR_FIRST';
  budgetForm: BudgetForm;
  /** Final expenditure by functional class stated in the prose. */
  byFunction: boolean;
  scoreTable: ScoreTableOptions;
  indicatorTable: IndicatorTableForm;
  /** Which province's section names (0 or 1). */
  headings: 0 | 1;
}

export interface NationalReportOptions {
  seed: number;
  /** A department of the fictitious 示例市 (`示例市交通运输局`, `示例市东湖示范区财政局`). */
  departmentName: string;
  year: number;
  layout?: Partial<NationalLayout>;
}

/** A rendered report and what must be read from it. */
export interface GeneratedNationalReport {
  text: string;
  layout: NationalLayout;
  expected: {
    /** The document `parseNationalReport` must produce (lines 0: they belong to the rendering). */
    document: ReportDocument;
    /** RATIO / CEILING for every measure of every key indicator (empty rules: none fires). */
    findings: ExpectedFinding[];
    /** What each key indicator's texts mean, in the normaliser's base units. */
    intended: IntendedMeasure[][];
  };
}

const HEADINGS = [
  [
    '一、部门（单位）基本情况',
    '二、部门整体支出情况',
    '三、绩效自评情况',
    '四、存在的问题',
    '五、改进措施',
    '六、结果应用',
  ],
  [
    '一、部门基本概况',
    '二、部门预算收支情况',
    '三、部门整体支出绩效情况',
    '四、存在的主要问题',
    '五、下一步改进措施',
    '六、绩效自评结果应用',
  ],
] as const;

/** The classes a department spends in: its main class first. */
function classesOf(main: string | undefined, extras: readonly string[], rng: Random): string[] {
  const pool = extras.length > 0 ? extras : ['社会保障和就业', '卫生健康', '住房保障'];
  return [main ?? '一般公共服务', ...rng.sample(pool, rng.int(1, Math.min(3, pool.length)))];
}

function drawLayout(rng: Random, given: Partial<NationalLayout>): NationalLayout {
  return {
    titleForm: given.titleForm ?? (rng.chance(0.7) ? 'DEPARTMENT_FIRST' : 'YEAR_FIRST'),
    budgetForm:
      given.budgetForm ?? rng.pick<BudgetForm>(['PROSE', 'TABLE_THREE_STAGES', 'TABLE_TWO_STAGES']),
    byFunction: given.byFunction ?? rng.chance(0.6),
    scoreTable: given.scoreTable ?? {
      form: rng.chance(0.5) ? 'ROWS' : 'BROKEN',
      totalRow: rng.chance(0.7),
      rates: rng.chance(0.3),
      twoDecimals: rng.chance(0.3),
    },
    indicatorTable:
      given.indicatorTable ?? rng.pick<IndicatorTableForm>(['SEQ_ROWS', 'SEQ_BROKEN', 'LEVELS']),
    headings: given.headings ?? (rng.chance(0.5) ? 0 : 1),
  };
}

const money = (cents: number) => formatCents(cents);
const percent = (hundredths: number) => formatCents(hundredths, { separators: false });

/** The finance section's prose, as written. */
function financeParagraphs(
  year: number,
  budget: NationalBudget,
  layout: NationalLayout,
  fullYearWord: string,
): string[] {
  const n = budget.byNature;
  const revenue =
    layout.budgetForm === 'TABLE_TWO_STAGES'
      ? `本部门${year}年度调整后预算数${money(n.TOTAL.fullYear)}万元。`
      : `本部门${year}年度年初预算数${money(n.TOTAL.initial)}万元，${fullYearWord}${money(n.TOTAL.fullYear)}万元。`;
  const spending =
    `${year}年度本部门支出总计${money(n.TOTAL.final)}万元，其中：基本支出${money(n.BASIC.final)}万元，` +
    `占支出总计的${percent(budget.basicShare)}%，包括人员经费${money(n.PERSONNEL.final)}万元、` +
    `公用经费${money(n.PUBLIC.final)}万元；项目支出${money(n.PROJECT.final)}万元，` +
    `占支出总计的${percent(budget.projectShare)}%。全年预算执行率为${percent(budget.executionRate)}%。`;
  const byFunction = `按支出功能分类：${budget.expenditureByFunction
    .map((c) => `${c.functionClass}支出${money(c.cents)}万元`)
    .join('，')}。`;
  return [revenue, spending, ...(layout.byFunction ? [byFunction] : [])];
}

/** Stated figures in the order the parser lists them. */
function statedFigures(budget: NationalBudget, layout: NationalLayout): StatedFigure[] {
  const n = budget.byNature;
  const figure = (name: string, hundredths: number, unit: StatedFigure['unit']): StatedFigure => ({
    name,
    value: centsToDecimal(hundredths),
    unit,
    line: 0,
  });
  return [
    ...(layout.budgetForm === 'TABLE_TWO_STAGES'
      ? []
      : [figure('revenue_total', n.TOTAL.initial, '万元')]),
    figure('full_year_budget', n.TOTAL.fullYear, '万元'),
    figure('final_total', n.TOTAL.final, '万元'),
    figure('execution_rate', budget.executionRate, '%'),
    figure('basic_final', n.BASIC.final, '万元'),
    figure('basic_share', budget.basicShare, '%'),
    figure('project_final', n.PROJECT.final, '万元'),
    figure('project_share', budget.projectShare, '%'),
  ];
}

/** Expenditure by nature at the stages the layout gives (docs/domain.md: others stay null). */
function byNature(budget: NationalBudget, form: BudgetForm): Record<NatureCategory, StageAmounts> {
  const categories: NatureCategory[] = ['TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC', 'PROJECT'];
  return Object.fromEntries(
    categories.map((c): [NatureCategory, StageAmounts] => {
      const s = budget.byNature[c];
      const prose = form === 'PROSE';
      const initial = form === 'TABLE_THREE_STAGES' || (prose && c === 'TOTAL');
      const fullYear = !prose || c === 'TOTAL';
      return [
        c,
        {
          initialBudget: initial ? centsToDecimal(s.initial) : null,
          fullYearBudget: fullYear ? centsToDecimal(s.fullYear) : null,
          final: centsToDecimal(s.final),
        },
      ];
    }),
  ) as Record<NatureCategory, StageAmounts>;
}

function managementScores(
  rows: readonly ScoredFrameworkRow[],
  rates: boolean,
): ManagementScoreRow[] {
  return rows.map((row, i) => ({
    seq: i + 1,
    level1: row.level1,
    level2: row.level2,
    level3: row.level3,
    weight: centsToDecimal(row.weight),
    score: centsToDecimal(row.score),
    scoreRate: rates ? centsToDecimal(scoreRateOf(row.score, row.weight)) : null,
    line: 0,
  }));
}

function deductions(rows: readonly ScoredFrameworkRow[]): Deduction[] {
  return rows
    .filter((row) => row.score < row.weight)
    .map((row) => ({
      part: partOfLevel1(row.level1),
      item: row.level3,
      level2: row.level2,
      reason: row.statedReason,
      points: centsToDecimal(row.weight - row.score),
      source: row.statedReason === null ? 'TABLE' : 'BOTH',
    }));
}

/** Writes the report's text. */
function write(
  pages: NationalPages,
  parts: {
    title: string;
    year: number;
    layout: NationalLayout;
    texts: NationalTexts;
    finance: string[];
    budget: NationalBudget;
    rows: readonly ScoredFrameworkRow[];
    indicators: Parameters<typeof renderIndicatorTable>[1];
  },
  rng: Random,
): void {
  const { title, year, layout, texts } = parts;
  const headings = HEADINGS[layout.headings];
  if (rng.chance(0.5)) pages.line(title);
  else {
    const cut = rng.int(8, title.length - 4);
    pages.line(title.slice(0, cut));
    pages.line(title.slice(cut));
  }
  pages.line('（合成演示数据：本报告由程序生成，所涉部门、人员和数字均为虚构）');
  pages.line(headings[0]);
  pages.line('（一）部门职能');
  pages.paragraph(texts.duties);
  pages.line('（二）机构设置及人员情况');
  pages.paragraph(texts.organisation);
  pages.line('（三）年度主要工作');
  pages.paragraph(texts.work);
  pages.line(headings[1]);
  pages.line('（一）预算收入情况');
  pages.paragraph(parts.finance[0]!);
  pages.line('（二）预算支出情况');
  for (const p of parts.finance.slice(1)) pages.paragraph(p);
  if (layout.budgetForm !== 'PROSE')
    renderBudgetTable(pages, year, parts.budget, layout.budgetForm);
  pages.line(headings[2]);
  pages.line('（一）自评结论');
  pages.paragraph(texts.preamble);
  renderScoreTable(pages, parts.rows, layout.scoreTable, rng);
  pages.paragraph(texts.deductions);
  pages.line('（二）关键绩效指标完成情况');
  pages.paragraph(texts.indicatorIntro);
  renderIndicatorTable(pages, parts.indicators, layout.indicatorTable, rng);
  pages.line(headings[3]);
  pages.paragraph(problemsParagraph(texts.problems));
  pages.line(headings[4]);
  pages.paragraph(improvementsParagraph(texts.improvements));
  pages.line(headings[5]);
  pages.paragraph(texts.resultsUse);
}

/**
 * Renders a national-framework report for a fictitious department of 示例市 and returns it with
 * its ground truth. Same options, same text, byte for byte.
 */
export function renderNationalReport(options: NationalReportOptions): GeneratedNationalReport {
  const { seed, departmentName, year } = options;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new RangeError(`year must be an integer within 2000-2100, got ${year}`);
  }
  const department = nationalDepartment(departmentName);
  const stream = (purpose: string) =>
    createRandom(seedFrom(seed, 'national', departmentName, year, purpose));
  const layout = drawLayout(stream('layout'), options.layout ?? {});

  const budget = planNationalBudget(
    classesOf(
      department.type?.mainClass,
      department.type?.extraClasses ?? [],
      stream('classes'),
    ).map((c) => functionClass(c).name),
    stream('budget'),
  );
  const rows = scoreFramework(budget.executionRate, stream('scores'));
  const indicators = planNationalIndicators(
    department.type?.sector ?? null,
    year,
    {
      brand: `${department.placeShort}${department.type?.brand ?? '政务'}`,
      city: department.placeShort,
      territory: department.territory,
    },
    stream('indicators'),
  );
  const findings = expectedFindings(indicators);
  const overshoot = findings.some((f) => f.rules.length > 0);
  const texts = composeNationalTexts(
    department,
    year,
    rows,
    indicators.length,
    overshoot,
    stream('texts'),
  );
  const textRng = stream('text');
  const fullYearWord = textRng.pick(['全年预算数', '调整后预算数']);
  const finance = financeParagraphs(year, budget, layout, fullYearWord);
  const title =
    layout.titleForm === 'DEPARTMENT_FIRST'
      ? `${departmentName}${year}年度部门整体支出绩效自评报告`
      : `${year}年度${departmentName}部门整体支出绩效自评报告`;

  const pages = new NationalPages(textRng);
  write(pages, { title, year, layout, texts, finance, budget, rows, indicators }, textRng);

  const missing = new Set<NationalPart>(['SCORE_PARTS', 'KEY_TASKS']);
  if (layout.budgetForm === 'TABLE_TWO_STAGES') missing.add('INITIAL_BUDGET');
  const document: ReportDocument = {
    sourceFile: `synthetic/national/${seedFrom(departmentName).toString(16)}-${year}-${seed}.txt`,
    template: 'NATIONAL_53',
    pageStarts: pages.pageStarts,
    year,
    departmentName,
    title,
    dutiesText: texts.duties,
    overviewText: texts.organisation + texts.work,
    keyTasks: [],
    goals: [],
    revenueByFunction: [],
    expenditureByFunction: layout.byFunction
      ? budget.expenditureByFunction.map((c) => {
          const cls = functionClass(c.functionClass);
          return {
            functionClass: cls.name,
            functionCode: cls.code,
            amount: centsToDecimal(c.cents),
            line: 0,
          };
        })
      : [],
    byNature: byNature(budget, layout.budgetForm),
    statedFigures: statedFigures(budget, layout),
    performanceText: texts.resultsUse,
    evaluationText: texts.preamble + texts.deductions + texts.indicatorIntro,
    score: {
      total: centsToDecimal(rows.reduce((sum, r) => sum + r.score, 0)),
      totalWeight: '100',
      duty: null,
      management: null,
    },
    indicators: indicators.map((i) => ({ ...i.row, line: 0 })),
    managementScores: managementScores(rows, layout.scoreTable.rates),
    deductions: deductions(rows),
    problems: texts.problems,
    improvements: texts.improvements,
    notes: nationalPartNotes(missing),
  };
  return {
    text: pages.toString(),
    layout,
    expected: { document, findings, intended: indicators.map((i) => i.intended) },
  };
}
