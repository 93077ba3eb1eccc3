/**
 * The sections of a national-framework report (docs/domain.md, "Other templates"): 一、部门（单位）
 * 基本情况, 二、部门整体支出情况 (or 预算收支情况), 三、绩效自评情况 (or 部门整体支出绩效情况),
 * 四、存在的问题, 五、改进措施, 六、结果应用. As in the Guangzhou template, sections are found by
 * what their headings say, each after the previous one, since provinces renumber and rename them.
 */
import { ReportParseError } from '../report-parse-error.js';
import { compact, type SourceLine } from '../source-text.js';

export type NationalSectionId =
  'basics' | 'finance' | 'evaluation' | 'problems' | 'improvements' | 'resultsUse' | 'other';

interface SectionRule {
  id: NationalSectionId;
  /** Chinese name used in error messages and notes. */
  label: string;
  /** Tested against a heading's text after its numbering. */
  keyword: RegExp;
  /** Whether the heading must not also say this (部门整体支出绩效情况 is not the finance section). */
  unless?: RegExp;
}

const RULES: readonly SectionRule[] = [
  { id: 'basics', label: '部门（单位）基本情况', keyword: /基本(?:情况|概况)|单位概况|部门概况/ },
  {
    id: 'finance',
    label: '部门整体支出情况',
    keyword: /(?:支出|收支|收入|预算|决算|资金).{0,10}(?:情况|概况)$/,
    unless: /绩效/,
  },
  {
    id: 'evaluation',
    label: '绩效自评情况',
    keyword: /绩效|自评|评价|得分/,
    unless: /问题|改进|整改|措施|建议|应用/,
  },
  { id: 'problems', label: '存在的问题', keyword: /问题/ },
  { id: 'improvements', label: '改进措施', keyword: /改进|整改|措施|建议|意见/ },
  { id: 'resultsUse', label: '结果应用', keyword: /应用/ },
  { id: 'other', label: '其他需要说明的情况', keyword: /其他|附件|附表/ },
];

/** The label of a section, for errors and notes. */
export function sectionLabel(id: NationalSectionId): string {
  return RULES.find((r) => r.id === id)!.label;
}

/** A main heading `三、…`; the fallback also accepts sub-headings `（三）…`. */
const MAIN_HEADING = /^[一二三四五六七八九十]+、(.*)$/;
const ANY_HEADING = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)(.*)$/;

/** The part of a heading before its first full stop, when short enough to be a heading. */
function headingText(line: SourceLine, form: RegExp): string | null {
  const match = form.exec(compact(line.text));
  if (!match) return null;
  const head = match[1]!.split(/[。.]/)[0]!;
  return head.length > 0 && head.length <= 24 ? head : null;
}

/** Lines of one section: its heading and the lines up to the next section found. */
export interface NationalSection {
  id: NationalSectionId;
  label: string;
  heading: SourceLine;
  lines: SourceLine[];
}

export type NationalSections = Partial<Record<NationalSectionId, NationalSection>>;

function locate(lines: readonly SourceLine[], form: RegExp): NationalSections {
  const found: { rule: SectionRule; index: number }[] = [];
  let from = 0;
  for (const rule of RULES) {
    for (let i = from; i < lines.length; i++) {
      const head = headingText(lines[i]!, form);
      if (head === null || !rule.keyword.test(head) || rule.unless?.test(head)) continue;
      found.push({ rule, index: i });
      from = i + 1;
      break;
    }
  }
  const sections: NationalSections = {};
  found.forEach((entry, k) => {
    sections[entry.rule.id] = {
      id: entry.rule.id,
      label: entry.rule.label,
      heading: lines[entry.index]!,
      lines: lines.slice(entry.index + 1, found[k + 1]?.index ?? lines.length),
    };
  });
  return sections;
}

/**
 * Finds the sections among main headings (`二、…`), or, where the finance section is not among
 * them, among all headings (`（二）…`). `lines` are the report's lines after the title with the
 * tables left out, so that a table cell never passes for a heading. The finance section holds the
 * budget figures, which are essential: without it the report is refused.
 */
export function locateNationalSections(
  file: string,
  lines: readonly SourceLine[],
): NationalSections {
  const main = locate(lines, MAIN_HEADING);
  if (main.finance) return main;
  const any = locate(lines, ANY_HEADING);
  if (any.finance) return any;
  throw new ReportParseError(
    file,
    sectionLabel('finance'),
    main.basics?.heading.no ?? lines[0]?.no ?? null,
    `section "${sectionLabel('finance')}" (部门整体支出情况 / 预算收支情况) not found`,
  );
}
