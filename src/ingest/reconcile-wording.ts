/**
 * The words of the reconciliation findings (docs/domain.md, "Reconciliation"), in Chinese for the
 * finance analysts who read them beside the report: each names the stated figure and where it is
 * printed, its value with its unit, the value computed from the other figures and which figures
 * were summed or divided, and the difference. The report's own terms are used as it prints them;
 * check codes stay in the `check` field. reconcile.ts does the arithmetic and takes every word
 * from here.
 */
import type { Decimal, NatureCategory, ReportTemplate } from '../db/tables.js';
import { figureText, groupedDecimal, lineText, magnitude, namedFigure } from './figure-text.js';
import type { Deduction, FunctionAmount, StageAmounts } from './report-document.js';

export type Stage = Exclude<keyof StageAmounts, 'line'>;

/** A sum check in words: the stated figure, and how the figure compared with it was computed. */
export interface SumWording {
  unit: '万元' | '分';
  /** The stated figure and where it is printed: `表2「基本支出」全年预算数（第 437 行）`. */
  figure: string;
  /** The stated side given its value with unit, where it is not simply printed. */
  stated?: (value: string) => string;
  /** What comes before the computed value: `人员经费 6,226.67 万元与公用经费 532.88 万元合计`. */
  computed: string;
}

/** A ratio check in words: the stated percentage and the two amounts it should be the ratio of. */
export interface RatioWording {
  figure: string;
  numerator: string;
  denominator: string;
}

/** Where each kind of figure is printed, as the template names it. */
interface Places {
  /** The section whose prose states the totals, shares and rates. */
  prose: string;
  /** The table of expenditure by nature. */
  natureTable: string;
  /** Where the self-score and its weight are stated. */
  score: string;
  /** The table of scored rows. */
  scoreTable: string;
}

const PLACES: Readonly<Record<ReportTemplate, Places>> = {
  GUANGZHOU: {
    prose: '部门整体收支情况',
    natureTable: '表2',
    score: '自评结论',
    scoreTable: '表4',
  },
  NATIONAL_53: {
    prose: '部门整体支出情况',
    natureTable: '部门整体支出情况表',
    score: '绩效自评情况',
    scoreTable: '评分表',
  },
};

/** Stated figures by their stable names, as each template's prose calls them. */
const STATED_NAMES = {
  revenue_total: { GUANGZHOU: '年初预算收入', NATIONAL_53: '年初预算数' },
  full_year_budget: { GUANGZHOU: '全年预算数', NATIONAL_53: '全年预算数' },
  final_total: { GUANGZHOU: '决算支出', NATIONAL_53: '支出总计' },
  scale_final_total: { GUANGZHOU: '部门决算支出', NATIONAL_53: '部门决算支出' },
  personnel_final: { GUANGZHOU: '人员经费', NATIONAL_53: '人员经费' },
  public_final: { GUANGZHOU: '公用经费', NATIONAL_53: '公用经费' },
  basic_final: { GUANGZHOU: '基本支出决算数', NATIONAL_53: '基本支出' },
  project_final: { GUANGZHOU: '项目支出决算数', NATIONAL_53: '项目支出' },
  basic_share: { GUANGZHOU: '基本支出占比', NATIONAL_53: '基本支出占比' },
  project_share: { GUANGZHOU: '项目支出占比', NATIONAL_53: '项目支出占比' },
  execution_rate: { GUANGZHOU: '支出执行率', NATIONAL_53: '预算执行率' },
  spending_progress: { GUANGZHOU: '支出进度', NATIONAL_53: '支出进度' },
} as const satisfies Record<string, Readonly<Record<ReportTemplate, string>>>;

/** The stated figures reconciliation compares, by their stable names (StatedFigure.name). */
export type StatedName = keyof typeof STATED_NAMES;

/**
 * A stated figure's name as the template's prose calls it (`年初预算收入`); a name no parser gives
 * (a document built by hand) as it is.
 */
export function statedName(name: StatedName, template: ReportTemplate): string {
  return (STATED_NAMES as Partial<typeof STATED_NAMES>)[name]?.[template] ?? name;
}

/** A stated figure as the words need it: which one, and the line it is printed on. */
export interface StatedPlace {
  name: StatedName;
  line: number;
}

const STAGE_NAMES: Readonly<Record<Stage, string>> = {
  initialBudget: '年初预算数',
  fullYearBudget: '全年预算数',
  final: '决算数',
};

const CATEGORY_NAMES: Readonly<Record<NatureCategory, string>> = {
  TOTAL: '本年支出合计',
  BASIC: '基本支出',
  PERSONNEL: '人员经费',
  PUBLIC: '公用经费',
  PROJECT: '项目支出',
};

/** The national framework's total: the 合计 row of its table, or 支出总计 as its prose says. */
const NATIONAL_TOTAL = { table: '合计', prose: '支出总计' } as const;

/**
 * A deduction no scored row carries (a paragraph's only), named by where it is stated, as the
 * notes on stated deductions name it.
 */
const UNNAMED_DEDUCTION: Readonly<
  Record<ReportTemplate, Readonly<Record<Deduction['part'], string>>>
