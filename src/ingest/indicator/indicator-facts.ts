import { attainment } from '../../rules/attainment.js';
import { isEvidence } from '../../rules/evidence.js';
import type { IndicatorMeasure } from '../../rules/indicator-measure.js';
import { measureFlags } from '../../rules/measure-flags.js';
import type { RatchetMeasure } from '../../rules/ratchet.js';
import { normaliseIndicator } from './indicator-normaliser.js';
import { indicatorKey, matchIndicator } from './indicator-key.js';
import type { IndicatorRow } from '../report-document.js';

/** One indicator read into measures, as stored. */
export interface IndicatorReading {
  seq: number;
  name: string;
  key: string;
  understood: boolean;
  reason: string | null;
  measures: MeasureFact[];
}

/** A measure with what the single-year rules say about it. */
export interface MeasureFact extends IndicatorMeasure {
  measureIndex: number;
  attainment: number | null;
  evidence: boolean;
  ceiling: boolean;
}

/** Reads each 表3 indicator with the normaliser and evaluates the single-year rules (default thresholds). */
export function readIndicators(
  rows: readonly Pick<IndicatorRow, 'seq' | 'name' | 'targetText' | 'actualText'>[],
): IndicatorReading[] {
  return rows.map((row) => {
    const result = normaliseIndicator({
      name: row.name,
      target: row.targetText,
      actual: row.actualText,
    });
    return {
      seq: row.seq,
      name: row.name,
      key: indicatorKey(row.name),
      understood: result.understood,
      reason: result.understood ? null : result.reason,
      measures: result.measures.map((m, measureIndex) => ({
        ...m,
        measureIndex,
        attainment: attainment(m),
        evidence: isEvidence(m),
        ceiling: measureFlags(m).includes('CEILING'),
      })),
    };
  });
}

/** An indicator of one year with its measures, as the linker needs it. */
export interface LinkableIndicator {
  seq: number;
  name: string;
  measures: (RatchetMeasure & Pick<MeasureFact, 'measureIndex'>)[];
}

export interface IndicatorLink {
  seq: number;
  previousSeq: number;
  score: number;
  matchedBy: string;
}

/**
 * Links each indicator to at most one indicator of the previous year, one to one: all pairs
 * that matchIndicator accepts are taken best score first, so two indicators never claim the
 * same predecessor.
 */
export function linkIndicators(
  current: readonly LinkableIndicator[],
  previous: readonly LinkableIndicator[],
): IndicatorLink[] {
  const unitOf = (i: LinkableIndicator) => i.measures[0]?.unit ?? null;
  const pairs: IndicatorLink[] = [];
  for (const c of current) {
    for (const p of previous) {
      const match = matchIndicator({ name: c.name, unit: unitOf(c) }, [
        { name: p.name, unit: unitOf(p) },
      ]);
      if (match)
        pairs.push({
          seq: c.seq,
          previousSeq: p.seq,
          score: match.match.score,
          matchedBy: match.match.matchedBy,
        });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.seq - b.seq || a.previousSeq - b.previousSeq);
  const taken = new Set<number>();
  const done = new Set<number>();
  return pairs.filter((p) => {
    if (taken.has(p.previousSeq) || done.has(p.seq)) return false;
    taken.add(p.previousSeq);
    done.add(p.seq);
    return true;
  });
}

/** Measures of a linked pair that correspond: the same position, or else the same unit. */
export function correspondingMeasure<M extends { measureIndex: number; unit: string | null }>(
  measure: M,
  previous: readonly M[],
): M | undefined {
  return (
    previous.find((p) => p.measureIndex === measure.measureIndex && p.unit === measure.unit) ??
    previous.find((p) => p.unit === measure.unit)
  );
}
