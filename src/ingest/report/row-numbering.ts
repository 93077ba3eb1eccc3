import type { ParseNote } from '../report-document.js';

/**
 * Row numbers (序号) of a key-indicator table: how a row is found, and the note when one is
 * missing. A table whose row `2` lost its number (a deleted or misprinted line) used to end at
 * row 1, silently dropping every row after it; rows are now found past a gap of up to
 * MAX_MISSING numbers, and the gap is a WARNING, since the row before it may hold the lost
 * row's cells.
 */
const MAX_MISSING = 2;

/**
 * What follows a number that skips ahead and still starts a row: not a measure word or unit
 * standing alone (`7 个。` is the end of a cell, not row 7; `3 期刊发行情况` is row 3), not
 * closing punctuation.
 */
const NOT_A_ROW =
  /^(?:[个次人件家项户册期元年月日天号%％](?![\u4e00-\u9fa5])|万元|万人|亿元?|[，。、；：）)”])/;

/**
 * Whether a line numbered `n` (its text after the number `rest`) starts the row after row
 * `previous` (0 before the first row): the next number, or one a little further on.
 */
export function startsNextRow(n: number, previous: number, rest: string): boolean {
  if (n === previous + 1) return true;
  return n > previous + 1 && n <= previous + 1 + MAX_MISSING && !NOT_A_ROW.test(rest.trim());
}

/** A WARNING for each gap in the rows' numbers; `table` names the table (`表3`). */
export function numberingNotes(
  rows: readonly { seq: number; line: number }[],
  table: string,
): ParseNote[] {
  const notes: ParseNote[] = [];
  rows.forEach((row, i) => {
    const previous = i === 0 ? 0 : rows[i - 1]!.seq;
    if (row.seq === previous + 1) return;
    const missing = Array.from({ length: row.seq - previous - 1 }, (_, k) => previous + 1 + k);
    notes.push({
      check: 'indicator.row_missing',
      severity: 'WARNING',
      message: `${table}（第 ${row.line} 行）：缺少序号 ${missing.join('、')} 的行（序号 ${previous === 0 ? '' : `${previous} 之后为 `}${row.seq}），${previous === 0 ? '' : `序号 ${previous} 的行可能混入了缺失行的内容，`}请核对该表`,
      expected: null,
      actual: null,
    });
  });
  return notes;
}
