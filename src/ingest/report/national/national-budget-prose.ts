/**
 * The budget figures stated in the prose of a national-framework report's 部门整体支出情况 (or
 * 预算收支情况) section: the initial and full-year budgets, total final expenditure (支出总计), its
 * basic / project split with their shares, personnel and public funds, the execution rate, and
 * amounts by functional class where the report gives them (docs/domain.md, "Money, numbers and
 * ratios"). Stated figures keep the names the Guangzhou parser gives them, so that reconciliation
 * and the stored columns treat both templates alike.
 */
import type { Decimal } from '../../../db/tables.js';
import { parseDecimal, printedDecimals } from '../../decimal.js';
import type { FunctionAmount, StatedFigure } from '../../report-document.js';
import { functionClass } from '../function-classes.js';
import { ReportParseError } from '../report-parse-error.js';
import { joinLines, type JoinedText, type SourceLine } from '../source-text.js';
import { sectionLabel } from './national-sections.js';

/**
 * The printed figure after a keyword, captured loosely up to its unit (as parse-budget-prose.ts
 * does), so that a damaged number is reported as unreadable instead of silently skipped.
 */
const NUM = String.raw`(?:合计|总额|总计)?(?:为|是|达|共)?([^，。；;：:万%\u4e00-\u9fa5]{1,24}|[零〇一二三四五六七八九十百千两点]{1,12})`;

/** Stated figures, in the order they are listed on the document. */
const FIGURES: readonly (readonly [name: string, pattern: RegExp, unit: StatedFigure['unit']])[] = [
  ['revenue_total', new RegExp(`年初预算(?:数|收入)?${NUM}万元`), '万元'],
  ['full_year_budget', new RegExp(`(?:全年预算数?|调整后预算数?|调整预算数)${NUM}万元`), '万元'],
  [
    'final_total',
    new RegExp(
      `(?<!基本|项目|人员|公用)(?:本年)?(?:支出总计|支出合计|总支出|决算支出|支出决算数?|实际支出)${NUM}万元`,
    ),
    '万元',
  ],
  ['spending_progress', new RegExp(`支出进度${NUM}%`), '%'],
  ['execution_rate', new RegExp(`(?:预算|支出)?执行率${NUM}%`), '%'],
  ['basic_final', new RegExp(`基本支出(?:决算数?)?${NUM}万元`), '万元'],
  [
    'basic_share',
    new RegExp(`基本支出[^。；;]*?占(?:比|比重|支出总计的?|总支出的?|全部支出的?)?${NUM}%`),
    '%',
  ],
  ['project_final', new RegExp(`项目支出(?:决算数?)?${NUM}万元`), '万元'],
  [
    'project_share',
    new RegExp(`项目支出[^。；;]*?占(?:比|比重|支出总计的?|总支出的?|全部支出的?)?${NUM}%`),
    '%',
  ],
];

/** 人员经费 and 公用经费: parts of basic expenditure, stored by nature but not as stated figures. */
const PERSONNEL = new RegExp(`人员经费(?:支出)?${NUM}万元`);
const PUBLIC = new RegExp(`公用经费(?:支出)?${NUM}万元`);

/** `支出按功能分类：…` / `按支出功能分类划分，…`: the list of functional classes up to the sentence end. */
const BY_FUNCTION = /(收入|支出)?按(?:支出)?功能分类(?:划分)?(?:情况)?[，,：:]?/g;
const FUNCTION_ITEM = new RegExp(
  String.raw`([^，,；;：:、]+?)(?:决算|预算)?(?:支出|收入)?${NUM}万元`,
  'g',
);

/** An amount the prose states, with its line. */
export interface ProseAmount {
  value: Decimal;
  line: number;
}

/** What the prose states. */
export interface NationalBudgetProse {
  statedFigures: StatedFigure[];
  /** 人员经费 and 公用经费 final amounts, where stated. */
  personnel: ProseAmount | null;
  public: ProseAmount | null;
  revenueByFunction: FunctionAmount[];
  expenditureByFunction: FunctionAmount[];
}

interface Finder {
  file: string;
  joined: JoinedText;
}

/** A figure's value and line, or null when the prose does not state it. */
function read(
  f: Finder,
  name: string,
  pattern: RegExp,
): { value: Decimal; line: number; decimals: number } | null {
  const match = pattern.exec(f.joined.text);
  if (!match) return null;
  const printed = match[1]!;
  const line = f.joined.lineAt(match.index + match[0].lastIndexOf(printed));
  const value = parseDecimal(printed);
  if (value === null) {
    throw new ReportParseError(
      f.file,
      sectionLabel('finance'),
      line,
      `"${printed}" is not a number (${name})`,
    );
  }
  return { value, line, decimals: printedDecimals(printed) };
}

function byFunction(f: Finder): { revenue: FunctionAmount[]; expenditure: FunctionAmount[] } {
  const text = f.joined.text;
  const out = { revenue: [] as FunctionAmount[], expenditure: [] as FunctionAmount[] };
  for (const clause of text.matchAll(BY_FUNCTION)) {
    const from = clause.index + clause[0].length;
    const stop = text.indexOf('。', from);
    const list = text.slice(from, stop < 0 ? undefined : stop);
    const target = clause[1] === '收入' ? out.revenue : out.expenditure;
    for (const item of list.matchAll(FUNCTION_ITEM)) {
      const offset = from + item.index + item[0].lastIndexOf(item[2]!);
      const amount = parseDecimal(item[2]!);
      if (amount === null) {
        throw new ReportParseError(
          f.file,
          sectionLabel('finance'),
          f.joined.lineAt(offset),
          `"${item[2]}" is not an amount`,
        );
      }
      const cls = functionClass(item[1]!.replace(/^(?:其中|和|及)/, ''));
      target.push({
        functionClass: cls.name,
        functionCode: cls.code,
        amount,
        line: f.joined.lineAt(offset),
      });
    }
  }
  return out;
}

/**
 * Reads the figures stated in the finance section's prose (tables left out). Numbers are kept as
 * printed; whether they add up is the reconciliation's job.
 */
export function parseNationalBudgetProse(
  file: string,
  lines: readonly SourceLine[],
): NationalBudgetProse {
  const f: Finder = { file, joined: joinLines(lines) };
  const statedFigures: StatedFigure[] = [];
  for (const [name, pattern, unit] of FIGURES) {
    const figure = read(f, name, pattern);
    if (figure) {
      const { value, line, decimals } = figure;
      statedFigures.push({ name, value, unit, line, decimals });
    }
  }
  const functions = byFunction(f);
  return {
    statedFigures,
    personnel: read(f, 'personnel', PERSONNEL),
    public: read(f, 'public', PUBLIC),
    revenueByFunction: functions.revenue,
    expenditureByFunction: functions.expenditure,
  };
}
