/**
 * Text cells of the canonical CSV that a spreadsheet would run as formulas. Excel (and LibreOffice)
 * evaluate a cell that begins with =, +, -, @, a tab or a carriage return, so a report text such
 * as "=全年4期" (a target as the real report's indicator_measures.target_source stores it) shows
 * as #NAME?, and a crafted one can fetch a URL or run a command. The canonical CSV is opened in
 * Excel (that is why it has a BOM and Chinese titles), so its text cells are escaped as OWASP
 * advises, with a single quote in front; unlike the HTTP downloads it must also read back exactly,
 * so the escape is reversible:
 *
 * - a text beginning with one of those characters gets a ' in front;
 * - so does a text beginning with ' and one of those characters or a second ', so that a text
 *   that really begins that way is not mistaken for an escaped one;
 * - a text that is a plain number ("-0.05", "+3") is left alone: it is no formula, and Excel
 *   reads it as the number it is.
 *
 * Reading removes one ' where it is followed by one of the characters or by ': exactly what
 * writing added, and nothing from a hand-made file whose text merely begins with a quote.
 * Numbers, booleans and lists are other column types and never touched.
 */

/** The characters that make a cell a formula, as an RE2 character class (DuckDB's regexes). */
const FORMULA_START = '[=+\\-@\\t\\r]';

/** How an escaped text begins: the quote writing added, then what made it need one. */
const ESCAPED_START = `'[=+\\-@\\t\\r']`;

/** A text that is only a signed decimal number. */
const PLAIN_NUMBER = '[+-][0-9]+(\\.[0-9]+)?';

/** A pattern as a SQL string literal. */
const literal = (pattern: string) => `'${pattern.replace(/'/g, "''")}'`;

/** SQL: the text of a VARCHAR expression as the canonical CSV writes it. */
export function escapeFormulaSql(expression: string): string {
  const needsQuote = literal(`^(${FORMULA_START}|${ESCAPED_START})`);
  const plainNumber = literal(PLAIN_NUMBER);
  return `CASE WHEN regexp_matches(${expression}, ${needsQuote}) AND NOT regexp_full_match(${expression}, ${plainNumber}) THEN '''' || ${expression} ELSE ${expression} END`;
}

/** SQL: a VARCHAR read from a canonical CSV, back to the text it was written from. */
export function unescapeFormulaSql(expression: string): string {
  const escaped = literal(`^${ESCAPED_START}`);
  return `CASE WHEN regexp_matches(${expression}, ${escaped}) THEN substr(${expression}, 2) ELSE ${expression} END`;
}
