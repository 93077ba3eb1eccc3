import type { Selectable } from 'kysely';
import type {
  ExpenditureByNatureTable,
  FunctionAmountTable,
  NatureCategory,
  ProblemsTable,
  StatedFiguresTable,
} from '../db/tables.js';
import type { ReportRow } from '../analytics/report-parts.js';
import { selectsField } from './selects-field.js';
import { builder } from './builder.js';
import { sourceOf, SourceLocationRef } from './source.js';
import { ReportTemplateEnum } from './enums.js';
import { toFloat, toFloatStrict } from './numbers.js';
import { formatFraction, formatPoints } from './number-format.js';
import type { ReportShares } from '../analytics/report-parts.js';
import { departmentOf } from './department-of.js';
import { DepartmentRef, ReportRef } from './refs.js';
import { DataQualityIssueRef } from './data-quality.js';
import { DeductionRef, ManagementScoreRef } from './management.js';
import { KeyTaskRef, PerformanceIndicatorRef } from './indicator.js';
import { departmentsAsked, ownedByDepartment } from './department-access.js';

type NatureRow = Selectable<ExpenditureByNatureTable>;

const FunctionAmountRef = builder
  .objectRef<Selectable<FunctionAmountTable>>('FunctionAmount')
  .implement({
    description: 'An amount by functional class (功能分类), in 万元.',
    fields: (t) => ({
      functionClass: t.exposeString('function_class', {
        description: 'Functional class as printed, normalised (e.g. 一般公共服务).',
      }),
      code: t.exposeString('function_code', {
        nullable: true,
        description:
          'Class code of the government revenue and expenditure classification (政府收支分类科目), e.g. 201.',
      }),
      amount: t.float({ resolve: (r) => toFloatStrict(r.amount), description: 'Amount in 万元.' }),
      source: t.field({
        type: SourceLocationRef,
        nullable: true,
        description: 'Where the amount was read: file, page and line.',
        resolve: (r) => sourceOf(r, `${r.function_class} ${r.amount}万元`),
      }),
    }),
  });

const StageAmountsRef = builder.objectRef<NatureRow | null>('StageAmounts').implement({
  description: 'One 表2 category at three stages, in 万元: 年初预算数, 全年预算数, 决算数.',
  fields: (t) => ({
    initialBudget: t.float({
      nullable: true,
      resolve: (r) => toFloat(r?.initial_budget),
      description: '年初预算数: initial budget.',
    }),
    fullYearBudget: t.float({
      nullable: true,
      resolve: (r) => toFloat(r?.full_year_budget),
      description: '全年预算数: full-year (adjusted) budget.',
    }),
    final: t.float({
      nullable: true,
      resolve: (r) => toFloat(r?.final),
      description: '决算数: final accounts.',
    }),
    source: t.field({
      type: SourceLocationRef,
      nullable: true,
      description: 'Where the row was read: file, page and line of 表2.',
      resolve: (r) =>
        r && sourceOf(r, `${r.category} ${r.initial_budget} ${r.full_year_budget} ${r.final}`),
    }),
  }),
});

/** 表2 categories as fields of ExpenditureByNature. */
const NATURE: readonly (readonly [field: string, category: NatureCategory, description: string])[] =
  [
    ['total', 'TOTAL', '本年支出合计: total expenditure.'],
    ['basic', 'BASIC', '基本支出: basic expenditure = personnel + public funds.'],
    ['personnel', 'PERSONNEL', '人员经费: personnel costs.'],
    ['public', 'PUBLIC', '公用经费: public (operating) funds.'],
    ['project', 'PROJECT', '项目支出: project expenditure.'],
  ];

const ExpenditureByNatureRef = builder.objectRef<NatureRow[]>('ExpenditureByNature').implement({
  description: '表2 部门整体支出决算表: expenditure by nature, five categories x three stages.',
  fields: (t) =>
    Object.fromEntries(
      NATURE.map(([field, category, description]) => [
        field,
        t.field({
          type: StageAmountsRef,
          description,
          resolve: (rows) => rows.find((r) => r.category === category) ?? null,
        }),
      ]),
    ),
});

/** The report's ratios (report_facts), each a fraction with a `…Text` percentage beside it. */
const SHARES: readonly (readonly [
  field: string,
  column: Exclude<keyof ReportShares, 'report_id'>,
  description: string,
])[] = [
  ['basicShare', 'basic_share', '基本支出占比: basic / total final expenditure'],
  ['projectShare', 'project_share', '项目支出占比: project / total final expenditure'],
  ['personnelShare', 'personnel_share', '人员经费占比: personnel / total final expenditure'],
  ['executionRate', 'execution_rate', '支出执行率: final / full-year budget'],
  [
    'budgetAdjustment',
    'budget_adjustment',
    '预算调整率: (full-year − initial budget) / initial budget',
  ],
];

