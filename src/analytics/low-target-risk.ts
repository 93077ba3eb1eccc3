import { sql, type RawBuilder } from 'kysely';
import { peerKeySql, type PeerGroup } from './peer-group.js';
import { checkScope, scopeFilter, type Scope } from './scope.js';
import { DEFAULT_MIN_ATTAINMENT } from '../rules/thresholds.js';
import { measureFactsSql } from './measure-facts.js';
import type { Reader } from './reader.js';
import {
  countOf,
  windowSql,
  windowTotal,
  type RowWindow,
  type WindowedRows,
} from './row-window.js';
import type { ReportTemplate } from '../db/tables.js';

/**
 * Fewer measurable measures than this, and a risk score says little: 1 of 2 is 0.5 but tells
 * less than 8 of 15. Such entries say so (tooFew) rather than rank as if they were as sure.
 */
export const MIN_MEASURABLE = 5;

/** How what a department admits compares with what was detected. */
export type Admission =
  'ADMITTED_AND_DETECTED' | 'DETECTED_NOT_ADMITTED' | 'ADMITTED_NOT_DETECTED' | 'NEITHER';

export interface DepartmentTargetRisk {
  /** The report scored: its measures are the ones counted here. */
  reportId: number;
  departmentCode: string;
  year: number;
  peerKey: string;
  /** The report's template family: its key indicators are judged alike, its scores are not. */
  template: ReportTemplate;
  /** Measures that are evidence for the target question (not milestones, cost caps, copies…). */
  measurable: number;
  /** RATIO: attainment ≥ the threshold (by default DEFAULT_MIN_ATTAINMENT). */
  overshooting: number;
  ceilingHits: number;
  ratchetFailures: number;
  /** The report's problem list names targets set too low (topic LOW_TARGETS). */
  admitted: boolean;
  /** Measurable measures with at least one finding / measurable measures (0 when none measurable). */
  riskScore: number;
  /** measurable < MIN_MEASURABLE: too few measures for the score to mean much. */
  tooFew: boolean;
  /** 1 = highest risk in the peer group; ties share a rank. */
  rank: number;
  /** Departments ranked in the same peer group that year: what `rank` is out of. */
  peerCount: number;
  admission: Admission;
}

/**
 * The body of a CTE of the risk score's counts per report, `report_id, measurable, overshooting,
 * ceiling_hits, ratchet_failures, flagged`, over a CTE named `measures` (measureFactsSql): the
 * one definition of the score's numerator and denominator, which the target-setting profile
 * reads too. A report without measures has no row.
 */
export function riskCountsSql(): RawBuilder<unknown> {
  return sql`
    SELECT report_id,
           count(*) FILTER (WHERE evidence) AS measurable,
           count(*) FILTER (WHERE ratio) AS overshooting,
           count(*) FILTER (WHERE ceiling_hit) AS ceiling_hits,
           count(*) FILTER (WHERE ratchet_failure) AS ratchet_failures,
           count(*) FILTER (WHERE evidence AND (ratio OR ceiling_hit OR ratchet_failure)) AS flagged
    FROM measures GROUP BY report_id`;
}

/** What lowTargetRisk ranks: one year, a peer grouping, and whose entries are shown. */
export interface LowTargetRiskArgs extends Pick<Scope, 'includeSynthetic'> {
  year: number;
  peerGroup: PeerGroup;
  minAttainment?: number;
  /**
   * Only this department's entry, ranked among all its peers (what a DEPARTMENT token sees: a
   * rank is a position, not another department's value); every entry when absent.
   */
  onlyDepartment?: string | null;
  /**
   * Only the entries of this department's peer group (under `peerGroup`): the department and
   * those it is ranked among, with the ranks of the whole answer. Every group when absent.
   */
  peersOf?: string | null;
}

interface RiskRow {
  report_id: number;
  department_code: string;
  year: number;
  peer_key: string;
  template: ReportTemplate;
  measurable: number;
  overshooting: number;
  ceiling_hits: number;
  ratchet_failures: number;
  admitted: boolean;
  risk_score: number;
  rank: number;
  peer_count: number;
  total: number;
}

/**
 * Departments ranked by how much their targets look set too low in one year: the share of
 * measurable indicator measures that overshoot (RATIO), hit the ceiling or were not raised after
 * being beaten (ratchet), with what the report itself admits. One statement.
 */
export async function lowTargetRisk(
  db: Reader,
  args: LowTargetRiskArgs,
): Promise<DepartmentTargetRisk[]> {
  return (await riskRows(db, args, null)).nodes;
}

