import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../src/ingest/load/ingest-files.js';
import { registerDepartments } from '../src/ingest/load/department-registry.js';
import { openWriter } from '../src/db/prepare-database.js';
import { renderNationalReport } from '../src/synthetic/national/render-national-report.js';
import { postGraphQL, startTestServer } from './support/test-server.js';
import { tempConfig } from './support/temp-database.js';

/**
 * A national-framework report (财预〔2013〕53号), generated with its ground truth, goes through
 * the whole pipeline: a file ingested like any other, then read over GraphQL beside the real
 * Guangzhou report (docs/domain.md, "Other templates").
 */

const DEPARTMENT = { code: 'demo-nat-gaj', name: '示例市公安局' };
const report = renderNationalReport({ seed: 11, departmentName: DEPARTMENT.name, year: 2023 });
const truth = report.expected.document;

let server: Awaited<ReturnType<typeof startTestServer>>;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-national-'));
  const file = join(dir, 'national-2023.txt');
  writeFileSync(file, report.text);
  // The server's start-up seeds the real report; the national one is ingested first, by a writer.
  const config = tempConfig();
  const writer = await openWriter(config);
  await registerDepartments(writer.kysely, [
    { ...DEPARTMENT, aliases: [], sector: '政法', level: 'MUNICIPAL', synthetic: true },
  ]);
  await ingestFile(writer.kysely, file, { synthetic: true });
  await writer.close();
  server = await startTestServer({ databasePath: config.databasePath });
});
afterAll(async () => {
  await server.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

interface NationalReport {
  template: string;
  score: { total: number; weight: number; duty: null | object; management: null | object };
  expenditure: { total: { final: number }; basic: { final: number | null } };
  managementScores: { level1: string; level3: string; weight: number; score: number }[];
  indicators: { seq: number; name: string; measures: { flags: string[] }[] }[];
  dataQuality: { check: string; severity: string }[];
}

async function national(): Promise<NationalReport> {
  const { data, errors } = await postGraphQL<{ report: NationalReport }>(
    server.url,
    `{ report(department: "${DEPARTMENT.code}", year: 2023) {
        template
        score { total weight duty { score } management { score } }
        expenditure { total { final } basic { final } }
        managementScores { level1 level3 weight score }
        indicators { seq name measures { flags } }
        dataQuality { check severity } } }`,
  );
  expect(errors).toBeUndefined();
  return data!.report;
}

describe('a national-framework report, end to end', () => {
  it('is stored as NATIONAL_53 with its budget and its self-score, and no duty or management part', async () => {
    const r = await national();
    expect(r.template).toBe('NATIONAL_53');
    expect(r.score).toEqual({
      total: Number(truth.score.total),
      weight: 100,
      duty: null,
      management: null,
    });
    expect(r.expenditure.total.final).toBe(Number(truth.byNature.TOTAL.final));
    expect(r.expenditure.basic.final).toBe(
      truth.byNature.BASIC.final === null ? null : Number(truth.byNature.BASIC.final),
    );
  });

  it('keeps its 100-point score table of 投入 / 过程 / 产出 / 效果 rows', async () => {
    const r = await national();
    expect(r.managementScores.map((m) => [m.level1, m.level3, m.weight, m.score])).toEqual(
      truth.managementScores.map((m) => [m.level1, m.level3, Number(m.weight), Number(m.score)]),
    );
    expect(new Set(r.managementScores.map((m) => m.level1))).toEqual(
      new Set(['投入', '过程', '产出', '效果']),
    );
    expect(r.managementScores.reduce((sum, m) => sum + m.weight, 0)).toBeCloseTo(100, 9);
  });

  it('reads its key indicators and fires RATIO and CEILING exactly where the ground truth says', async () => {
    const r = await national();
    expect(r.indicators.map((i) => i.name)).toEqual(truth.indicators.map((i) => i.name));
    const fired = r.indicators.flatMap((i) =>
      i.measures.map((m, measureIndex) => ({
        seq: i.seq,
        measureIndex,
        rules: m.flags.filter((f) => f === 'RATIO' || f === 'CEILING'),
      })),
    );
    expect(fired).toEqual(report.expected.findings);
    // The seed is chosen so that the report has findings to get right.
    expect(fired.filter((f) => f.rules.length > 0).length).toBeGreaterThan(0);
  });

  it('says in data quality what the template does not have, instead of inventing it', async () => {
    const r = await national();
    expect(r.dataQuality).toContainEqual({ check: 'template.missing_part', severity: 'WARNING' });
  });

  it('is compared with the Guangzhou report with the mix named: templates lists both', async () => {
    const { data } = await postGraphQL<{ benchmark: { count: number; templates: string[] } }>(
      server.url,
      '{ benchmark(metric: SELF_SCORE, year: 2023) { count templates } }',
    );
    expect(data!.benchmark).toEqual({ count: 2, templates: ['GUANGZHOU', 'NATIONAL_53'] });
  });

  it('says which template each risk entry and each deduction group comes from', async () => {
    const { data } = await postGraphQL<{
      lowTargetRisk: { department: { code: string }; template: string }[];
      deductionTrends: { key: string; templates: string[] }[];
    }>(
      server.url,
      `{ lowTargetRisk(year: 2023) { department { code } template }
         deductionTrends(fromYear: 2023, toYear: 2023, by: LEVEL2) { key templates } }`,
    );
    expect(
      Object.fromEntries(data!.lowTargetRisk.map((r) => [r.department.code, r.template])),
    ).toEqual({ 'gz-zfw': 'GUANGZHOU', [DEPARTMENT.code]: 'NATIONAL_53' });
    const templates = new Set(data!.deductionTrends.flatMap((t) => t.templates));
    expect(templates).toEqual(new Set(['GUANGZHOU', 'NATIONAL_53']));
    // Each group holds the items of one framework here: 表4's level-2 groups and the national
    // table's differ.
    expect(data!.deductionTrends.every((t) => t.templates.length === 1)).toBe(true);
  });

  it('says of a risk entry resting on fewer than five measurable measures that it rests on too few', async () => {
    const { data } = await postGraphQL<{
      lowTargetRisk: { measurable: number; tooFew: boolean }[];
    }>(server.url, '{ lowTargetRisk(year: 2023) { measurable tooFew } }');
    expect(data!.lowTargetRisk.length).toBe(2);
    for (const r of data!.lowTargetRisk) expect(r.tooFew).toBe(r.measurable < 5);
  });
});