/** The real report's figures (gz-zfw 2023), as examples in the descriptions. */
const SHARE_EXAMPLES: Record<string, string> = {
  basicShare: '66.86%',
  projectShare: '33.14%',
  personnelShare: '61.60%',
  executionRate: '99.15%',
  budgetAdjustment: '-0.88%',
};

const ScorePartRef = builder.objectRef<{ score: string; weight: string }>('ScorePart').implement({
  description: 'A part of the self-score: points scored out of its weight.',
  fields: (t) => ({
    score: t.float({ resolve: (p) => toFloatStrict(p.score), description: '得分: points scored.' }),
    weight: t.float({
      resolve: (p) => toFloatStrict(p.weight),
      description: '分值: points available.',
    }),
  }),
});

function scorePart(score: string | null, weight: string | null) {
  return score === null || weight === null ? null : { score, weight };
}

const SelfScoreRef = builder.objectRef<ReportRow>('SelfScore').implement({
  description:
    '自评得分. Guangzhou template: total = 履职效能 (duty) + 管理效率 (management); national framework (财预〔2013〕53号): one 100-point table, no parts.',
  fields: (t) => ({
    total: t.float({
      resolve: (r) => toFloatStrict(r.total_score),
      description: '综合自评得分: total self-score, in points (分).',
    }),
    totalText: t.string({
      resolve: (r) => formatPoints(r.total_score) ?? '',
      description: 'total as a person reads it, e.g. "96.97 分".',
    }),
    weight: t.float({
      resolve: (r) => toFloatStrict(r.total_weight),
      description: '总分值: points available (usually 100).',
    }),
    duty: t.field({
      type: ScorePartRef,
      nullable: true,
      resolve: (r) => scorePart(r.duty_score, r.duty_weight),
      description:
        '履职效能: duty performance (Guangzhou template); null for a template without it.',
    }),
    management: t.field({
      type: ScorePartRef,
      nullable: true,
      resolve: (r) => scorePart(r.management_score, r.management_weight),
      description:
        '管理效率: management efficiency (Guangzhou template); null for a template without it.',
    }),
  }),
});

const StatedFigureRef = builder
  .objectRef<Selectable<StatedFiguresTable>>('StatedFigure')
  .implement({
    description:
      'A figure the report states in its prose (a total, share or rate), kept to reconcile against the tables.',
    fields: (t) => ({
      name: t.exposeString('name', {
        description: 'What it is: revenue_total, final_total, basic_share, execution_rate, …',
      }),
      value: t.float({
        resolve: (f) => toFloatStrict(f.value),
        description: 'The value as printed (percent for %, 万元 for amounts).',
      }),
      unit: t.exposeString('unit', { description: '万元 or %.' }),
      line: t.exposeInt('line', { description: 'Line of the source text it was read from.' }),
    }),
  });

const ProblemItemRef = builder.objectRef<Selectable<ProblemsTable>>('ProblemItem').implement({
  description: 'One admitted problem (存在的主要问题) and the topics it names.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Order in the problems section.' }),
    text: t.exposeString('text', { description: 'The problem as written.' }),
    topics: t.stringList({
      resolve: (p) => p.topics ?? [],
      description:
        'Topics by keyword: LOW_TARGETS (targets set too low), TARGET_SETTING, CONTRACT_TIMELINESS, PROCUREMENT, EXECUTION, MONITORING, …',
    }),
  }),
});

