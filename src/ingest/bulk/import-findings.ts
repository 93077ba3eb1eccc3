import type { PooledConnection } from '../../db/duckdb-pool.js';
import type { Decimal } from '../../db/tables.js';
import { canonicalDecimal } from '../decimal.js';
import { reconcile } from '../reconcile.js';
import type { ParseNote } from '../report-document.js';
import { storedDocuments } from './stored-documents.js';

/** A finding's figure, compared as a number: `10105.7900` as stored is `10105.79` as computed. */
const figure = (value: unknown): string =>
  value === null || value === undefined ? '' : canonicalDecimal(String(value));

/**
 * What makes two findings the same: the check and the two figures it compared; for a finding
 * without figures (a negative amount), its message, which names the figure and its value.
 */
function identity(check: string, expected: unknown, actual: unknown, message: string): string {
  const figures = [figure(expected), figure(actual)];
  return [check, ...figures, figures.join('') === '' ? message : ''].join('\u0000');
}

/** The findings of `computed` that `stored` lacks, counting duplicates. */
function missing(computed: readonly ParseNote[], stored: readonly string[]): ParseNote[] {
  const left = new Map<string, number>();
  for (const key of stored) left.set(key, (left.get(key) ?? 0) + 1);
  return computed.filter((n) => {
    const key = identity(n.check, n.expected, n.actual, n.message);
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    return count === 0;
  });
}

/** Reports reconciled at once: a corpus of 100,000 reports is millions of rows. */
const BATCH = 2000;

/**
 * Reconciles imported reports as ingest reconciles a parsed one (reconcile.ts), over the figures
 * as stored, and stores each finding their files did not bring. A canonical file states every
 * figure of a report again: a total changed in `reports` or `stated_figures` but not in the
 * table that adds up to it, or a score changed without its parts, is a figure the report now
 * states twice and differently, and is named like any other. The findings that came with the
 * files stay as they are (they carry the parser's own notes, which only the text could give).
 * Returns how many findings were added. `reportIds` is a SQL subquery or list of ids.
 */
export async function addImportFindings(
  connection: PooledConnection,
  reportIds: string,
): Promise<number> {
  const { rows: ids } = await connection.query(`SELECT id FROM (${reportIds}) ORDER BY id`);
  let added = 0;
  for (let i = 0; i < ids.length; i += BATCH)
    added += await addFindings(
      connection,
      ids
        .slice(i, i + BATCH)
        .map((r) => Number(r.id))
        .join(', '),
    );
  return added;
}

/** Adds the findings of some imported reports (a list of ids) that their files did not bring. */
async function addFindings(connection: PooledConnection, reportIds: string): Promise<number> {
  const documents = await storedDocuments(connection, reportIds);
  const { rows } = await connection.query(
    `SELECT report_id, seq, check_name, expected, actual, message FROM data_quality_issues WHERE report_id IN (${reportIds})`,
  );
  const stored = new Map<number, { keys: string[]; lastSeq: number }>();
  for (const row of rows) {
    const id = Number(row.report_id);
    const entry = stored.get(id) ?? { keys: [], lastSeq: 0 };
    entry.keys.push(
      identity(String(row.check_name), row.expected, row.actual, String(row.message)),
    );
    entry.lastSeq = Math.max(entry.lastSeq, Number(row.seq));
    stored.set(id, entry);
  }
  let added = 0;
  for (const { reportId, departmentCode, doc } of documents) {
    const entry = stored.get(reportId) ?? { keys: [], lastSeq: 0 };
    for (const note of missing(reconcile(doc), entry.keys)) {
      entry.lastSeq += 1;
      const decimalOrNull = (value: Decimal | null) => (value === null ? null : figure(value));
      await connection.query(
        `INSERT INTO data_quality_issues (report_id, year, department_code, seq, check_name, severity, message, expected, actual)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CAST($8 AS DECIMAL(18,4)), CAST($9 AS DECIMAL(18,4)))`,
        [
          reportId,
          doc.year,
          departmentCode,
          entry.lastSeq,
          note.check,
          note.severity,
          note.message,
          decimalOrNull(note.expected),
          decimalOrNull(note.actual),
        ],
      );
      added += 1;
    }
  }
  return added;
}
