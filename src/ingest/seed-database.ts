import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { readDepartmentRegistry, registerDepartments } from './department-registry.js';
import { ingestFiles, reportFiles } from './ingest-files.js';
import type { LoadResult } from './report-loader.js';

/** What start-up loaded. */
export interface SeedSummary {
  departments: number;
  reports: LoadResult[];
}

/**
 * Registers the seed departments and ingests the seed reports: what `npm start` does before it
 * serves. Idempotent: a second start finds every report unchanged.
 */
export async function seedDatabase(db: Db, config: Config): Promise<SeedSummary> {
  const departments = await readDepartmentRegistry(config.departmentsCsv);
  await registerDepartments(db.kysely, departments);
  const reports = await ingestFiles(db.kysely, await reportFiles([config.seedReportsDir]));
  return { departments: departments.length, reports };
}
