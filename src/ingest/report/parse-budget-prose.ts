import { parseDecimal, printedDecimals } from '../decimal.js';
import { functionClass } from './function-classes.js';
import type { FunctionAmount, StatedFigure } from '../report-document.js';
import { ReportParseError } from './report-parse-error.js';
import { joinLines, type JoinedText, type SourceLine } from './source-text.js';

/**
 * The printed figure after a keyword, captured loosely up to its unit so that a damaged number
 * (`十万`, `10,,283.32.1`) is reported as unreadable instead of silently skipped; words other
 * than numerals end the match, so prose that merely mentions a keyword is not taken for a figure.
 */
const NUM = String.raw`(?:合计|总额)?(?:为|是|达)?([^，。；;：:万%\u4e00-\u9fa5]{1,24}|[零〇一二三四五六七八九十百千两点]{1,12})`;

/** What the prose of 部门整体收支情况 states: totals, rates and amounts by functional class. */
export interface BudgetProse {
  statedFigures: StatedFigure[];
  revenueByFunction: FunctionAmount[];
  expenditureByFunction: FunctionAmount[];
}

interface Finder {
  file: string;
  joined: JoinedText;
}

function figure(
  f: Finder,
  name: string,
  pattern: RegExp,
  unit: StatedFigure['unit'],
): StatedFigure | null {
  const match = pattern.exec(f.joined.text);
  if (!match) return null;
  const printed = match[1]!;
  const value = parseDecimal(printed);
  const line = f.joined.lineAt(match.index + match[0].indexOf(printed));
  if (value === null) {
    throw new ReportParseError(
      f.file,
      '部门整体收支情况',
      line,
      `"${printed}" is not a number (${name})`,
    );
  }
  return { name, value, unit, line, decimals: printedDecimals(printed) };
}

/**
 * Reads the list after `其中：` that follows a total, up to the sentence end: items such as
 * `一般公共服务预算收入 5,781.20万元` or `公共安全决算支出 202.01万元`.
 */
function byFunction(f: Finder, start: number, itemSuffix: RegExp): FunctionAmount[] {
  const text = f.joined.text;
  const listStart = text.indexOf('其中', start);
  if (listStart < 0) return [];
  const end = text.indexOf('。', listStart);
  const list = text.slice(listStart, end < 0 ? undefined : end);
  const items: FunctionAmount[] = [];
  const item = new RegExp(String.raw`([^，,；;：:]+?)${itemSuffix.source}${NUM}万元`, 'g');
  for (const match of list.matchAll(item)) {
    const amount = parseDecimal(match[2]!);
    const offset = listStart + match.index + match[0].indexOf(match[2]!);
    if (amount === null) {
      throw new ReportParseError(
        f.file,
        '部门整体收支情况',
        f.joined.lineAt(offset),
        `"${match[2]}" is not an amount`,
      );
    }
    const cls = functionClass(match[1]!.replace(/^其中/, ''));
    items.push({
      functionClass: cls.name,
      functionCode: cls.code,
      amount,
      line: f.joined.lineAt(offset),
    });
  }
  return items;
}

/**
 * Parses 1.预算收入情况, 2.预算支出情况 and 3.支出规模情况. Numbers are kept as printed; whether
 * they add up is the reconciliation's job, not the parser's.
 */
export function parseBudgetProse(file: string, lines: readonly SourceLine[]): BudgetProse {
  const joined = joinLines(lines);
  const f: Finder = { file, joined };
  const candidates = [
    figure(f, 'revenue_total', new RegExp(`年初预算收入(?:合计|总额|为)?${NUM}万元`), '万元'),
    figure(f, 'full_year_budget', new RegExp(`全年预算(?:数|总额)?(?:为)?${NUM}万元`), '万元'),
    figure(f, 'final_total', new RegExp(`(?<!部门)决算支出(?:合计|总额|为)?${NUM}万元`), '万元'),
    figure(f, 'spending_progress', new RegExp(`支出进度(?:为)?${NUM}%`), '%'),
    figure(f, 'execution_rate', new RegExp(`支出执行率(?:为)?${NUM}%`), '%'),
    figure(f, 'scale_final_total', new RegExp(`部门决算支出(?:合计|总额|为)?${NUM}万元`), '万元'),
    figure(f, 'basic_final', new RegExp(`基本支出(?:决算数|决算支出)?(?:为)?${NUM}万元`), '万元'),
    figure(f, 'basic_share', new RegExp(`基本支出[^。；;]*?占比(?:为)?${NUM}%`), '%'),
    figure(f, 'project_final', new RegExp(`项目支出(?:决算数|决算支出)?(?:为)?${NUM}万元`), '万元'),
    figure(f, 'project_share', new RegExp(`项目支出[^。；;]*?占比(?:为)?${NUM}%`), '%'),
  ];
  const statedFigures = candidates.filter((c): c is StatedFigure => c !== null);

  const revenueAt = joined.text.search(/年初预算收入/);
  const finalAt = joined.text.search(/(?<!部门)决算支出/);
  return {
    statedFigures,
    revenueByFunction: revenueAt < 0 ? [] : byFunction(f, revenueAt, /(?:预算)?收入/),
    expenditureByFunction: finalAt < 0 ? [] : byFunction(f, finalAt, /决算支出/),
  };
}
