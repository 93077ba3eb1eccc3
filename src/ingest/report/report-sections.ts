import type { ParseNote } from '../report-document.js';
import { ReportParseError } from './report-parse-error.js';
import { headingLine, type HeadingLevel, type HeadingLine } from './section-headings.js';
import { CLOSING, headNames, RULES, type SectionId, type SectionRule } from './section-rules.js';
import { compact, type SourceLine } from './source-text.js';

export type { SectionId } from './section-rules.js';

/** Lines of one section: the heading line and the lines up to the next section or heading. */
export interface Section {
  id: SectionId;
  label: string;
  heading: SourceLine;
  /** Text on the heading line after the heading itself (`（二）履职效能分析。指标分值 50分…`). */
  headingRest: string;
  lines: SourceLine[];
  /**
   * `table` when the heading is missing and the section starts at its table's caption, which is
   * then also its first line (so that the table's parser finds it).
   */
  foundBy: 'heading' | 'table';
}

export type Sections = Partial<Record<SectionId, Section>>;

/** A section under a heading that no rule knows (`五、其他需要说明的情况`), kept as text. */
export interface OtherSection {
  heading: SourceLine;
  lines: SourceLine[];
}

/** What was found in a report's body, and what was not. */
export interface LocatedSections {
  sections: Sections;
  /** Sections in text order whose headings no rule knows. */
  others: OtherSection[];
  /** Sections that are missing but whose absence only leaves parts empty (see WhenMissing). */
  missing: SectionRule[];
}

/** A table caption: `表 1 …`, `表2`, `附表3`. */
const CAPTION = /^(?:附)?表[\d一二三四五六七八九十]/;
/** Longest heading words taken for a heading the rules do not know. */
const OTHER_HEAD_MAX = 20;

interface Boundary {
  index: number;
  level: HeadingLevel;
  rule: SectionRule | null;
  rest: string;
  foundBy: Section['foundBy'];
}

/** A line that holds nothing but a short heading (`一、部门基本情况`), not an enumerated sentence. */
function isHeadingOnly(h: HeadingLine | null | undefined): h is HeadingLine {
  return (
    !!h &&
    h.rest === '' &&
    h.head.length >= 2 &&
    h.head.length <= OTHER_HEAD_MAX &&
    !/[，,；;、]/.test(h.head)
  );
}

/** Numbered lines as headings, by index (null for other lines). */
function headingLines(lines: readonly SourceLine[]): (HeadingLine | null)[] {
  return lines.map((line) => headingLine(line.text));
}

/** Indexes of lines inside tables: from a caption to the next found section. */
function tableLines(lines: readonly SourceLine[], starts: readonly number[]): Set<number> {
  const inside = new Set<number>();
  lines.forEach((line, i) => {
    if (!CAPTION.test(compact(line.text))) return;
    const end = starts.filter((s) => s > i).sort((a, b) => a - b)[0] ?? lines.length;
    for (let j = i; j < end; j++) inside.add(j);
  });
  return inside;
}

/**
 * Finds each section's heading by meaning. First in template order, each after the previous one
 * (how the Guangzhou template is laid out; this keeps table cells numbered `一、` from being taken
 * for headings). Then, for what is still missing, anywhere outside tables, by the rule's broader
 * names as a last resort; a broad name on a heading with nothing under it (a parent such as
 * `一、部门基本情况`) is passed over. Sections whose heading is missing but whose table has its
 * caption start at the caption.
 */
function findKnown(lines: readonly SourceLine[], heads: readonly (HeadingLine | null)[]) {
  const found = new Map<SectionId, Boundary>();
  const claimed = new Set<number>();
  const claim = (rule: SectionRule, index: number, foundBy: Section['foundBy']) => {
    const head = heads[index];
    found.set(rule.id, { index, level: head?.level ?? 3, rule, rest: head?.rest ?? '', foundBy });
    claimed.add(index);
  };
  let from = 0;
  for (const rule of RULES) {
    const hit = heads.findIndex((h, i) => i >= from && h !== null && headNames(rule, 0, h.head));
    if (hit < 0) continue;
    claim(rule, hit, 'heading');
    from = hit + 1;
  }
  const inTable = tableLines(lines, [...claimed]);
  const hasContent = (i: number) => i + 1 < lines.length && !isHeadingOnly(heads[i + 1]);
  for (const rule of RULES) {
    for (let tier = 0; tier < rule.keywords.length && !found.has(rule.id); tier++) {
      const hit = heads.findIndex(
        (h, i) =>
          h !== null &&
          !claimed.has(i) &&
          !inTable.has(i) &&
          (tier === 0 || hasContent(i)) &&
          headNames(rule, tier, h.head),
      );
      if (hit >= 0) claim(rule, hit, 'heading');
    }
    const caption = found.has(rule.id) ? -1 : (rule.table?.(lines) ?? -1);
    if (caption >= 0 && !claimed.has(caption)) claim(rule, caption, 'table');
  }
  return found;
}