> = {
  GUANGZHOU: { DUTY: '履职效能分析所述', MANAGEMENT: '管理效率分析所述' },
  NATIONAL_53: { DUTY: '绩效自评情况所述', MANAGEMENT: '绩效自评情况所述' },
};

/**
 * Parts are listed with their values up to this many: enough for the functional classes and the
 * deductions of a report; a longer list (the rows of a score table) is counted instead, since the
 * analyst reads those in the table itself.
 */
const LISTED_PARTS = 8;

const ROUNDING = '舍入级差异';
const BEYOND_ROUNDING = '超出舍入误差';

/** `一般公共服务 5,781.20 万元、公共安全 274.64 万元`. */
function listed(parts: readonly { name: string; value: Decimal }[], unit: '万元' | '分'): string {
  return parts.map((p) => namedFigure(p.name, p.value, unit)).join('、');
}

/** `按功能分类 6 个科目（一般公共服务 5,781.20 万元、…）合计`, or only their count when long. */
function partsSummed(
  what: string,
  measureWord: string,
  parts: readonly { name: string; value: Decimal }[],
  unit: '万元' | '分',
): string {
  const list = parts.length <= LISTED_PARTS ? `（${listed(parts, unit)}）` : '';
  return `${what} ${parts.length} ${measureWord}${list}合计`;
}

/** The wording of every reconciliation finding of one report. */
export type ReconcileWording = ReturnType<typeof reconcileWording>;

/** The wording of every reconciliation finding of a report of `template`. */
export function reconcileWording(template: ReportTemplate) {
  const places = PLACES[template];
  /** A stated figure of the prose: `部门整体收支情况「年初预算收入」（第 383 行）`. */
  const stated = (figure: StatedPlace) =>
    `${places.prose}「${statedName(figure.name, template)}」${lineText(figure.line)}`;
  /** An amount by nature: `表2「基本支出」全年预算数（第 437 行）`, from the prose when no row. */
  const nature = (category: NatureCategory, stage: Stage, line: number | undefined) => {
    const fromTable = template === 'GUANGZHOU' || (line !== undefined && line > 0);
    const name =
      category === 'TOTAL' && template === 'NATIONAL_53'
        ? NATIONAL_TOTAL[fromTable ? 'table' : 'prose']
        : CATEGORY_NAMES[category];
    return `${fromTable ? places.natureTable : places.prose}「${name}」${STAGE_NAMES[stage]}${lineText(line)}`;
  };
  const points = (value: Decimal) => figureText(value, '分');
  const partName = { DUTY: '履职效能', MANAGEMENT: '管理效率' } as const;
  const analysis = { DUTY: '履职效能分析', MANAGEMENT: '管理效率分析' } as const;

  return {
    /** A stated figure of the prose and where it is printed. */
    statedFigure: stated,

    /** An amount by nature and where it is printed: `表2「基本支出」全年预算数（第 437 行）`. */
    natureCell: nature,

    /** An amount by functional class: `部门整体收支情况「公共安全」年初预算收入（第 397 行）`. */
    functionAmount(kind: 'revenue' | 'expenditure', amount: FunctionAmount): string {
      const of = kind === 'revenue' ? STATED_NAMES.revenue_total : STATED_NAMES.final_total;
      return `${places.prose}「${amount.functionClass}」${of[template]}${lineText(amount.line)}`;
    },

    /** A scored row, or one of its cells: `表4「采购政策效能」得分率（第 799 行）`. */
    scoreRow(item: string, line: number, column: '' | '得分率' = ''): string {
      return `${places.scoreTable}「${item}」${column}${lineText(line)}`;
    },

    /** A part of the self-score, or the whole: `自评结论「履职效能」`. */
    scorePart(part: Deduction['part'] | 'TOTAL'): string {
      return `${places.score}「${part === 'TOTAL' ? '自评得分' : partName[part]}」`;
    },

    /** Points a part lost that no deduction explains. */
    unexplainedLoss(
      part: Deduction['part'],
      weight: Decimal,
      score: Decimal,
      lost: Decimal,
    ): string {
      return `${places.score}「${partName[part]}」扣分：分值 ${points(weight)}减得分 ${points(score)}为 ${points(lost)}，${analysis[part]}未说明扣分原因${part === 'MANAGEMENT' ? `，${places.scoreTable}也没有失分的行` : ''}（所列扣分合计 ${points('0')}），相差 ${points(lost)}`;
    },

    /** A stated total against the sum of its functional classes. */
    byFunction(total: StatedPlace, classes: readonly FunctionAmount[]): SumWording {
      return {
        unit: '万元',
        figure: stated(total),
        computed: partsSummed(
          '按功能分类',
          '个科目',
          classes.map((c) => ({ name: c.functionClass, value: c.amount })),
          '万元',
        ),
      };
    },

    /** One amount by nature against the two categories it is made of, at one stage. */
    natureParts(
      whole: NatureCategory,
      parts: readonly [NatureCategory, NatureCategory],
      stage: Stage,
      byNature: Readonly<Record<NatureCategory, StageAmounts>>,
    ): SumWording {
      const [a, b] = parts.map((c) => namedFigure(CATEGORY_NAMES[c], byNature[c][stage]!, '万元'));
      return {
        unit: '万元',
        figure: nature(whole, stage, byNature[whole].line),
        computed: `${a}与${b}合计`,
      };
    },

    /** A figure stated in the prose against the same figure in the table of amounts by nature. */
    statedVsNature(
      figure: StatedPlace,
      category: NatureCategory,
      stage: Stage,
      line: number | undefined,
    ): SumWording {
      return {
        unit: '万元',
        figure: stated(figure),
        computed: `${nature(category, stage, line)}为`,
      };
    },

    /** 自评得分 against 履职效能 + 管理效率. */
    scoreParts(duty: Decimal, management: Decimal): SumWording {
      return {
        unit: '分',
        figure: `${places.score}「自评得分」`,
        computed: `履职效能得分 ${points(duty)}与管理效率得分 ${points(management)}合计`,
      };
    },

    /** 总分值 against the two parts' weights. */
    scoreWeights(duty: Decimal, management: Decimal): SumWording {
      return {
        unit: '分',
        figure: `${places.score}「总分值」`,
        computed: `履职效能分值 ${points(duty)}与管理效率分值 ${points(management)}合计`,
      };
    },

    /** The 管理效率 weight or score against its scored rows' weights or scores. */
    managementRows(column: '分值' | '得分', rows: number): SumWording {
      return {
        unit: '分',
        figure: `${places.score}「管理效率」${column}`,
        computed: `${places.scoreTable} ${rows} 个三级指标${column}合计`,
      };
    },

    /** The total weight or self-score against the national score table's rows. */
    scoreTableRows(column: '分值' | '得分', rows: number): SumWording {
      return {
        unit: '分',
        figure: `${places.score}「${column === '分值' ? '总分值' : '自评得分'}」`,
        computed: `${places.scoreTable} ${rows} 个三级指标${column}合计`,
      };
    },

    /** The points lost (总分值 − 自评得分) against the deductions read. */
    deductions(totalWeight: Decimal, total: Decimal, deductions: readonly Deduction[]): SumWording {
      return {
        unit: '分',
        figure: `${places.score}「扣分」`,
        stated: (value) => `总分值 ${points(totalWeight)}减自评得分 ${points(total)}为 ${value}`,
        computed: partsSummed(
          '扣分',
          '项',
          deductions.map((d) => ({
            name: d.item ?? UNNAMED_DEDUCTION[template][d.part],
            value: d.points,
          })),
          '分',
        ),
      };
    },

    /** A stated share or rate of the prose against the amounts it is the ratio of. */
    statedRatio(
      figure: StatedPlace,
      numerator: readonly [NatureCategory, Stage, Decimal],
      denominator: readonly [NatureCategory, Stage, Decimal],
      line: (category: NatureCategory) => number | undefined,
    ): RatioWording {
      const part = ([category, stage, value]: readonly [NatureCategory, Stage, Decimal]) =>
        namedFigure(nature(category, stage, line(category)), value, '万元');
      return { figure: stated(figure), numerator: part(numerator), denominator: part(denominator) };
    },

    /** A scored row's stated 得分率 against its score and weight. */
    scoreRate(item: string, line: number, score: Decimal, weight: Decimal): RatioWording {
      return {
        figure: `${places.scoreTable}「${item}」得分率${lineText(line)}`,
        numerator: `得分 ${points(score)}`,
        denominator: `分值 ${points(weight)}`,
      };
    },
  };
}

