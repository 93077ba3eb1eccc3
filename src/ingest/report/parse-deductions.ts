import { compareDecimals, parseDecimal, subtractDecimals, sumDecimals } from '../decimal.js';
import { figureText, lineText, magnitude, namedFigure } from '../figure-text.js';
import type { Deduction, ManagementScoreRow, ParseNote } from '../report-document.js';

/** One reason for lost points as a paragraph states it. */
export interface StatedDeduction {
  reason: string;
  points: string;
  /** The clause without quotation marks, to find the table-4 items it names. */
  text: string;
}

/**
 * Text without quotation marks: items are quoted in paragraphs (“采购合同签订时效性”) and some
 * item names carry quotes of their own (“三公”经费控制情况), so names are compared unquoted.
 */
export function unquoted(text: string): string {
  return text.replace(/[“”"‘’'「」『』]/g, '');
}

const POINTS = /(?:被|共|合计)?(?:扣减?|扣除)(\d+(?:\.\d{1,4})?)分/;
const ENUMERATION = /(?:^|[；;。])\s*(?:[一二三四五六七八九十]+是|[（(]?\d+[)）.、])/;

/**
 * Reads the deduction clauses of an analysis paragraph (`扣分的主要原因是…，扣0.01分。`). Clauses
 * are split at enumerations (一是/二是, 1./2.) or sentence ends; each clause that names a number
 * of points is one stated deduction.
 */
export function parseStatedDeductions(paragraph: string): StatedDeduction[] {
  const at = paragraph.search(/扣分(的)?(主要)?原因|扣分(情况|说明)/);
  if (at < 0 && !POINTS.test(paragraph)) return [];
  const body = paragraph
    .slice(Math.max(0, at))
    .replace(/^扣分(的)?(主要)?原因(是|为|如下|：|:)*[：:]?/, '');
  const pieces = ENUMERATION.test(body)
    ? body.split(/(?=[一二三四五六七八九十]+是)|(?<=[；;。])/)
    : body.split(/(?<=[；;。])/);
  const out: StatedDeduction[] = [];
  for (const piece of pieces) {
    const match = POINTS.exec(piece);
    if (!match) continue;
    const reason = piece
      .replace(/^[一二三四五六七八九十]+是/, '')
      .replace(
        /[，,]?(?:致使)?[^，,；;。]*?(?:被|共|合计)?(?:扣减?|扣除)\d+(?:\.\d+)?分[。；;，,]*$/,
        '',
      )
      .replace(/[，,；;。]+$/, '');
    out.push({
      reason: reason || piece,
      points: parseDecimal(match[1]!)!,
      text: unquoted(piece),
    });
  }
  return out;
}

/** Deductions of the duty part: the paragraph is the only source (there is no duty score table). */
export function dutyDeductions(stated: readonly StatedDeduction[]): Deduction[] {
  return stated.map((s) => ({
    part: 'DUTY',
    item: null,
    level2: null,
    reason: s.reason,
    points: s.points,
    source: 'PARAGRAPH',
  }));
}

/**
 * Deductions of the management part: every table-4 row that scored below its weight, with the
 * paragraph's reason attached where the paragraph names the row's item or states the same
 * points. A stated deduction that matches no row is kept (source PARAGRAPH) and noted, so that
 * nothing the report says is lost; the score reconciliation then shows whether it double counts.
 */
export function managementDeductions(
  rows: readonly ManagementScoreRow[],
  stated: readonly StatedDeduction[],
): { deductions: Deduction[]; notes: ParseNote[] } {
  const deductions = tableDeductions(rows, () => 'MANAGEMENT');
  const notes: ParseNote[] = [];
  for (const s of stated) {
    let matched = deductions.filter((d) => d.item !== null && s.text.includes(unquoted(d.item)));
    if (matched.length === 0) {
      const samePoints = deductions.find(
        (d) => d.source === 'TABLE' && compareDecimals(d.points, s.points) === 0,
      );
      if (samePoints) matched = [samePoints];
    }
    notes.push(
      ...attachStated(deductions, s, matched, {
        part: 'MANAGEMENT',
        unmatched:
          '管理效率分析所述扣分：报告所列扣 {points}（{reason}），表4 中没有指标名称或失分与之对应的行，该扣分按段落所述单独计入',
        mismatch:
          '管理效率分析所述扣分（{reason}）：报告所列扣 {points}，表4 对应行的失分（分值减得分）为{rows}，合计 {table}，相差 {difference}',
      }),
    );
  }
  return { deductions, notes };
}

/**
 * How a template words the notes on a stated deduction (in Chinese, naming where the points are
 * stated and the rows that lost them), and where an unmatched one belongs.
 */
export interface StatedWording {
  /** The part a stated deduction that matches no row counts in. */
  part: Deduction['part'];
  /** Note for a stated deduction no row lost: {points} (with 分) and {reason} are filled in. */
  unmatched: string;
  /**
   * Note for rows that lost other points than stated: {points}, {reason}, {rows} (each row's
   * item, line and points lost), {table} (their sum) and {difference}, points with 分.
   */
  mismatch: string;
}

/**
 * Records one stated deduction against the scored rows it was matched to: they take its reason
 * and source BOTH, with a note when their points differ from the stated ones; matched to none, it
 * is kept as a PARAGRAPH deduction with a note, so that nothing the report says is lost.
 */
export function attachStated(
  deductions: Deduction[],
  s: StatedDeduction,
  matched: readonly Deduction[],
  wording: StatedWording,
): ParseNote[] {
  const points = (value: string) => figureText(value, '分');
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  if (matched.length === 0) {
    deductions.push({
      part: wording.part,
      item: null,
      level2: null,
      reason: s.reason,
      points: s.points,
      source: 'PARAGRAPH',
    });
    return [
      {
        check: 'deduction.paragraph_unmatched',
        severity: 'WARNING',
        message: fill(wording.unmatched, { points: points(s.points), reason: s.reason }),
        expected: s.points,
        actual: null,
      },
    ];
  }
  for (const d of matched) {
    d.reason = s.reason;
    d.source = 'BOTH';
  }
  const tablePoints = sumDecimals(matched.map((d) => d.points));
  if (compareDecimals(tablePoints, s.points) === 0) return [];
  return [
    {
      check: 'deduction.paragraph_vs_table',
      severity: 'WARNING',
      message: fill(wording.mismatch, {
        points: points(s.points),
        reason: s.reason,
        rows: matched
          .map((d) => namedFigure(`「${d.item}」${lineText(d.line)}`, d.points, '分'))
          .join('、'),
        table: points(tablePoints),
        difference: points(magnitude(subtractDecimals(tablePoints, s.points))),
      }),
      expected: s.points,
      actual: tablePoints,
    },
  ];
}

/** The points each scored row lost (weight − score), source TABLE, in the part `partOf` gives. */
export function tableDeductions(
  rows: readonly ManagementScoreRow[],
  partOf: (row: ManagementScoreRow) => Deduction['part'],
): Deduction[] {
  return rows
    .filter((r) => compareDecimals(r.weight, r.score) > 0)
    .map((r) => ({
      part: partOf(r),
      item: r.level3,
      level2: r.level2 || null,
      reason: null,
      points: subtractDecimals(r.weight, r.score),
      source: 'TABLE',
      line: r.line,
    }));
}
