import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';
import { tempConfig } from './support/temp-database.js';
import { testIo } from './support/test-io.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function config() {
  const c = tempConfig();
  cleanups.push(c.cleanup);
  return c;
}
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('jixiao CLI', () => {
  it('validates a report without writing, printing what was read and the findings', async () => {
    const io = testIo();
    expect(await main(['validate', REAL_REPORT_FILE], io, config())).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toContain(`${REAL_REPORT_FILE}: `);
    expect(out).toContain('[GUANGZHOU]');
    expect(out).toContain('found   表3 关键指标: 15 rows, 15 read into measures');
    expect(out).toContain('found   表4 管理效率: 23 scored rows');
    expect(out).toContain('found   表1 重点工作任务: 3 rows');
    expect(out).toContain('11 pages');
    // Findings are told apart by their severity and check code, not by the words of the message.
    expect(io.stdout.filter((l) => /^ +INFO +[a-z_.A-Z]+: /.test(l))).toHaveLength(3);
    expect(io.stdout.at(-1)).toBe('1 of 1 files read');
  });

  it('validates every report of several files and folders, with a summary table, and exits 1 if any is refused', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'damaged.txt'),
      realReportText().replace('公用经费 404.21 532.88 531.70', '公用经费 404.21 五百 531.70'),
    );
    writeFileSync(join(dir, 'notes.md'), 'not a report');
    const io = testIo();
    expect(await main(['validate', REAL_REPORT_FILE, dir], io, config())).toBe(1);
    const out = io.stdout.join('\n');
    expect(out).toContain(`${join(dir, 'damaged.txt')}: REFUSED`);
    expect(out).toContain('[表2 部门整体支出决算表] row "公用经费" does not hold three amounts');
    const table = io.stdout.slice(io.stdout.findIndex((l) => l.startsWith('file ')));
    expect(table[0]).toMatch(/^file +template +year +department +result +ERROR +WARNING +INFO/);
    expect(table[1]).toMatch(
      /000_541c9492cc78057a\.txt +GUANGZHOU +2023 +中国共产党广州市委员会政法委员会 +ok +0 +0 +3/,
    );
    expect(table[2]).toMatch(/damaged\.txt +- +- +- +refused/);
    expect(io.stdout.at(-1)).toBe('1 of 2 files read, 1 refused');
  });

  it('says which parts of a report are missing, and still reads the rest', async () => {
    const dir = tempDir();
    const file = join(dir, 'no-improvements.txt');
    // The real report up to its improvements section (line 837), which is left out.
    writeFileSync(file, realReportText().split('\n').slice(0, 836).join('\n'));
    const io = testIo();
    expect(await main(['validate', file], io, config())).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toContain('missing 下一步改进措施');
    expect(out).toContain('found   存在的主要问题');
    expect(out).toContain('found   表3 关键指标: 15 rows');
  });

  it('names a missing file in one line instead of a raw error', async () => {
    const io = testIo();
    expect(await main(['validate', 'no/such/report.pdf'], io, config())).toBe(1);
    expect(io.stderr).toEqual(['error: no/such/report.pdf: no such file or folder']);
  });

  it('reports a damaged file with file, section and line, and exits 1', async () => {
    const dir = tempDir();
    const file = join(dir, 'damaged.txt');
    writeFileSync(
      file,
      realReportText().replace('公用经费 404.21 532.88 531.70', '公用经费 404.21 五百 531.70'),
    );
    const io = testIo();
    expect(await main(['validate', file], io, config())).toBe(1);
    expect(io.stdout.slice(0, 2)).toEqual([
      `${file}: REFUSED`,
      `  ${file}:441: [表2 部门整体支出决算表] row "公用经费" does not hold three amounts: "公用经费 404.21 五百 531.70"`,
    ]);
  });

  it('ingests a folder, then finds the same report unchanged', async () => {
    const c = config();
    const first = testIo();
    expect(await main(['ingest', 'seeds/reports'], first, c)).toBe(0);
    expect(first.stdout.at(-1)).toBe('1 files: 1 inserted, 0 replaced, 0 unchanged, 0 failed');
    const second = testIo();
    expect(await main(['ingest', 'seeds/reports'], second, c)).toBe(0);
    expect(second.stdout.at(-1)).toBe('1 files: 0 inserted, 0 replaced, 1 unchanged, 0 failed');
  });

  it('exits 1 and names the failures when a file of the batch cannot be ingested', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-good.txt'), realReportText());
    writeFileSync(join(dir, 'b-bad.txt'), '2023年度某某局部门整体支出绩效自评报告\n');
    const io = testIo();
    expect(await main(['ingest', dir], io, config())).toBe(1);
    expect(io.stdout.at(-1)).toBe('2 files: 1 inserted, 0 replaced, 0 unchanged, 1 failed');
    expect(io.stderr[0]).toMatch(/b-bad\.txt.*section "年度总体工作和重点工作任务" not found/);
  });

  it('exports and imports the canonical tables', async () => {
    const source = config();
    await main(['ingest', 'seeds/reports'], testIo(), source);
    const dir = tempDir();
    const exported = testIo();
    expect(
      await main(['export', dir, '--format', 'parquet', '--years', '2023'], exported, source),
    ).toBe(0);
    expect(exported.stdout.find((l) => l.includes('reports.parquet'))).toMatch(/\t1 rows$/);
    const imported = testIo();
    expect(await main(['import', dir], imported, config())).toBe(0);
    expect(imported.stdout[0]).toMatch(/^imported 1 reports \(\d+ rows in 18 tables\)/);
  });

  it('normalizes indicator texts from JSON lines', async () => {
    const io = testIo(
      '{"name":"新媒体宣传影响力提升","target":"粉丝总数累计超过170万人","actual":"达到210.96万人"}\n',
    );
    expect(await main(['normalize'], io, config())).toBe(0);
    const out = JSON.parse(io.stdout[0]!);
    expect(out).toMatchObject({
      line: 1,
      understood: true,
      measures: [{ comparator: 'GT', target: 1_700_000, actual: 2_109_600, unit: '人' }],
    });
    expect(out.measures[0].attainment).toBeCloseTo(1.2409, 4);
  });

  it('says why a text was not understood, and exits 1 for a line that is not JSON', async () => {
    const io = testIo('{"name":"x","target":"≥**平方米","actual":"已完成"}\nnot json\n');
    expect(await main(['normalize'], io, config())).toBe(1);
    expect(JSON.parse(io.stdout[0]!)).toMatchObject({
      line: 1,
      understood: false,
      reason: expect.any(String),
    });
    expect(JSON.parse(io.stdout[1]!)).toMatchObject({
      line: 2,
      error: expect.stringContaining('JSON object'),
    });
  });

  it('prints the usage and exits 2 for an unknown command or option', async () => {
    const io = testIo();
    expect(await main(['frobnicate'], io, config())).toBe(2);
    expect(io.stderr[0]).toContain('unknown command "frobnicate"');
    expect(await main(['export', 'x', '--bogus'], testIo(), config())).toBe(2);
  });

  it('prints the usage and exits 2 for an option without its value', async () => {
    const io = testIo();
    expect(await main(['export', 'x', '--format'], io, config())).toBe(2);
    expect(io.stderr[0]).toMatch(/--format/);
    expect(io.stderr[0]).toContain('usage');
  });
});