ReportRef.implement({
  ...ownedByDepartment<ReportRow>((r) => r.department_code),
  description:
    "One department's performance self-evaluation report (部门整体支出绩效自评报告) for one fiscal year.",
  fields: (t) => ({
    id: t.id({
      resolve: (r) => `${r.department_code}/${r.year}`,
      description: 'Stable id: department code / fiscal year.',
    }),
    department: t.field({
      type: DepartmentRef,
      description: 'The reporting department.',
      resolve: (r, _args, ctx) => departmentOf(ctx, r.department_code),
    }),
    year: t.exposeInt('year', { description: 'Fiscal year evaluated (年度).' }),
    title: t.exposeString('title', { description: 'Title as published.' }),
    template: t.field({
      type: ReportTemplateEnum,
      resolve: (r) => r.template,
      description:
        'The template family the report follows; managementScores hold its scored items (表4, or the national 100-point table).',
    }),
    synthetic: t.exposeBoolean('synthetic', {
      description: 'True for generated demo reports (合成数据).',
    }),
    sourceFile: t.exposeString('source_file', {
      description: 'File the report was ingested from.',
    }),
    revenueBudget: t.field({
      type: [FunctionAmountRef],
      description: '年初预算收入 by functional class (功能分类).',
      resolve: (r, _args, ctx) => ctx.loaders.revenueByFunction.load(r.id),
    }),
    expenditureByFunction: t.field({
      type: [FunctionAmountRef],
      description: '决算支出 by functional class (功能分类).',
      resolve: (r, _args, ctx) => ctx.loaders.expenditureByFunction.load(r.id),
    }),
    expenditure: t.field({
      type: ExpenditureByNatureRef,
      description:
        '表2: expenditure by nature (basic, personnel, public, project) at three stages.',
      resolve: (r, _args, ctx) => ctx.loaders.expenditureByNature.load(r.id),
    }),
    ...Object.fromEntries(
      SHARES.flatMap(([field, column, description]) => [
        [
          field,
          t.float({
            nullable: true,
            description: `${description}, as a fraction (1 = 100 %).`,
            resolve: async (r, _args, ctx) =>
              (await ctx.loaders.shares.load(r.id))?.[column] ?? null,
          }),
        ],
        [
          `${field}Text`,
          t.string({
            nullable: true,
            description: `${field} as a percentage, e.g. "${SHARE_EXAMPLES[field]}".`,
            resolve: async (r, _args, ctx) =>
              formatFraction((await ctx.loaders.shares.load(r.id))?.[column]),
          }),
        ],
      ]),
    ),
    score: t.field({
      type: SelfScoreRef,
      resolve: (r) => r,
      description: '自评得分: the self-score and its parts.',
    }),
    keyTasks: t.field({
      type: [KeyTaskRef],
      description: '表1: key tasks with their targets and completion.',
      resolve: (r, _args, ctx) => ctx.loaders.keyTasks.load(r.id),
    }),
    indicators: t.field({
      type: [PerformanceIndicatorRef],
      description: '表3: key duty indicators, target (预期实现值) against actual (实际完成值).',
      resolve: (r, _args, ctx, info) => {
        // The measures are loaded per report: asking now puts them in this level's batch, beside
        // the indicators, rather than one round trip after them.
        if (selectsField(info, 'measures')) ctx.loaders.measures.load(r.id).catch(() => {});
        return ctx.loaders.indicators.load(r.id);
      },
    }),
    managementScores: t.field({
      type: [ManagementScoreRef],
      description: '表4: management-efficiency scoring rows.',
      resolve: (r, _args, ctx) => ctx.loaders.managementScores.load(r.id),
    }),
    deductions: t.field({
      type: [DeductionRef],
      description: '扣分: points lost, from the analysis paragraphs and table 4.',
      resolve: (r, _args, ctx) => ctx.loaders.deductions.load(r.id),
    }),
    goals: t.stringList({
      description: '部门整体支出绩效目标: the numbered goals.',
      resolve: async (r, _args, ctx) => (await ctx.loaders.goals.load(r.id)).map((g) => g.text),
    }),
    problems: t.stringList({
      description: '存在的主要问题: problems the department admits.',
      resolve: async (r, _args, ctx) => (await ctx.loaders.problems.load(r.id)).map((p) => p.text),
    }),
    problemItems: t.field({
      type: [ProblemItemRef],
      description:
        '存在的主要问题 with the topics each names (LOW_TARGETS, CONTRACT_TIMELINESS, MONITORING, …).',
      resolve: (r, _args, ctx) => ctx.loaders.problems.load(r.id),
    }),
    improvements: t.stringList({
      description: '下一步改进措施: improvement measures.',
      resolve: async (r, _args, ctx) =>
        (await ctx.loaders.improvements.load(r.id)).map((p) => p.text),
    }),
    statedFigures: t.field({
      type: [StatedFigureRef],
      description: 'Totals, shares and rates as the prose states them, with their source lines.',
      resolve: (r, _args, ctx) => ctx.loaders.statedFigures.load(r.id),
    }),
    dataQuality: t.field({
      type: [DataQualityIssueRef],
      description:
        'Reconciliation findings: figures that did not balance exactly (rounding-level ones included).',
      resolve: (r, _args, ctx) => ctx.loaders.dataQuality.load(r.id),
    }),
  }),
});

builder.queryFields((t) => ({
  report: t.field({
    type: ReportRef,
    nullable: true,
    description: 'The report of one department for one fiscal year.',
    args: {
      department: t.arg.id({ required: true, description: 'Department code, e.g. gz-zfw.' }),
      year: t.arg.int({ required: true, description: 'Fiscal year (年度).' }),
    },
    authScopes: departmentsAsked((args: { department: string | number }) => [args.department]),
    resolve: async (_root, args, ctx) =>
      (await ctx.loaders.reportsOfDepartment.load(String(args.department))).find(
        (r) => r.year === args.year,
      ) ?? null,
  }),
}));
