import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus, type WrittenCorpus } from '../src/synthetic/corpus-writer.js';
import { generateReports, type CorpusOptions } from '../src/synthetic/generate-corpus.js';
import { writeCorpusInParallel } from '../src/synthetic/parallel-corpus-writer.js';

const options: CorpusOptions = { seed: 5, departments: 12, fromYear: 2019, toYear: 2021 };

/** Every file of a folder with its text, by name. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return Object.fromEntries(names.map((name, i) => [name, texts[i]!]));
}

describe('a synthetic corpus written on worker threads', () => {
  let work: string;
  let serial: WrittenCorpus;
  let parallel: WrittenCorpus;
  let reported = 0;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'jixiao-parallel-corpus-'));
    serial = await writeCorpus(options, join(work, 'serial'));
    // Five shards of uneven size for two workers, each shard to whichever worker is free.
    parallel = await writeCorpusInParallel(options, join(work, 'parallel'), {
      workers: 2,
      shards: 5,
      onReports: (n) => (reported += n),
    });
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('holds the same canonical tables and ground truth, byte for byte, as one written on one thread', async () => {
    const expected = await filesOf(join(work, 'serial'));
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining(['reports.ndjson', 'indicator_links.ndjson', 'truth.ndjson']),
    );
    expect(await filesOf(join(work, 'parallel'))).toEqual(expected);
  });

  it('counts the same departments and reports, each report once in the progress it reports', () => {
    expect(parallel.departments).toBe(serial.departments);
    expect(parallel.reports).toBe(options.departments * 3);
    expect(reported).toBe(parallel.reports);
  });

  it('generates a range of departments exactly as the whole corpus holds them', () => {
    const whole = [...generateReports(options)].map((r) => r.document);
    const range = [...generateReports(options, { from: 4, to: 7 })].map((r) => r.document);
    expect(range).toEqual(whole.slice(4 * 3, 7 * 3));
  });
});
