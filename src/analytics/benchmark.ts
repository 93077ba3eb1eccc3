import { sql } from 'kysely';
import { checkScope, scopeFilter, type Scope } from './scope.js';
import { metricDefinition, type MetricName } from './metric-registry.js';
import { peerKeySql, type PeerGroup } from './peer-group.js';
import type { ReportTemplate } from '../db/tables.js';
import type { Reader } from './reader.js';
import {
  countOf,
  windowSql,
  windowTotal,
  type RowWindow,
  type WindowedRows,
} from './row-window.js';

export type { PeerGroup };

/**
 * Fewer departments with a value than this, and quartiles, z-scores and outliers say little: a
 * peer group of one is its own median. The answer says so (Distribution.tooSmall).
 */
export const MIN_PEER_GROUP = 5;

/** The distribution of a metric over one peer group. */
export interface Distribution {
  peerKey: string;
  count: number;
  /** count < MIN_PEER_GROUP: the figures describe too few departments to compare with. */
  tooSmall: boolean;
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  max: number | null;
  mean: number | null;
  stddev: number | null;
}

export interface BenchmarkEntry {
  departmentCode: string;
  /** The peer group the department was compared in: ALL, its sector or its level. */
  peerKey: string;
  value: number | null;
  /** 1 = best in its peer group by the metric's direction; ties share a rank. */
  rank: number | null;
  /** Share of the other peers this department does better than (0 to 1), by direction; null alone. */
  percentile: number | null;
  /** (value − peer mean) / peer sample standard deviation. */
  zScore: number | null;
  /** Outside the peer group's p25 − 1.5 IQR … p75 + 1.5 IQR. */
  outlier: boolean;
}

export interface Benchmark {
  metric: MetricName;
  year: number;
  peerGroup: PeerGroup;
  /** Every department with a report that year. */
  overall: Distribution;
  /** One distribution per peer group (one, "ALL", for peerGroup ALL). */
  groups: Distribution[];
  entries: BenchmarkEntry[];
  /** How many synthetic (demo) departments the population holds. */
  syntheticCount: number;
  /**
   * The template families of the compared reports, in name order. More than one means the
   * comparison mixes frameworks: scores and scored items are not like for like.
   */
  templates: ReportTemplate[];
}

export interface BenchmarkArgs {
  metric: MetricName;
  year: number;
  peerGroup: PeerGroup;
  /** Entries to return (all when omitted); the population is always the whole peer group. */
  departments?: Scope['departments'];
  /** Compare with synthetic demo departments too (default true); false keeps real ones only. */
  includeSynthetic?: Scope['includeSynthetic'];
}

interface StatsRow {
  peer_key: string;
  n: number;
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  max: number | null;
  mean: number | null;
  stddev: number | null;
}

function distribution(row: StatsRow): Distribution {
  const { min, p25, median, p75, max, mean, stddev } = row;
  const count = Number(row.n);
  return {
    peerKey: row.peer_key,
    count,
    tooSmall: count < MIN_PEER_GROUP,
    min,
    p25,
    median,
    p75,
    max,
    mean,
    stddev,
  };
}

interface EntryRow {
  department_code: string;
  peer_key: string;
  value: number | null;
  rank: number | null;
  percentile: number | null;
  z_score: number | null;
  outlier: boolean;
  total: number;
}

/** Every department of the year (the peers), with the metric's value and its peer group. */
function populationSql(args: BenchmarkArgs) {
  const definition = metricDefinition(args.metric);
  return sql`
    SELECT f.department_code, d.synthetic, r.template, ${peerKeySql(args.peerGroup)} AS peer_key,
           (${sql.raw(definition.sql)}) AS value
    FROM report_facts f JOIN departments d ON d.code = f.department_code
    JOIN reports r ON r.id = f.report_id
    WHERE ${scopeFilter(
      { fromYear: args.year, toYear: args.year, includeSynthetic: args.includeSynthetic },
      { year: 'f.year', synthetic: 'd.synthetic' },
    )}`;
}

/** The distribution of the CTE `population`, per value of `groupBy`. */
function statsSql(groupBy: string) {
  return sql`
    SELECT ${sql.raw(groupBy)} AS peer_key, count(value) AS n, min(value) AS min,
           quantile_cont(value, 0.25) AS p25, quantile_cont(value, 0.5) AS median,
           quantile_cont(value, 0.75) AS p75, max(value) AS max, avg(value) AS mean,
           stddev_samp(value) AS stddev
    FROM population GROUP BY ${sql.raw(groupBy)}`;
}

