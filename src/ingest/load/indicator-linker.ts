import type { Transaction } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { LinkableIndicator } from '../indicator/indicator-facts.js';
import { linkRows } from '../indicator/indicator-link-rows.js';
import type { CanonicalRow } from '../canonical-tables.js';
import type {
  Direction,
  UnitKind,
  Comparator,
  Confidence,
  ActualKind,
} from '../../rules/indicator-measure.js';

/** Indicators of some reports with their stored measures, by report id. */
async function indicatorsOf(
  trx: Transaction<Database>,
  reportIds: number[],
): Promise<Map<number, LinkableIndicator[]>> {
  const out = new Map<number, LinkableIndicator[]>(reportIds.map((id) => [id, []]));
  if (reportIds.length === 0) return out;
  const indicators = await trx
    .selectFrom('indicators')
    .select(['report_id', 'seq', 'name'])
    .where('report_id', 'in', reportIds)
    .orderBy('report_id')
    .orderBy('seq')
    .execute();
  const measures = await trx
    .selectFrom('indicator_measures')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .orderBy('measure_index')
    .execute();
  const byIndicator = new Map<string, LinkableIndicator>();
  for (const i of indicators) {
    const linkable: LinkableIndicator = { seq: i.seq, name: i.name, measures: [] };
    out.get(i.report_id)!.push(linkable);
    byIndicator.set(`${i.report_id}/${i.seq}`, linkable);
  }
  for (const m of measures) {
    byIndicator.get(`${m.report_id}/${m.seq}`)?.measures.push({
      measureIndex: m.measure_index,
      target: m.target,
      actual: m.actual,
      direction: m.direction as Direction,
      unit: m.unit,
      comparator: m.comparator as Comparator,
      unitKind: m.unit_kind as UnitKind | null,
      confidence: m.confidence as Confidence,
      actualKind: m.actual_kind as ActualKind,
    });
  }
  return out;
}

/**
 * Recomputes the year-to-year links of a department's reports of the given years: each
 * indicator matched to last year's, each measure paired with last year's and checked for a
 * ratchet failure. Loading year Y relinks Y (to Y−1) and Y+1 (to the new Y).
 */
export async function relinkYears(
  trx: Transaction<Database>,
  departmentCode: string,
  years: readonly number[],
): Promise<void> {
  const wanted = [...new Set(years.flatMap((y) => [y, y - 1]))];
  const reports = await trx
    .selectFrom('reports')
    .select(['id', 'year'])
    .where('department_code', '=', departmentCode)
    .where('year', 'in', wanted)
    .execute();
  const idOf = new Map(reports.map((r) => [r.year, r.id]));
  const indicators = await indicatorsOf(
    trx,
    reports.map((r) => r.id),
  );
  for (const year of years) {
    const current = idOf.get(year);
    if (current === undefined) continue;
    await trx.deleteFrom('indicator_links').where('report_id', '=', current).execute();
    await trx.deleteFrom('measure_links').where('report_id', '=', current).execute();
    const previous = idOf.get(year - 1);
    if (previous === undefined) continue;
    const now = indicators.get(current)!;
    const before = indicators.get(previous)!;
    const { indicator_links, measure_links } = linkRows(departmentCode, year, now, before);
    const withId = ({ department_code: _, ...row }: CanonicalRow) => ({
      report_id: current,
      ...row,
    });
    if (indicator_links.length > 0)
      await trx
        .insertInto('indicator_links')
        .values(indicator_links.map(withId) as never)
        .execute();
    if (measure_links.length > 0)
      await trx
        .insertInto('measure_links')
        .values(measure_links.map(withId) as never)
        .execute();
  }
}
