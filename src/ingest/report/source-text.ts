/** One non-empty line of a report, trimmed, with its 1-based line number in the file. */
export interface SourceLine {
  no: number;
  text: string;
  /**
   * 1-based page: counted from form feeds where the text has them (jixiao's PDF extraction and
   * pdftotext put \f between pages), else from the page-start marks below where the text has
   * several; null when the text marks no pages.
   */
  page: number | null;
  /** The line began with a space: in PDF-extracted text this marks the first line of a page. */
  pageStart: boolean;
}

/**
 * Full-width digits, ％ and ． as plain ASCII: some PDFs and OCR output set figures in
 * full-width forms (１０，２８３．３２). Chinese punctuation (，。；) is left alone.
 */
export function halfWidthFigures(text: string): string {
  return text.replace(/[０-９％．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Splits a report text into its non-empty lines (figures in half-width form), with their pages. */
export function splitLines(text: string): SourceLine[] {
  const paged = text.includes('\f');
  let page = 1;
  const lines: SourceLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    // A form feed before a line's text starts its page; one after the text ends the line's page.
    const firstText = raw.search(/[^\s\f]/);
    const head = firstText < 0 ? raw : raw.slice(0, firstText);
    const feedsBefore = head.split('\f').length - 1;
    const feedsAfter = raw.split('\f').length - 1 - feedsBefore;
    page += feedsBefore;
    const content = raw.replace(/\f/g, '');
    const trimmed = halfWidthFigures(content)
      .replace(/\u3000/g, ' ')
      .trim();
    if (trimmed !== '')
      lines.push({
        no: index + 1,
        text: trimmed,
        page: paged ? page : null,
        pageStart: /^\s/.test(content) || feedsBefore > 0,
      });
    page += feedsAfter;
  });
  return paged ? lines : withMarkedPages(lines);
}

/**
 * Pages from page-start marks, for text extracted by a tool that starts each page with a space
 * (the seed report's extraction does): the first line is page 1 and each later mark starts the
 * next. One mark or none says nothing about pages, so the page stays unknown.
 */
function withMarkedPages(lines: SourceLine[]): SourceLine[] {
  if (lines.slice(1).filter((l) => l.pageStart).length < 2) return lines;
  let page = 1;
  return lines.map((line, index) => {
    if (index > 0 && line.pageStart) page += 1;
    return { ...line, page };
  });
}

/** The first line of each page, in page order; null when the lines carry no page. */
export function pageStarts(lines: readonly SourceLine[]): number[] | null {
  if (lines.length === 0 || lines[0]!.page === null) return null;
  const starts: number[] = [];
  for (const line of lines) {
    // A page without text (a blank or image-only page) starts where the next text does.
    while (starts.length < line.page!) starts.push(line.no);
  }
  return starts;
}

/** Text joined from lines with all whitespace removed, and a map back to source lines. */
export interface JoinedText {
  text: string;
  /** Line number of the character at an offset of `text`. */
  lineAt(offset: number): number;
}

/**
 * Joins lines into one string without whitespace: PDF extraction breaks prose mid-word and adds
 * stray spaces (`2023 年度`, `10,105.79 万元`), neither of which carries meaning in Chinese prose.
 */
export function joinLines(lines: readonly SourceLine[]): JoinedText {
  let text = '';
  const lineOf: number[] = [];
  for (const line of lines) {
    for (const ch of line.text) {
      if (/\s/.test(ch)) continue;
      text += ch;
      for (let i = 0; i < ch.length; i++) lineOf.push(line.no);
    }
  }
  const last = lines.at(-1)?.no ?? 0;
  return { text, lineAt: (offset) => lineOf[offset] ?? last };
}

/** Removes all whitespace: how cell texts are stored. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Printed width of a line in CJK character cells: ASCII letters, digits and spaces take half a
 * cell. Table columns wrap at a fixed width, so a line's width tells which column it came from.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return width;
}
