import { ReportParseError } from './report-parse-error.js';
import { compact, type SourceLine } from './source-text.js';

/** The sections of the Guangzhou template (docs/domain.md), in the order they appear. */
export type SectionId =
  | 'duties'
  | 'overview'
  | 'goals'
  | 'finance'
  | 'performanceManagement'
  | 'evaluation'
  | 'conclusion'
  | 'dutyAnalysis'
  | 'managementAnalysis'
  | 'problems'
  | 'improvements';

interface SectionRule {
  id: SectionId;
  /** Chinese name used in error messages. */
  label: string;
  /** Tested against a heading's text after its numbering (`（二）`, `三、`) is removed. */
  keyword: RegExp;
  required: boolean;
}

/**
 * Sections are found by what their heading says, not by their number or position, since other
 * years and cities renumber and reorder them (docs/architecture.md, "Room to grow").
 */
const RULES: readonly SectionRule[] = [
  { id: 'duties', label: '部门职能', keyword: /^部门(主要)?职(能|责)/, required: false },
  {
    id: 'overview',
    label: '年度总体工作和重点工作任务',
    keyword: /重点工作任务|年度(总体)?工作/,
    required: true,
  },
  {
    id: 'goals',
    label: '部门整体支出绩效目标',
    keyword: /^部门整体(支出)?绩效目标/,
    required: false,
  },
  { id: 'finance', label: '部门整体收支情况', keyword: /收支情况/, required: true },
  {
    id: 'performanceManagement',
    label: '部门整体绩效管理情况',
    keyword: /绩效管理(工作)?情况/,
    required: false,
  },
  { id: 'evaluation', label: '绩效自评情况', keyword: /^(绩效)?自评(工作)?情况/, required: false },
  { id: 'conclusion', label: '自评结论', keyword: /^自评结论|^自评得分/, required: true },
  { id: 'dutyAnalysis', label: '履职效能分析', keyword: /^履职效能/, required: true },
  { id: 'managementAnalysis', label: '管理效率分析', keyword: /^管理效率/, required: true },
  { id: 'problems', label: '存在的主要问题', keyword: /问题/, required: true },
  { id: 'improvements', label: '下一步改进措施', keyword: /改进|整改|措施|建议/, required: true },
];

/** A heading: `一、` … or `（一）` … at the start of a line; `一是` and table cells like `一、通过…` are told apart by keyword. */
const HEADING = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)(.*)$/;

/** Lines of one section: the heading line and the lines up to the next found section. */
export interface Section {
  id: SectionId;
  label: string;
  heading: SourceLine;
  /** Text on the heading line after the heading itself (`（二）履职效能分析。指标分值 50分…`). */
  headingRest: string;
  lines: SourceLine[];
}

export type Sections = Partial<Record<SectionId, Section>>;

/**
 * Finds each section's heading in template order, each after the previous one. A required
 * section that is missing is a parse error naming it and the line after which it was expected.
 */
export function locateSections(file: string, lines: readonly SourceLine[]): Sections {
  const found: { rule: SectionRule; index: number; rest: string }[] = [];
  let from = 0;
  for (const rule of RULES) {
    let hit = -1;
    let rest = '';
    for (let i = from; i < lines.length; i++) {
      const match = HEADING.exec(compact(lines[i]!.text));
      if (!match) continue;
      const body = match[1]!;
      // The heading is the part up to the first full stop; the rest of the line is prose.
      const head = body.split(/[。.]/)[0]!;
      if (head.length <= 24 && rule.keyword.test(head)) {
        hit = i;
        rest = body.slice(head.length).replace(/^[。.]/, '');
        break;
      }
    }
    if (hit < 0) {
      if (rule.required) {
        const after = found.at(-1);
        throw new ReportParseError(
          file,
          rule.label,
          after ? lines[after.index]!.no : (lines[0]?.no ?? null),
          `section "${rule.label}" not found${after ? ` after "${after.rule.label}"` : ''}`,
        );
      }
      continue;
    }
    found.push({ rule, index: hit, rest });
    from = hit + 1;
  }
  const sections: Sections = {};
  found.forEach((entry, k) => {
    const end = found[k + 1]?.index ?? lines.length;
    sections[entry.rule.id] = {
      id: entry.rule.id,
      label: entry.rule.label,
      heading: lines[entry.index]!,
      headingRest: entry.rest,
      lines: lines.slice(entry.index + 1, end),
    };
  });
  return sections;
}
