/**
 * One indicator cell (name, target or actual) prepared for reading: folded, repaired, compacted,
 * with titles and dates masked and quantities found.
 */
import { findDates, type DateMention } from './indicator-date.js';
import { repairOcrDamage } from './indicator-ocr.js';
import { findQuantities, type Quantity } from './indicator-quantity.js';
import { compactText, foldIndicatorText, maskSpans, titleSpans } from './indicator-text.js';

/** A cell ready for the target and actual readers. */
export interface PreparedCell {
  /** Folded text without whitespace; sources are slices of it. */
  compact: string;
  /** `compact` with titles and dates masked (same length). */
  masked: string;
  dates: DateMention[];
  quantities: Quantity[];
  /** OCR repairs made (any repair makes the reading LOW confidence). */
  repairs: string[];
  /** Why the cell cannot be read, or null. */
  unreadable: string | null;
}

/** Prepares a cell: folding, OCR repair, whitespace removal, masking, quantities. */
export function prepareCell(raw: string): PreparedCell {
  const ocr = repairOcrDamage(foldIndicatorText(raw));
  const compact = compactText(ocr.text);
  const untitled = maskSpans(compact, titleSpans(compact));
  const dates = findDates(untitled);
  const masked = maskSpans(untitled, dates);
  const scan = findQuantities(masked);
  for (const q of scan.quantities) q.source = compact.slice(q.start, q.end);
  return {
    compact,
    masked,
    dates,
    quantities: scan.quantities,
    repairs: ocr.repairs,
    unreadable: ocr.unreadable ?? scan.unreadable,
  };
}
