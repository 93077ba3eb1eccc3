/**
 * Recognises the OCR damage of docs/domain.md, "Confidence" (`≥` read as `2` or `工`, a letter O for zero)
 * and refuses what cannot be read: a wrong number is worse than none.
 */

/** The result of repairing one cell: repaired text (still with its whitespace), what was repaired, or why it is unreadable. */
export interface OcrRepair {
  text: string;
  repairs: string[];
  unreadable: string | null;
}

const HAN = /\p{Script=Han}/u;
const LETTER = /[A-Za-z]/;

/** Character before `index`, skipping whitespace; '' at the start of the text. */
function previousVisible(text: string, index: number): string {
  for (let i = index - 1; i >= 0; i--) {
    const ch = text[i] ?? '';
    if (!/\s/.test(ch)) return ch;
  }
  return '';
}

/**
 * Repairs recognisable OCR damage in a folded cell. Repairs make the reading LOW confidence
 * (the caller's job); damage that cannot be told from a real reading makes the cell unreadable.
 */
export function repairOcrDamage(folded: string): OcrRepair {
  const repairs: string[] = [];

  // Letter O for zero inside a number (`1O0%`, `9O%`): a run of digits and O with at least one
  // digit, not part of a word (ISO9001 keeps its O because a letter touches the run).
  let text = folded.replace(/[\dOo][\dOo.]*/g, (run, offset: number, whole: string) => {
    if (!/[Oo]/.test(run) || !/\d/.test(run)) return run;
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + run.length] ?? '';
    if (LETTER.test(before) || LETTER.test(after)) return run;
    const repaired = run.replace(/[Oo]/g, '0');
    repairs.push(`letter O read as zero in '${run}'`);
    return repaired;
  });

  // `工95%`: ≥ misread as 工. Only when 工 does not belong to a word (员工95人 keeps its 工).
  text = text.replace(/工(?=\s*\d)/g, (match, offset: number, whole: string) => {
    const before = previousVisible(whole, offset);
    if (HAN.test(before) || /[\d.]/.test(before)) return match;
    repairs.push(`'工' before a number read as ≥`);
    return '≥';
  });

  // `2 95%`: ≥ misread as 2, separated from the number by a space. A lone 2 that starts the cell
  // (or follows punctuation or a word) and is followed by another number cannot be a count.
  text = text.replace(/2\s+(?=\d)/g, (match, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    if (/[\d.,]/.test(before)) return match;
    const visible = previousVisible(whole, offset);
    if (/[\d.,]/.test(visible)) return match;
    repairs.push(`'2' before a number read as ≥`);
    return '≥';
  });

  // Any other digits separated by whitespace: a number broken across lines, or two cells fused.
  // A number or share followed by another number after whitespace (`≥95% 10`): the next column
  // (a score) fused into the cell.
  const split = /[\d%][ \t\r\n\u00a0\u3000]+\d/.exec(text);
  if (split) {
    return {
      text,
      repairs,
      unreadable: `numbers separated only by whitespace ('${split[0].replace(/\s+/g, ' ')}'): a broken number or fused cells`,
    };
  }
  return { text, repairs, unreadable: null };
}
