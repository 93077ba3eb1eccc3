import { findIndicatorTable } from './parse-indicator-table.js';
import { findKeyTaskTable } from './parse-key-task-table.js';
import { findManagementTable } from './parse-management-table.js';
import { HEAD_END_CHARS } from './section-headings.js';
import type { SourceLine } from './source-text.js';

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

/**
 * What a report without the section gets. Only the budget figures (收支情况 with 表2) and the
 * self-score (自评结论) are essential (`refuse`): without them there is no report to compare.
 * Parts that analysts read but figures do not depend on leave empty parts and a WARNING note
 * (`note`), so that their absence reaches data quality instead of refusing the report; the rest
 * was always optional (`ignore`).
 */
export type WhenMissing = 'refuse' | 'note' | 'ignore';

export interface SectionRule {
  id: SectionId;
  /** Chinese name used in error messages and notes. */
  label: string;
  /**
   * What the heading's words say, by preference: a heading matching the first pattern anywhere
   * wins over one matching a later pattern. Later patterns are the broader names other cities
   * use (`部门（单位）基本情况` for the overview).
   */
  keywords: readonly RegExp[];
  whenMissing: WhenMissing;
  /** The section's table, whose caption starts the section when the heading itself is missing. */
  table?: (lines: readonly SourceLine[]) => number;
}

/** Numbering-free `部门（单位）`, full- or half-width, as in `部门（单位）基本情况`. */
const UNIT = String.raw`(?:部门|单位|机关)?(?:[（(](?:单位|部门)[)）])?`;

/**
 * Sections are found by what their heading says, not by their number or position, since other
 * years and cities renumber and reorder them (docs/architecture.md, "Room to grow").
 */
export const RULES: readonly SectionRule[] = [
  {
    id: 'duties',
    label: '部门职能',
    keywords: [new RegExp(String.raw`^${UNIT}(?:主要)?(?:职能|职责)`)],
    whenMissing: 'ignore',
  },
  {
    id: 'overview',
    label: '年度总体工作和重点工作任务',
    keywords: [
      /(?:年度(?:总体)?工作(?:和|及|与)?)?重点工作(?:任务)?|年度(?:总体)?工作/,
      new RegExp(String.raw`^${UNIT}(?:基本情况|概况)$`),
    ],
    whenMissing: 'note',
    table: findKeyTaskTable,
  },
  {
    id: 'goals',
    label: '部门整体支出绩效目标',
    keywords: [
      /^(?:部门|单位|机关)?整体(?:支出)?绩效目标/,
      /^(?:年度)?(?:整体)?绩效目标(?:设定|设置)?(?:情况)?$/,
    ],
    whenMissing: 'ignore',
  },
  {
    id: 'finance',
    label: '部门整体收支情况',
    keywords: [
      /收支情况/,
      /^(?:部门|单位|机关)?(?:整体)?(?:支出|预算收支|预算执行|资金使用)(?:情况|概况)$/,
    ],
    whenMissing: 'refuse',
  },
  {
    id: 'performanceManagement',
    label: '部门整体绩效管理情况',
    keywords: [/绩效管理(?:工作)?(?:开展)?情况/],
    whenMissing: 'ignore',
  },
  {
    id: 'evaluation',
    label: '绩效自评情况',
    keywords: [
      /^(?:部门整体支出)?(?:绩效)?自评(?:工作)?(?:开展|组织)?情况/,
      /^(?:绩效)?评价(?:工作)?(?:开展|组织)?情况$/,
    ],
    whenMissing: 'ignore',
  },
  {
    id: 'conclusion',
    label: '自评结论',
    keywords: [/^(?:综合)?自评结论|^(?:绩效)?自评(?:总|综合)?得分/, /(?:综合)?评价结论/],
    whenMissing: 'refuse',
  },
  {
    id: 'dutyAnalysis',
    label: '履职效能分析',
    keywords: [/^履职效能/, /履职效能/],
    whenMissing: 'note',
    table: findIndicatorTable,
  },
  {
    id: 'managementAnalysis',
    label: '管理效率分析',
    keywords: [/^管理效率/, /管理效率/],
    whenMissing: 'note',
    table: findManagementTable,
  },
  {
    id: 'problems',
    label: '存在的主要问题',
    keywords: [/(?:存在的?)?(?:主要)?问题/, /不足/],
    whenMissing: 'note',
  },
  {
    id: 'improvements',
    label: '下一步改进措施',
    keywords: [
      /(?:下一步)?(?:改进|整改)(?:措施|方向|意见|建议)?|措施|建议/,
      /^下一步|工作(?:计划|打算|思路)$/,
    ],
    whenMissing: 'note',
  },
];

/**
 * The sections a report closes with (docs/domain.md, "三、存在的主要问题 and 四、下一步改进措施").
 * A text that has neither stops before its end: it is refused as cut off, not noted as incomplete.
 */
export const CLOSING: readonly SectionId[] = ['problems', 'improvements'];

/** Longest heading words the parser takes for a heading; longer text is prose. */
export const HEAD_MAX = 24;

/** Whether a heading's words (numbering removed) name the rule's section, by keyword `tier`. */
export function headNames(rule: SectionRule, tier: number, head: string): boolean {
  const keyword = rule.keywords[tier];
  return keyword !== undefined && head.length > 0 && head.length <= HEAD_MAX && keyword.test(head);
}

/** Words that finish a heading after its keyword (`履职效能` + `分析`). */
const TAIL = /^(?:分析|情况|结论|说明|及(?:其)?(?:原因|成因)(?:分析)?)*/;
/** A keyword this far into the words after the numbering still starts a heading (`存在的主要问题`). */
const KEYWORD_START_MAX = 8;

/** Every keyword, anchored at the end, to find where a heading's words end in run-on text. */
const ENDING_KEYWORDS: readonly RegExp[] = RULES.flatMap((rule) =>
  rule.keywords.map((keyword) => new RegExp(`(?:${keyword.source})$`)),
);

/**
 * For text run on without line breaks: how many characters of `text` (whitespace removed, starting
 * right after a heading's numbering) are the words of a known section heading, or 0 when the text
 * does not start with one. The heading is the longest stretch, before any full stop or comma, that
 * ends with a section keyword, plus the usual closing words.
 */
export function knownHeadingLength(text: string): number {
  const end = text.search(HEAD_END_CHARS);
  const words = text.slice(0, Math.min(HEAD_MAX, end < 0 ? text.length : end));
  for (let length = words.length; length >= 2; length--) {
    const prefix = words.slice(0, length);
    const named = ENDING_KEYWORDS.some((keyword) => {
      const match = keyword.exec(prefix);
      return match !== null && match.index <= KEYWORD_START_MAX;
    });
    if (named) return length + TAIL.exec(text.slice(length))![0].length;
  }
  return 0;
}
