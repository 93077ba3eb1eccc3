import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/report/source-text.js';
import { OvershootIndicatorsDocument } from './generated/graphql.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';
import { execute, postGraphQL, startTestServer } from './support/test-server.js';

/** Every stored figure keeps where it was read: file, page and line (docs/domain.md, "Provenance"). */

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.cleanup());

const lines = splitLines(realReportText());
const lineAt = (no: number) => lines.find((l) => l.no === no)!;

describe('provenance on the real report', () => {
  it('puts every overshootIndicators finding at the page and line of its indicator’s 表3 row', async () => {
    const { data, errors } = await execute(server.url, OvershootIndicatorsDocument, {
      fromYear: 2023,
      toYear: 2023,
    });
    expect(errors).toBeUndefined();
    const findings = data!.overshootIndicators;
    expect(findings).toHaveLength(8);
    for (const f of findings) {
      const source = f.source!;
      expect(source.file).toBe(REAL_REPORT_FILE);
      const line = lineAt(source.line);
      // The row's line starts with its 序号, and the page is the page that line is on.
      expect(line.text.startsWith(`${f.indicator.seq}`)).toBe(true);
      expect(source.page).toBe(line.page);
      expect(source.text).toContain(f.indicator.name);
    }
    expect(findings.map((f) => f.source!.page).sort()).toEqual([7, 7, 8, 8, 8, 8, 8, 8]);
  });

  it('puts each 表4 row and each functional-class amount at the line it was read from', async () => {
    const { data } = await postGraphQL<{
      report: {
        managementScores: { level3: string; source: { line: number; page: number } }[];
        revenueBudget: { amount: number; source: { line: number; page: number } }[];
      };
    }>(
      server.url,
      `{ report(department: "gz-zfw", year: 2023) {
          managementScores { level3 source { line page } }
          revenueBudget { amount source { line page } } } }`,
    );
    const { managementScores, revenueBudget } = data!.report;
    expect(managementScores).toHaveLength(23);
    for (const row of managementScores) {
      const line = lineAt(row.source.line);
      expect(row.source.page).toBe(line.page);
      expect(line.text.replace(/\s/g, '')).toContain(row.level3.slice(0, 2));
    }
    expect(revenueBudget).toHaveLength(6);
    for (const { amount, source } of revenueBudget) {
      // The class name may sit on the line before; the amount is on the line recorded.
      expect(lineAt(source.line).text.replace(/[\s,]/g, '')).toContain(amount.toFixed(2));
      expect(source.page).toBe(lineAt(source.line).page);
    }
  });

  it('puts each 表2 row at its line, where its three amounts are printed', async () => {
    const { data } = await postGraphQL<{
      report: {
        expenditure: Record<
          string,
          { initialBudget: number; final: number; source: { line: number; page: number } }
        >;
      };
    }>(
      server.url,
      `{ report(department: "gz-zfw", year: 2023) { expenditure {
          total { initialBudget final source { line page } }
          basic { initialBudget final source { line page } }
          personnel { initialBudget final source { line page } }
          public { initialBudget final source { line page } }
          project { initialBudget final source { line page } } } } }`,
    );
    const rows = Object.values(data!.report.expenditure);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const printed = (
        lineAt(row.source.line)
          .text.replace(/,/g, '')
          .match(/\d+\.\d+/g) ?? []
      ).map(Number);
      expect(printed).toContain(row.initialBudget);
      expect(printed).toContain(row.final);
      expect(row.source.page).toBe(lineAt(row.source.line).page);
    }
  });

  it('puts each deduction read from 表4 at its scored row, and none at a paragraph-only one', async () => {
    const { data } = await postGraphQL<{
      report: {
        managementScores: { level3: string; source: { line: number } }[];
        deductions: {
          item: string | null;
          source: string;
          sourceLocation: { line: number } | null;
        }[];
      };
    }>(
      server.url,
      `{ report(department: "gz-zfw", year: 2023) {
          managementScores { level3 source { line } }
          deductions { item source sourceLocation { line } } } }`,
    );
    const { managementScores, deductions } = data!.report;
    expect(deductions).toHaveLength(4);
    for (const d of deductions) {
      if (d.source === 'PARAGRAPH') expect(d.sourceLocation).toBeNull();
      else
        expect(d.sourceLocation!.line).toBe(
          managementScores.find((m) => m.level3 === d.item)!.source.line,
        );
    }
    expect(deductions.filter((d) => d.sourceLocation !== null)).toHaveLength(3);
  });
});
