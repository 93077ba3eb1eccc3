import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { CanonicalTable } from '../canonical-tables.js';
import type { CanonicalRows } from '../canonical-tables.js';

/**
 * Streams canonical rows to one newline-delimited JSON file per table (`reports.ndjson` …), the
 * exchange format a generated corpus is written in before DuckDB imports or converts it. JSON
 * keeps NULL apart from an empty string and lists as lists, which CSV cannot.
 */
export class CanonicalJsonWriter {
  private readonly streams = new Map<CanonicalTable, WriteStream>();

  private constructor(private readonly dir: string) {}

  /** Creates the folder and a writer into it. */
  static async open(dir: string): Promise<CanonicalJsonWriter> {
    await mkdir(dir, { recursive: true });
    return new CanonicalJsonWriter(dir);
  }

  /** Appends the rows of one report (or of several), waiting when the disk falls behind. */
  async write(rows: CanonicalRows): Promise<void> {
    for (const [table, tableRows] of Object.entries(rows) as [
      CanonicalTable,
      CanonicalRows[CanonicalTable],
    ][]) {
      if (!tableRows || tableRows.length === 0) continue;
      let stream = this.streams.get(table);
      if (!stream) {
        stream = createWriteStream(join(this.dir, `${table}.ndjson`));
        this.streams.set(table, stream);
      }
      const chunk = tableRows.map((row) => JSON.stringify(row)).join('\n') + '\n';
      if (!stream.write(chunk)) await once(stream, 'drain');
    }
  }

  /** Flushes and closes every file. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.streams.values()].map(
        (stream) =>
          new Promise<void>((resolve, reject) =>
            stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
          ),
      ),
    );
  }
}