/**
 * One window of lowTargetRisk's answer, in its order, and how many entries the whole answer
 * has. Every department of the year is scored and ranked to know any rank, but in the
 * database: only the window's entries are read out.
 */
export async function lowTargetRiskWindow(
  db: Reader,
  args: LowTargetRiskArgs,
  window: RowWindow,
): Promise<WindowedRows<DepartmentTargetRisk>> {
  return riskRows(db, args, window);
}

async function riskRows(
  db: Reader,
  args: LowTargetRiskArgs,
  window: RowWindow | null,
): Promise<WindowedRows<DepartmentTargetRisk>> {
  const scope = { fromYear: args.year, toYear: args.year, includeSynthetic: args.includeSynthetic };
  await checkScope(db, args.peersOf != null ? { ...scope, departments: [args.peersOf] } : scope);
  const peerKey = peerKeySql(args.peerGroup);
  // A rank is taken within one peer group, so scoring that group alone gives the same ranks.
  const inPeerGroup =
    args.peersOf != null
      ? sql`${peerKey} = (SELECT ${peerKey} FROM departments d WHERE d.code = ${args.peersOf})`
      : sql`true`;
  const ranked = sql`
    WITH s AS (
      SELECT r.id, r.department_code, r.year, r.template, ${peerKey} AS peer_key
      FROM reports r JOIN departments d ON d.code = r.department_code
      WHERE ${scopeFilter(scope, { year: 'r.year', synthetic: 'd.synthetic' })} AND ${inPeerGroup}
    ),
    scope AS (SELECT id, department_code, year FROM s),
    -- CHRONIC is not part of the score: last year's measures are not read
    measures AS (${measureFactsSql(args.minAttainment ?? DEFAULT_MIN_ATTAINMENT, { chronic: false })}),
    counts AS (${riskCountsSql()}),
    admitted AS (
      SELECT report_id, bool_or(list_contains(topics, 'LOW_TARGETS')) AS admitted
      FROM problems WHERE report_id IN (SELECT id FROM s) GROUP BY report_id
    ),
    scored AS (
      SELECT s.id AS report_id, s.department_code, s.year, s.template, s.peer_key,
             coalesce(c.measurable, 0) AS measurable, coalesce(c.overshooting, 0) AS overshooting,
             coalesce(c.ceiling_hits, 0) AS ceiling_hits, coalesce(c.ratchet_failures, 0) AS ratchet_failures,
             coalesce(a.admitted, false) AS admitted,
             coalesce(CAST(c.flagged AS DOUBLE) / nullif(c.measurable, 0), 0) AS risk_score
      FROM s LEFT JOIN counts c ON c.report_id = s.id LEFT JOIN admitted a ON a.report_id = s.id
    )
    SELECT *, rank() OVER (PARTITION BY peer_key ORDER BY risk_score DESC) AS rank,
           count(*) OVER (PARTITION BY peer_key) AS peer_count
    FROM scored`;
  const shown =
    args.onlyDepartment != null ? sql`department_code = ${args.onlyDepartment}` : sql`true`;
  const { rows } = await sql<RiskRow>`
    SELECT *, count(*) OVER () AS total FROM (${ranked}) WHERE ${shown}
    ORDER BY peer_key, rank, department_code ${windowSql(window)}`.execute(db);
  const countAll = () => countOf(db, sql`SELECT * FROM (${ranked}) WHERE ${shown}`);
  return { totalCount: await windowTotal(rows, window, countAll), nodes: rows.map(riskOf) };
}

function riskOf(r: RiskRow): DepartmentTargetRisk {
  const detected = Number(r.overshooting) + Number(r.ceiling_hits) + Number(r.ratchet_failures) > 0;
  return {
    reportId: Number(r.report_id),
    departmentCode: r.department_code,
    year: Number(r.year),
    peerKey: r.peer_key,
    template: r.template,
    measurable: Number(r.measurable),
    overshooting: Number(r.overshooting),
    ceilingHits: Number(r.ceiling_hits),
    ratchetFailures: Number(r.ratchet_failures),
    admitted: r.admitted,
    riskScore: r.risk_score,
    tooFew: Number(r.measurable) < MIN_MEASURABLE,
    rank: Number(r.rank),
    peerCount: Number(r.peer_count),
    admission: detected
      ? r.admitted
        ? 'ADMITTED_AND_DETECTED'
        : 'DETECTED_NOT_ADMITTED'
      : r.admitted
        ? 'ADMITTED_NOT_DETECTED'
        : 'NEITHER',
  };
}
