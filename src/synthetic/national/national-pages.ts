/**
 * Lines of a synthetic national report as text extracted from a PDF (synthetic demo data): pages
 * separated by form feeds, as pdftotext and jixiao's own extraction write them (docs/domain.md,
 * "Provenance"), blank lines here and there, prose wrapped at a fixed width with stray spaces
 * around numbers, and tables never broken inside a row. The writer records the line each page
 * starts on, which is what the parser's `pageStarts` must find.
 */
import type { Random } from '../random.js';
import { strayNumberSpaces, wrapText } from '../text-layout.js';

const PROSE_WIDTH = 26;
const PROSE_FIRST_WIDTH = 24;

/** Output lines with form-feed page breaks. */
export class NationalPages {
  private readonly lines: string[] = [];
  private readonly starts: number[] = [];
  private readonly capacity: number;
  private remaining: number;
  private feed = false;

  constructor(private readonly rng: Random) {
    this.capacity = rng.int(30, 42);
    this.remaining = this.capacity;
  }

  /** Lines still free on the current page. */
  get free(): number {
    return this.remaining;
  }

  /** Starts a new page: its first line carries the form feed. */
  newPage(): void {
    this.feed = true;
    this.remaining = this.capacity;
  }

  private push(text: string): void {
    if (this.lines.length === 0 || this.feed) this.starts.push(this.lines.length + 1);
    this.lines.push(`${this.feed ? '\f' : ''}${text}`);
    this.feed = false;
    this.remaining--;
    if (this.rng.chance(0.3)) this.lines.push('');
  }

  /** Writes a line, breaking the page first when it is full. */
  line(text: string): void {
    if (this.remaining <= 0) this.newPage();
    this.push(text);
  }

  /** Writes lines that stay on one page (a table row), breaking the page before them if needed. */
  block(lines: readonly string[], onNewPage?: () => void): void {
    if (lines.length > this.remaining && lines.length <= this.capacity) {
      this.newPage();
      onNewPage?.();
    }
    for (const l of lines) this.push(l);
  }

  /** A prose paragraph, wrapped, with the stray spaces extraction leaves around numbers. */
  paragraph(text: string): void {
    const noisy = strayNumberSpaces(text, this.rng, 0.5, 0.15);
    for (const l of wrapText(noisy, PROSE_WIDTH, PROSE_FIRST_WIDTH)) this.line(l);
  }

  /** Line numbers (1-based) at which pages 1, 2, 3 … begin. */
  get pageStarts(): number[] {
    return [...this.starts];
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