/**
 * The entries (of the departments asked, ranked among all their peers) by peer group and rank,
 * each with the number of entries: all of them, or one window.
 */
function entriesSql(args: BenchmarkArgs, window: RowWindow | null) {
  const direction = metricDefinition(args.metric).direction;
  const order = sql.raw(direction === 'HIGHER_BETTER' ? 'DESC' : 'ASC');
  const percentileOrder = sql.raw(direction === 'HIGHER_BETTER' ? 'ASC' : 'DESC');
  return sql<EntryRow>`
    WITH population AS (${populationSql(args)}),
    groups AS (${statsSql('peer_key')}),
    ranked AS (
      SELECT department_code,
             rank() OVER (PARTITION BY peer_key ORDER BY value ${order}) AS rank,
             percent_rank() OVER (PARTITION BY peer_key ORDER BY value ${percentileOrder}) AS percentile
      FROM population WHERE value IS NOT NULL
    )
    SELECT p.department_code, p.peer_key, p.value, r.rank, CASE WHEN g.n > 1 THEN r.percentile END AS percentile,
           (p.value - g.mean) / nullif(g.stddev, 0) AS z_score,
           coalesce(p.value < g.p25 - 1.5 * (g.p75 - g.p25) OR p.value > g.p75 + 1.5 * (g.p75 - g.p25), false) AS outlier,
           count(*) OVER () AS total
    FROM population p
    JOIN groups g USING (peer_key)
    LEFT JOIN ranked r USING (department_code)
    WHERE ${scopeFilter({ departments: args.departments }, { department: 'p.department_code' })}
    ORDER BY p.peer_key, r.rank NULLS LAST, p.department_code ${windowSql(window)}`;
}

function entryOf(r: EntryRow): BenchmarkEntry {
  return {
    departmentCode: r.department_code,
    peerKey: r.peer_key,
    value: r.value,
    rank: r.rank === null ? null : Number(r.rank),
    percentile: r.percentile,
    zScore: r.z_score,
    outlier: r.outlier,
  };
}

/**
 * A metric across departments in one year: distribution (quantiles by linear interpolation,
 * sample standard deviation) overall and per peer group, and each department's rank,
 * percentile, z-score and outlier flag within its peer group. Two statements; one when
 * `entries` is false, for a caller that reads the distributions alone (entries: []).
 */
export async function benchmark(
  db: Reader,
  args: BenchmarkArgs,
  { entries = true }: { entries?: boolean } = {},
): Promise<Benchmark> {
  await checkScope(db, { fromYear: args.year, departments: args.departments });
  const [statsResult, entryRows] = await Promise.all([
    sql<StatsRow & { synthetic_count: number; templates: ReportTemplate[] | null }>`
      WITH population AS (${populationSql(args)})
      SELECT *, (SELECT count(*) FILTER (WHERE synthetic) FROM population) AS synthetic_count,
             (SELECT list(DISTINCT template ORDER BY template) FROM population) AS templates
      FROM (${statsSql(`'*'`)} UNION ALL ${statsSql('peer_key')})
      ORDER BY peer_key = '*' DESC, peer_key`.execute(db),
    entries
      ? entriesSql(args, null)
          .execute(db)
          .then((r) => r.rows)
      : Promise.resolve([]),
  ]);
  const [overallRow, ...groupRows] = statsResult.rows;
  const empty: StatsRow = {
    peer_key: '*',
    n: 0,
    min: null,
    p25: null,
    median: null,
    p75: null,
    max: null,
    mean: null,
    stddev: null,
  };
  return {
    metric: args.metric,
    year: args.year,
    peerGroup: args.peerGroup,
    overall: { ...distribution(overallRow ?? empty), peerKey: 'ALL' },
    groups: groupRows.map(distribution),
    entries: entryRows.map(entryOf),
    syntheticCount: Number(overallRow?.synthetic_count ?? 0),
    templates: overallRow?.templates ?? [],
  };
}

/**
 * One window of a benchmark's entries, in their order, and how many entries there are: every
 * peer is still ranked, in the database, but only the window's entries are read out.
 */
export async function benchmarkEntryWindow(
  db: Reader,
  args: BenchmarkArgs,
  window: RowWindow,
): Promise<WindowedRows<BenchmarkEntry>> {
  await checkScope(db, { fromYear: args.year, departments: args.departments });
  const { rows } = await entriesSql(args, window).execute(db);
  const countAll = () => countOf(db, entriesSql(args, null));
  return { totalCount: await windowTotal(rows, window, countAll), nodes: rows.map(entryOf) };
}
