import type { IndicatorReading } from '../indicator/indicator-facts.js';
import { implausibleAttainments } from '../indicator/indicator-plausibility.js';
import { reconcile } from '../reconcile.js';
import type { ParseNote, ReportDocument } from '../report-document.js';

/**
 * Every data-quality finding of one report: the reconciliation of its figures and what its
 * indicator readings show (implausible attainments). The one list both what is stored
 * (report-rows.ts) and what `jixiao validate` prints are made of, so the two never differ.
 */
export function reportFindings(
  doc: ReportDocument,
  readings: readonly IndicatorReading[],
): ParseNote[] {
  return [...reconcile(doc), ...implausibleAttainments(doc.template, doc.indicators, readings)];
}
