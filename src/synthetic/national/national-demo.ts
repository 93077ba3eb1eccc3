import type { Db } from '../../db/database.js';
import type { DepartmentEntry } from '../../ingest/load/department-registry.js';
import { registerDepartments } from '../../ingest/load/department-registry.js';
import { loadReport } from '../../ingest/load/report-loader.js';
import { parseNationalReport } from '../../ingest/report/national/parse-national-report.js';
import { splitLines } from '../../ingest/report/source-text.js';
import type { DemoLoad } from '../demo-corpus.js';
import { renderNationalReport } from './render-national-report.js';

/**
 * The national-framework part of the labelled SYNTHETIC demo (docs/domain.md, "Synthetic
 * data"): six departments of a fictitious county of 示例市, 长乐示范县, whose reports follow the
 * national common framework (财预〔2013〕53号) over 2019-2024, so that the demo mixes both template
 * families. The county's name is outside the main demo catalogue's place names, so no department
 * of it can ever share a name with one of the catalogue's.
 */
export const NATIONAL_DEMO = {
  seed: 20240601,
  fromYear: 2019,
  toYear: 2024,
  departments: [
    { code: 'demo-n01-gaj', name: '示例市长乐示范县公安局', sector: '政法' },
    { code: 'demo-n01-jyj', name: '示例市长乐示范县教育局', sector: '教育' },
    { code: 'demo-n01-wjj', name: '示例市长乐示范县卫生健康局', sector: '卫生健康' },
    { code: 'demo-n01-mzj', name: '示例市长乐示范县民政局', sector: '民政' },
    { code: 'demo-n01-czj', name: '示例市长乐示范县财政局', sector: '财政' },
    { code: 'demo-n01-jtj', name: '示例市长乐示范县交通运输局', sector: '交通' },
  ],
} as const;

/** The registry entries of the national demo departments, all synthetic, at county level. */
export function nationalDemoDepartments(): DepartmentEntry[] {
  return NATIONAL_DEMO.departments.map((d) => ({
    ...d,
    aliases: [],
    level: 'COUNTY',
    synthetic: true,
  }));
}

/**
 * Loads the national-framework demo unless it is stored already (idempotent start-up): each
 * report rendered as text, read by the national parser and loaded like an ingested file, flagged
 * synthetic. A partial set (an older generator's) is replaced report by report.
 */
export async function loadNationalDemo(db: Db): Promise<DemoLoad> {
  const departments = nationalDemoDepartments();
  const years: number[] = [];
  for (let year = NATIONAL_DEMO.fromYear; year <= NATIONAL_DEMO.toYear; year++) years.push(year);
  const expected = departments.length * years.length;
  const stored = await db.kysely
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(
      'department_code',
      'in',
      departments.map((d) => d.code),
    )
    .where('template', '=', 'NATIONAL_53')
    .executeTakeFirstOrThrow();
  if (Number(stored.n) === expected) return { status: 'present', reports: expected };
  await registerDepartments(db.kysely, departments);
  for (const department of departments) {
    for (const year of years) {
      const report = renderNationalReport({
        seed: NATIONAL_DEMO.seed,
        departmentName: department.name,
        year,
      });
      const file = report.expected.document.sourceFile;
      const doc = parseNationalReport(file, splitLines(report.text));
      await loadReport(db.kysely, doc, report.text, { synthetic: true, replace: true });
    }
  }
  return { status: 'loaded', reports: expected };
}
