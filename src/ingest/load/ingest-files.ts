import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { loadReport, type LoadOptions, type LoadResult } from './report-loader.js';
import { parseReportText } from '../report/national/parse-report-text.js';
import { isReportFile, readReportText, ReportFileError } from './report-text.js';

/**
 * Report files given directly, or found in a folder (`.txt` and `.pdf`, in name order). A path
 * that does not exist is a ReportFileError naming it.
 */
export async function reportFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const kind = await stat(path).catch(() => null);
    if (!kind) throw new ReportFileError(path, 'no such file or folder');
    if (kind.isDirectory()) {
      const names = (await readdir(path)).filter(isReportFile).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

/** Reads (a PDF is extracted), parses and loads one report in one transaction; errors name the file (relative to the working folder). */
export async function ingestFile(
  db: Kysely<Database>,
  file: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const name = relative(process.cwd(), file) || file;
  const text = await readReportText(file);
  return loadReport(db, parseReportText(text, name), text, options);
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