/**
 * Headings no rule knows that end the section before them: a numbered line holding nothing but a
 * short heading, outside tables, at the depth of the section it follows or above (so `1.预算收入
 * 情况` stays inside 收支情况, and `五、其他需要说明的情况` ends 改进措施).
 */
function findOthers(
  lines: readonly SourceLine[],
  heads: readonly (HeadingLine | null)[],
  known: readonly Boundary[],
): Boundary[] {
  const inTable = tableLines(
    lines,
    known.map((b) => b.index),
  );
  const knownAt = new Map(known.map((b) => [b.index, b]));
  const others: Boundary[] = [];
  let level: HeadingLevel = 3;
  heads.forEach((h, i) => {
    const at = knownAt.get(i);
    if (at) {
      level = at.level;
      return;
    }
    if (!isHeadingOnly(h) || inTable.has(i) || h.level > level) return;
    others.push({ index: i, level: h.level, rule: null, rest: '', foundBy: 'heading' });
    level = h.level;
  });
  return others;
}

/** The refusal for a missing section, naming the nearest section found before it. */
function missingSection(
  file: string,
  lines: readonly SourceLine[],
  rule: SectionRule,
  found: ReadonlyMap<SectionId, Boundary>,
): ReportParseError {
  const before = RULES.slice(0, RULES.indexOf(rule))
    .reverse()
    .find((r) => found.has(r.id));
  const after = before ? found.get(before.id)! : null;
  return new ReportParseError(
    file,
    rule.label,
    after ? lines[after.index]!.no : (lines[0]?.no ?? null),
    `section "${rule.label}" not found${before ? ` after "${before.label}"` : ''}`,
  );
}

/**
 * Finds the sections of a report's body (the lines after the title). Refuses, naming the section
 * and the line after which it was expected, when an essential section is missing, or when the
 * text has none of the closing sections: then it stops early (a truncated file), and the first
 * section that is not optional and missing after the last one found is named.
 */
export function findSections(file: string, lines: readonly SourceLine[]): LocatedSections {
  const heads = headingLines(lines);
  const found = findKnown(lines, heads);
  const truncated = CLOSING.every((id) => !found.has(id));
  const last = Math.max(-1, ...RULES.map((r, k) => (found.has(r.id) ? k : -1)));
  const missing: SectionRule[] = [];
  RULES.forEach((rule, k) => {
    if (found.has(rule.id)) return;
    const cutOff = truncated && k > last && rule.whenMissing !== 'ignore';
    if (rule.whenMissing === 'refuse' || cutOff) {
      throw missingSection(file, lines, rule, found);
    }
    if (rule.whenMissing === 'note') missing.push(rule);
  });

  const known = [...found.values()];
  const boundaries = [...known, ...findOthers(lines, heads, known)].sort(
    (a, b) => a.index - b.index,
  );
  const sections: Sections = {};
  const others: OtherSection[] = [];
  boundaries.forEach((b, k) => {
    const end = boundaries[k + 1]?.index ?? lines.length;
    const first = b.foundBy === 'table' ? b.index : b.index + 1;
    const body = lines.slice(first, end);
    if (!b.rule) {
      if (body.length > 0) others.push({ heading: lines[b.index]!, lines: body });
      return;
    }
    sections[b.rule.id] = {
      id: b.rule.id,
      label: b.rule.label,
      heading: lines[b.index]!,
      headingRest: b.rest,
      lines: body,
      foundBy: b.foundBy,
    };
  });
  return { sections, others, missing };
}

/** The sections of a report's body; see findSections. */
export function locateSections(file: string, lines: readonly SourceLine[]): Sections {
  return findSections(file, lines).sections;
}

/**
 * WARNING notes for sections that are missing or were found only by their table, so that the
 * gap reaches data quality (docs/domain.md, "Reconciliation") instead of refusing the report.
 */
export function sectionNotes(located: LocatedSections): ParseNote[] {
  const note = (message: string): ParseNote => ({
    check: 'section.missing',
    severity: 'WARNING',
    message,
    expected: null,
    actual: null,
  });
  return [
    ...located.missing.map((rule) => ({
      ...note(`未找到「${rule.label}」一节，该节内容留空`),
      missingSection: rule.label,
    })),
    ...Object.values(located.sections)
      .filter((s) => s.foundBy === 'table')
      .map((s) => note(`未找到「${s.label}」一节的标题，已从表格标题起读取其表格，该节段落留空`)),
  ];
}
