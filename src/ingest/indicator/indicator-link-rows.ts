import { ratchetFailure } from '../../rules/ratchet.js';
import { correspondingMeasure, linkIndicators, type LinkableIndicator } from './indicator-facts.js';
import type { CanonicalRow } from '../canonical-tables.js';

/**
 * The year-to-year link rows of one report (canonical, keyed by department and year): each
 * indicator matched to last year's, each measure paired with last year's and checked for a
 * ratchet failure. Pure: used by the loader and the corpus writer alike.
 */
export function linkRows(
  departmentCode: string,
  year: number,
  current: readonly LinkableIndicator[],
  previous: readonly LinkableIndicator[],
): { indicator_links: CanonicalRow[]; measure_links: CanonicalRow[] } {
  const key = { department_code: departmentCode, year };
  const links = linkIndicators(current, previous);
  const indicatorLinks = links.map((l) => ({
    ...key,
    seq: l.seq,
    previous_year: year - 1,
    previous_seq: l.previousSeq,
    score: l.score,
    matched_by: l.matchedBy,
  }));
  const measureLinks = links.flatMap((link) => {
    const now = current.find((i) => i.seq === link.seq)!;
    const before = previous.find((i) => i.seq === link.previousSeq)!;
    return now.measures.flatMap((m) => {
      const p = correspondingMeasure(m, before.measures);
      if (!p) return [];
      return [
        {
          ...key,
          seq: link.seq,
          measure_index: m.measureIndex,
          previous_seq: link.previousSeq,
          previous_measure_index: p.measureIndex,
          previous_actual: p.actual,
          ratchet_failure: ratchetFailure(p, m),
        },
      ];
    });
  });
  return { indicator_links: indicatorLinks, measure_links: measureLinks };
}
