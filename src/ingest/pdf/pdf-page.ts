/**
 * What jixiao reads from one PDF page, in PDF user space (points, y growing upwards): the text
 * runs with their positions, and the ruling lines that tables are drawn with.
 */
export interface PdfPage {
  /** 1-based page number. */
  number: number;
  /** The page's visible box: left, bottom, right, top. */
  box: readonly [number, number, number, number];
  items: PdfTextItem[];
  rules: RuleSegment[];
}

/** A run of text on one baseline, as the PDF draws it. */
export interface PdfTextItem {
  /** The text, whitespace runs folded to one space, never empty or blank. */
  text: string;
  /** Left end of the baseline. */
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  /** Font size: the height of a line of this text. */
  size: number;
}

/**
 * A straight horizontal or vertical line segment drawn on the page: a stroked line or rectangle
 * edge, or a thin filled rectangle (how word processors draw table borders).
 */
export interface RuleSegment {
  /** 'H': a horizontal segment at y = `at` from x = `from` to `to`; 'V': vertical at x = `at`. */
  axis: 'H' | 'V';
  at: number;
  from: number;
  to: number;
}
