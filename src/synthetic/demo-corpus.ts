import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/database.js';
import { importCanonical } from '../ingest/bulk/bulk-import.js';
import { writeCorpus } from './corpus-writer.js';
import { generateDepartments, type CorpusOptions } from './generate-corpus.js';

/**
 * The labelled SYNTHETIC demo corpus `npm start` loads next to the real report: about 60
 * fictitious departments of 示例市 over 2019-2024, so that every analytic has data to show.
 * Every department and report of it is flagged synthetic.
 */
export const DEMO_CORPUS: CorpusOptions = {
  seed: 20240601,
  departments: 60,
  fromYear: 2019,
  toYear: 2024,
};

/** What loading the demo did. */
export interface DemoLoad {
  status: 'loaded' | 'present';
  reports: number;
}

/**
 * Loads the demo corpus unless it is already stored (idempotent start-up): generated into a
 * temporary folder of canonical NDJSON and imported in one transaction.
 */
export async function loadDemoCorpus(
  db: Db,
  options: CorpusOptions = DEMO_CORPUS,
): Promise<DemoLoad> {
  const codes = generateDepartments(options).map((d) => d.code);
  const expected = codes.length * (options.toYear - options.fromYear + 1);
  const stored = await db.kysely
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('department_code', 'in', codes)
    .where('year', '>=', options.fromYear)
    .where('year', '<=', options.toYear)
    .executeTakeFirstOrThrow();
  if (Number(stored.n) === expected) return { status: 'present', reports: expected };
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-demo-'));
  try {
    const written = await writeCorpus(options, dir);
    // A partial demo (an older generator's) is replaced as a whole.
    await importCanonical(db.pool, { dir, format: 'ndjson', replace: Number(stored.n) > 0 });
    return { status: 'loaded', reports: written.reports };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