/**
 * A sum finding: `表2「基本支出」全年预算数（第 437 行）：报告所列 6,759.56 万元，人员经费 …与
 * 公用经费 …合计 6,759.55 万元，相差 0.01 万元（舍入级差异）`.
 */
export function sumMessage(
  wording: SumWording,
  stated: Decimal,
  sum: Decimal,
  difference: Decimal,
  rounding: boolean,
): string {
  const value = (v: Decimal) => figureText(v, wording.unit);
  const statedSide = wording.stated ? wording.stated(value(stated)) : `报告所列 ${value(stated)}`;
  return `${wording.figure}：${statedSide}，${wording.computed} ${value(sum)}，相差 ${value(magnitude(difference))}（${rounding ? ROUNDING : BEYOND_ROUNDING}）`;
}

/**
 * A ratio finding: `…「基本支出占比」（第 418 行）：报告所列 70%，按 … ÷ … 计算为 66.8598%，相差
 * 3.1402 个百分点（超出舍入误差）`; the computed ratio to the four decimals it is stored with.
 */
export function ratioMessage(
  wording: RatioWording,
  stated: Decimal,
  computed: Decimal,
  difference: Decimal,
  rounding: boolean,
): string {
  return `${wording.figure}：报告所列 ${figureText(stated, '%')}，按${wording.numerator} ÷ ${wording.denominator}计算为 ${figureText(computed, '%')}，相差 ${groupedDecimal(magnitude(difference))} 个百分点（${rounding ? ROUNDING : BEYOND_ROUNDING}）`;
}
