import { createInterface } from 'node:readline';
import { readIndicators } from '../ingest/indicator/indicator-facts.js';
import type { CliIo } from './cli-io.js';

/**
 * `jixiao normalize`: reads JSON lines `{"name", "target", "actual"}` on stdin and writes one JSON
 * line per input with the measures read (attainment, evidence, ceiling) or why the texts were
 * not understood, so that a whole table of indicator texts can be checked before ingesting.
 * A line that is not such an object gets `{"line", "error"}`; the exit code is then 1.
 */
export async function normalizeCommand(io: CliIo): Promise<number> {
  let failed = false;
  let lineNo = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch {
      input = null;
    }
    const record = input as { name?: unknown; target?: unknown; actual?: unknown } | null;
    if (
      !record ||
      typeof record !== 'object' ||
      typeof record.target !== 'string' ||
      typeof record.actual !== 'string'
    ) {
      failed = true;
      io.out(
        JSON.stringify({
          line: lineNo,
          error: 'expected a JSON object with string fields "target" and "actual" (and "name")',
        }),
      );
      continue;
    }
    const name = typeof record.name === 'string' ? record.name : '';
    const [reading] = readIndicators([
      { seq: lineNo, name, targetText: record.target, actualText: record.actual },
    ]);
    io.out(
      JSON.stringify({
        line: lineNo,
        name,
        understood: reading!.understood,
        ...(reading!.understood ? {} : { reason: reading!.reason }),
        measures: reading!.measures.map(({ measureIndex: _, ...m }) => m),
      }),
    );
  }
  return failed ? 1 : 0;
}
