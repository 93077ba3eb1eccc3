import { completionFamily, type CompletionFamily } from './completion-words.js';

/**
 * Copied actuals (docs/domain.md, "Copied actuals"): a 表3 row whose actual only restates its
 * target, so that the self-evaluation measured nothing for it. Decided from the two texts as
 * stored, after normalising both the same way:
 *
 * - SAME_TEXT: the actual is the target text again;
 * - COMPLETION_WORD: the whole actual is a completion word (completion-words.ts: 完成, 达到预期,
 *   达标, 是, 好 …), with no figure of its own.
 *
 * An actual with a figure of its own is never a copy unless it is the target text itself:
 * `完成98%` or `100%` against `≥95%` state a result. A blank actual (empty, `—`, `/`) restates
 * nothing: it is missing, not copied.
 *
 * The normalisation is data (a character map and character classes) so that the analytics' SQL
 * applies exactly the same steps (withCopiedReason in src/analytics/copied-actuals.ts):
 * 1. fold the full-width forms of figures to half-width (`９５％` → `95%`) and look-alike
 *    comparison symbols to one (`≧` → `≥`);
 * 2. remove spaces (the ideographic one too), the punctuation of prose, ASCII (`,` `;` `(`) or
 *    full-width (`，` `；` `（`), and Chinese (`。` `、` `“` `《` …), keeping what belongs to
 *    figures: `.` `%` `‰` `/` `-` `+` `=` `<` `>` `≥` `≤` `~`;
 * 3. remove full stops left at either end (`完成.`).
 */

/** Why a row's actual counts as a copy. */
export type CopiedActualReason = 'SAME_TEXT' | 'COMPLETION_WORD';

/** A copied actual: why, and for a completion word its family. */
export interface CopiedActual {
  reason: CopiedActualReason;
  family: CompletionFamily | null;
  /** The actual as compared, normalised. */
  normalised: string;
}

/** Full-width figures: digits, Latin letters and the symbols kept in step 2. */
const FULL_WIDTH_FIGURES =
  '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ．％／－＋＝＜＞～';

/** Characters folded one to one (step 1): `FOLD_FROM[i]` becomes `FOLD_TO[i]` (SQL translate). */
export const FOLD_FROM = `${FULL_WIDTH_FIGURES}≧⩾≦⩽﹪﹦–—`;
export const FOLD_TO = `${[...FULL_WIDTH_FIGURES].map((c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).join('')}≥≥≤≤%=--`;

/**
 * Characters removed (step 2), as a regular-expression class that JavaScript and RE2 read alike
 * (literal characters and one literal range): ASCII spaces and punctuation that is not part of a
 * figure, the ideographic and no-break spaces, every full-width form left after step 1 (！ to ～),
 * and the punctuation of Chinese prose.
 */
export const REMOVED_CLASS =
  '[ \\t\\n\\r\\f\\v!"#&\'()*,:;?@\\[\\]^_`{|}\u3000\u00a0！-～。、“”‘’「」『』《》〈〉【】〔〕〖〗…·]';

/** Full stops left at either end (step 3). */
export const END_STOPS = '^\\.+|\\.+$';

/** A normalised actual that says nothing at all: empty, or only dashes, slashes and dots. */
export const BLANK_PATTERN = '[-/~.]*';

const FOLD = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]!]));
const REMOVED = new RegExp(REMOVED_CLASS, 'g');
const ENDS = new RegExp(END_STOPS, 'g');
const BLANK = new RegExp(`^(?:${BLANK_PATTERN})$`);

/** A cell as the rule compares it (steps 1 to 3 above). */
export function normaliseForCopy(text: string): string {
  const folded = [...text].map((c) => FOLD.get(c) ?? c).join('');
  return folded.replace(REMOVED, '').replace(ENDS, '');
}

/**
 * Whether a row's actual only restates its target (docs/domain.md, "Copied actuals"), and why;
 * null when the actual says something of its own or nothing at all.
 */
export function copiedActual(targetText: string, actualText: string): CopiedActual | null {
  const actual = normaliseForCopy(actualText);
  if (BLANK.test(actual)) return null;
  if (actual === normaliseForCopy(targetText))
    return { reason: 'SAME_TEXT', family: null, normalised: actual };
  const family = completionFamily(actual);
  return family === null ? null : { reason: 'COMPLETION_WORD', family, normalised: actual };
}
