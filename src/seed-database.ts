import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { readDepartmentRegistry, registerDepartments } from './ingest/load/department-registry.js';
import { ingestFiles, reportFiles } from './ingest/load/ingest-files.js';
import { registryFingerprint } from './ingest/load/registry-fingerprint.js';
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
  /** Whether anything was written: the registry changed, a report was stored, a demo loaded. */
  changed: boolean;
}

/**
 * Registers the seed departments, ingests the seed reports and loads the labelled synthetic demo
 * corpus: what `npm start` does before it serves, on a copy of the current snapshot
 * (db/snapshot-writer.ts). Idempotent: a second start changes nothing, says so (`changed`), and
 * so publishes no new snapshot.
 */
export async function seedDatabase(db: Db, config: Config): Promise<SeedSummary> {
  const departments = await readDepartmentRegistry(config.departmentsCsv);
  const registryBefore = await registryFingerprint(db.kysely);
  await registerDepartments(db.kysely, departments);
  const registryChanged = (await registryFingerprint(db.kysely)) !== registryBefore;
  const reports = await ingestFiles(db.kysely, await reportFiles([config.seedReportsDir]));
  const demo = config.loadDemo ? await loadDemoCorpus(db) : null;
  const nationalDemo = config.loadDemo ? await loadNationalDemo(db) : null;
  const changed =
    registryChanged ||
    reports.some((r) => r.status !== 'unchanged') ||
    demo?.status === 'loaded' ||
    nationalDemo?.status === 'loaded';
  return { departments: departments.length, reports, demo, nationalDemo, changed };
}

/** One line saying what seeding wrote, for the snapshot's note. */
export function seedSummaryLine(seeded: SeedSummary): string {
  const stored = seeded.reports.filter((r) => r.status !== 'unchanged').length;
  const demos = [seeded.demo, seeded.nationalDemo].filter((d) => d?.status === 'loaded');
  return `${seeded.departments} departments registered; ${stored} seed reports stored${demos.length > 0 ? '; demo corpus loaded' : ''}`;
}
