import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { loadReport, type LoadOptions, type LoadResult } from './report-loader.js';
import { parseReport } from '../report/report-parser.js';

/** Report text files in a folder or given directly (`.txt`), in name order. */
export async function reportFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.txt')).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

/** Reads, parses and loads one report text in one transaction; errors name the file (relative to the working folder). */
export async function ingestFile(
  db: Kysely<Database>,
  file: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const text = await readFile(file, 'utf8');
  const name = relative(process.cwd(), file) || file;
  return loadReport(db, parseReport(text, name), text, options);
}

/**
 * Parses and loads report texts, one transaction per report. The first file that fails stops
 * the run with its error; the reports loaded before it stay loaded (each was whole on its own).
 */
export async function ingestFiles(
  db: Kysely<Database>,
  files: readonly string[],
  options: LoadOptions = {},
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const file of files) results.push(await ingestFile(db, file, options));
  return results;
}