describe('jixiao generate', () => {
  it('imports a small synthetic corpus into the database, refusing it a second time without --replace', async () => {
    const c = config();
    const io = testIo();
    expect(
      await main(['generate', '--departments', '3', '--years', '2022-2023', '--seed', '7'], io, c),
    ).toBe(0);
    expect(io.stdout[0]).toMatch(/^generated 6 synthetic reports of 3 synthetic departments/);
    const again = testIo();
    expect(
      await main(
        ['generate', '--departments', '3', '--years', '2022-2023', '--seed', '7'],
        again,
        c,
      ),
    ).toBe(1);
    expect(again.stderr[0]).toMatch(
      /reports\.ndjson, row 1, column department_code\+year: report .* is already stored/,
    );
    expect(
      await main(
        ['generate', '--departments', '3', '--years', '2022-2023', '--seed', '7', '--replace'],
        testIo(),
        c,
      ),
    ).toBe(0);
  });

  it('writes canonical Parquet and the ground truth with --out, for jixiao import', async () => {
    const dir = tempDir();
    expect(
      await main(
        ['generate', '--departments', '2', '--years', '2023', '--out', dir],
        testIo(),
        config(),
      ),
    ).toBe(0);
    const io = testIo();
    expect(await main(['import', dir], io, config())).toBe(0);
    expect(io.stdout[0]).toMatch(/^imported 2 reports/);
  });

  it('needs --departments and --years', async () => {
    const io = testIo();
    expect(await main(['generate', '--years', '2023'], io, config())).toBe(2);
    expect(io.stderr[0]).toContain('--departments is required');
  });
});

describe('jixiao generate --render-text', () => {
  it('writes report texts that ingest back with the departments file it writes beside them', async () => {
    const texts = tempDir();
    expect(
      await main(
        [
          'generate',
          '--departments',
          '2',
          '--years',
          '2022-2023',
          '--out',
          tempDir(),
          '--render-text',
          texts,
        ],
        testIo(),
        config(),
      ),
    ).toBe(0);
    const io = testIo();
    expect(
      await main(
        ['ingest', texts, '--departments', join(texts, 'departments.csv'), '--synthetic'],
        io,
        config(),
      ),
    ).toBe(0);
    expect(io.stdout.at(-1)).toBe('4 files: 4 inserted, 0 replaced, 0 unchanged, 0 failed');
  });
});
