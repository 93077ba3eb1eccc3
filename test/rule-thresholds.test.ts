import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureFactsSql } from '../src/analytics/measure-facts.js';
import { schema } from '../src/graphql/schema.js';
import { refreshReportFactsSql } from '../src/ingest/load/report-facts.js';
import { loadReport } from '../src/ingest/load/report-loader.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { attainment } from '../src/rules/attainment.js';
import { isEvidence, type RuleMeasure } from '../src/rules/evidence.js';
import type { IndicatorMeasure } from '../src/rules/indicator-measure.js';
import { measureFlags } from '../src/rules/measure-flags.js';
import { DEFAULT_MIN_ATTAINMENT } from '../src/rules/thresholds.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';
import { tempDatabase } from './support/temp-database.js';

/**
 * The RATIO threshold and its tolerance are defined once, in src/rules/thresholds.ts. The SQL
 * that derives `report_facts` at import (sql/004, immutable once applied) holds the one copy
 * that cannot import them; these tests fail when any copy drifts from the definition.
 */

type Edge = Pick<IndicatorMeasure, 'target' | 'actual' | 'direction' | 'unitKind' | 'unit'>;

/** Measures on both sides of the default thresholds, as the normaliser would read them. */
const EDGES: Edge[] = [
  { target: 10, actual: 12, direction: 'HIGHER_BETTER', unitKind: 'COUNT', unit: '个' },
  { target: 100000, actual: 119999, direction: 'HIGHER_BETTER', unitKind: 'PEOPLE', unit: '人' },
  { target: 100000, actual: 120001, direction: 'HIGHER_BETTER', unitKind: 'PEOPLE', unit: '人' },
  { target: 0.24, actual: 0.2, direction: 'LOWER_BETTER', unitKind: 'PERCENT', unit: '%' },
  { target: 0.2, actual: 0.16667, direction: 'LOWER_BETTER', unitKind: 'PERCENT', unit: '%' },
  { target: 0.95, actual: 1, direction: 'HIGHER_BETTER', unitKind: 'PERCENT', unit: '%' },
  { target: 0.951, actual: 1, direction: 'HIGHER_BETTER', unitKind: 'PERCENT', unit: '%' },
];

function ruleMeasure(edge: Edge): RuleMeasure {
  return { ...edge, comparator: 'GTE', confidence: 'HIGH', actualKind: 'VALUE' };
}

/** A stored measure row as report_facts reads it back. */
interface StoredMeasure {
  seq: number;
  measure_index: number;
  comparator: IndicatorMeasure['comparator'];
  target: number | null;
  actual: number | null;
  direction: IndicatorMeasure['direction'];
  unit_kind: IndicatorMeasure['unitKind'];
  confidence: IndicatorMeasure['confidence'];
  actual_kind: IndicatorMeasure['actualKind'];
}

function ruleOf(row: StoredMeasure): RuleMeasure {
  return {
    comparator: row.comparator,
    target: row.target,
    actual: row.actual,
    direction: row.direction,
    unitKind: row.unit_kind,
    confidence: row.confidence,
    actualKind: row.actual_kind,
  };
}

const flagsOf = (row: StoredMeasure) => measureFlags(ruleOf(row));

let t: Awaited<ReturnType<typeof tempDatabase>>;
let reportId: number;
let stored: StoredMeasure[];

beforeAll(async () => {
  t = await tempDatabase();
  const text = realReportText();
  await loadReport(t.db.kysely, parseReport(text, REAL_REPORT_FILE), text);
  const { rows } = await t.db.pool.query('SELECT id, year FROM reports');
  reportId = Number(rows[0]!.id);
  const year = Number(rows[0]!.year);
  // The edge measures join the real report's 表3 measures as extra rows, each stored with what
  // the loader derives from the rules (attainment, evidence, ceiling).
  for (const [k, edge] of EDGES.entries()) {
    const m = ruleMeasure(edge);
    await t.db.kysely
      .insertInto('indicator_measures')
      .values({
        report_id: reportId,
        year,
        seq: 900 + k,
        measure_index: 0,
        comparator: m.comparator,
        target: edge.target,
        target_high: null,
        actual: edge.actual,
        unit: edge.unit,
        unit_kind: edge.unitKind,
        direction: edge.direction,
        confidence: m.confidence,
        actual_kind: m.actualKind,
        target_source: `edge ${k}`,
        actual_source: null,
        attainment: attainment(m),
        evidence: isEvidence(m),
        ceiling: measureFlags(m).includes('CEILING'),
      })
      .execute();
  }
  for (const statement of refreshReportFactsSql(String(reportId))) await t.db.pool.query(statement);
  const measures = await t.db.pool.query(
    'SELECT seq, measure_index, comparator, target, actual, direction, unit_kind, confidence, actual_kind FROM indicator_measures ORDER BY seq, measure_index',
  );
  stored = measures.rows as unknown as StoredMeasure[];
});
afterAll(async () => t.close());

describe('the RATIO threshold', () => {
  it('fires on the edge measures exactly where the definition puts it', () => {
    expect(EDGES.map((e) => measureFlags(ruleMeasure(e)))).toEqual([
      ['RATIO'],
      [],
      ['RATIO'],
      ['RATIO'],
      [],
      ['CEILING'],
      [],
    ]);
  });

  it('is the same in report_facts (sql/004): overshooting counts the measures the rules flag', async () => {
    const expected = stored.filter((m) => flagsOf(m).length > 0).length;
    const { rows } = await t.db.pool.query(
      `SELECT overshooting, measurable FROM report_facts WHERE report_id = ${reportId}`,
    );
    expect(stored.filter((m) => m.seq >= 900 && flagsOf(m).length > 0)).toHaveLength(4);
    expect(Number(rows[0]!.overshooting)).toBe(expected);
    expect(Number(rows[0]!.measurable)).toBe(stored.filter((m) => isEvidence(ruleOf(m))).length);
  });

  it('is the same in the analytics’ measure facts: ratio and ceiling_hit per measure', async () => {
    const { rows } = await sql<{
      seq: number;
      measure_index: number;
      ratio: boolean;
      ceiling_hit: boolean;
    }>`
      WITH scope AS (SELECT id, department_code, year FROM reports)
      SELECT seq, measure_index, ratio, ceiling_hit FROM (${measureFactsSql()}) mf
      ORDER BY seq, measure_index`.execute(t.db.kysely);
    // SQL's ratio is NULL where attainment is: a measure with no attainment is not RATIO.
    expect(rows.map((r) => ({ ...r, ratio: r.ratio === true }))).toEqual(
      stored.map((m) => ({
        seq: m.seq,
        measure_index: m.measure_index,
        ratio: flagsOf(m).includes('RATIO'),
        ceiling_hit: flagsOf(m).includes('CEILING'),
      })),
    );
  });

  it('is the default of overshootIndicators(minAttainment)', () => {
    const field = schema.getQueryType()!.getFields()['overshootIndicators']!;
    const arg = field.args.find((a) => a.name === 'minAttainment')!;
    expect(arg.defaultValue).toBe(DEFAULT_MIN_ATTAINMENT);
  });
});
