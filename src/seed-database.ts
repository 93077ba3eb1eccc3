import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { readDepartmentRegistry, registerDepartments } from './ingest/load/department-registry.js';
import { ingestFiles, reportFiles } from './ingest/load/ingest-files.js';
import type { LoadResult } from './ingest/load/report-loader.js';
import { loadDemoCorpus, type DemoLoad } from './synthetic/demo-corpus.js';
import { loadNationalDemo } from './synthetic/national/national-demo.js';

/** What start-up loaded. */
export interface SeedSummary {
  departments: number;
  reports: LoadResult[];
  /** The synthetic demo corpus, unless configured off (JIXIAO_DEMO=0). */
  demo: DemoLoad | null;
  /** Its national-framework part (财预〔2013〕53号 reports), with it. */
  nationalDemo: DemoLoad | null;
}

/**
 * Registers the seed departments, ingests the seed reports and loads the labelled synthetic demo
 * corpus: what `npm start` does before it serves. Idempotent: a second start changes nothing.
 */
export async function seedDatabase(db: Db, config: Config): Promise<SeedSummary> {
  const departments = await readDepartmentRegistry(config.departmentsCsv);
  await registerDepartments(db.kysely, departments);
  const reports = await ingestFiles(db.kysely, await reportFiles([config.seedReportsDir]));
  const demo = config.loadDemo ? await loadDemoCorpus(db) : null;
  const nationalDemo = config.loadDemo ? await loadNationalDemo(db) : null;
  return { departments: departments.length, reports, demo, nationalDemo };
}
