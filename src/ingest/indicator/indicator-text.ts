/**
 * Text preparation shared by the indicator readers: width folding, look-alike symbols,
 * whitespace removal and masking of spans (dates, titles) that must not be read as quantities.
 */

/** Private-use character that stands in for masked spans, so positions stay aligned. */
export const MASK = '\uE000';

/**
 * Folds full-width forms to half-width (NFKC: ％ → %, ＞ → >, ﹦/＝ → =, ㎡ → m2) and look-alike
 * comparison symbols to ≥ ≤ = (docs/domain.md: "symbols in full-width and look-alike forms").
 * The ideographic comma ， is left alone: in Chinese prose it separates clauses and is never a
 * thousands separator, while NFKC would turn it into ',' and fuse `4，6000` into one number.
 */
export function foldIndicatorText(text: string): string {
  return text
    .replace(/[^，]+/g, (run) => run.normalize('NFKC'))
    .replace(/[≧⩾≮]/g, '≥')
    .replace(/[≦⩽≯]/g, '≤')
    .replace(/[═꞊]/g, '=')
    .replace(/>\s*=/g, '≥')
    .replace(/<\s*=/g, '≤')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[〜∼]/g, '~');
}

/** Removes all whitespace: PDF extraction breaks cells across lines and inserts stray spaces (`2023 年`). */
export function compactText(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The cell without trailing sentence punctuation, for "does the actual repeat the target" checks. */
export function comparableText(compact: string): string {
  return compact.replace(/[。.;；，,!！]+$/u, '');
}

/** True for a cell that says nothing: empty, or only dashes, slashes and the like. */
export function isBlankCell(compact: string): boolean {
  return /^[-~/\\—_*.。、,，]*$/.test(compact);
}

/** Replaces the given spans with MASK characters (same length in UTF-16 code units, so positions stay valid). */
export function maskSpans(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number }>,
): string {
  const units = text.split('');
  for (const span of spans) for (let i = span.start; i < span.end; i++) units[i] = MASK;
  return units.join('');
}

/**
 * Spans of titles and document numbers: 《法治论坛》, 〔2021〕. Numbers inside them name a law or a
 * document (`《2023年…方案》`, 财预〔2021〕101号) and are never the measure.
 */
export function titleSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/《[^《》]*》|〔[^〔〕]*〕|\[\d{4}\]/g)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
