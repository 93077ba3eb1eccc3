import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWriter } from '../src/db/prepare-database.js';
import { registerDepartments } from '../src/ingest/load/department-registry.js';
import { loadReport } from '../src/ingest/load/report-loader.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { startServer, type RunningServer } from '../src/server.js';
import { OvershootIndicatorsDocument, TargetRatchetDocument } from './generated/graphql.js';
import { syntheticCopies } from './support/synthetic-copies.js';
import { tempConfig } from './support/temp-database.js';
import { execute } from './support/test-server.js';

/**
 * A synthetic department (a copy of the real report) with a second, edited year: fans target
 * lowered below last year's actual and beaten again, the demonstration-centre target raised to
 * exactly last year's actual, and the repeat-consultation cap tightened but still above last
 * year's 4.75 %.
 */
function nextYear(text: string): string {
  const edits: [string, string][] = [
    [' 2023年度合成测试部门001', ' 2024年度合成测试部门001'],
    ['号粉丝总数累计超过 170万人。', '号粉丝总数累计超过 200万人。'],
    ['210.96万人。', '250万人。'],
    ['培育标准化示范综治中心 10\n个。', '培育标准化示范综治中心 12\n个。'],
    ['复咨询比例低于 20%。', '复咨询比例低于 10%。'],
    ['重复咨询比例 4.75%。', '重复咨询比例 4%。'],
  ];
  return edits.reduce((t, [from, to]) => {
    if (!t.includes(from)) throw new Error(`fixture edit not found: ${from}`);
    return t.replace(from, to);
  }, text);
}

let server: RunningServer;
let cleanup: () => void;
beforeAll(async () => {
  const config = tempConfig();
  cleanup = config.cleanup;
  const writer = await openWriter(config);
  const { departments, reports } = syntheticCopies(1);
  await registerDepartments(writer.kysely, departments);
  // Load the later year first: the links must be made whichever year arrives first.
  const later = nextYear(reports[0]!.text);
  await loadReport(writer.kysely, parseReport(later, 'syn-2024.txt'), later, { synthetic: true });
  await loadReport(writer.kysely, parseReport(reports[0]!.text, 'syn-2023.txt'), reports[0]!.text, {
    synthetic: true,
  });
  await writer.close();
  server = await startServer(config, () => {});
});
afterAll(async () => {
  await server.stop();
  cleanup();
});

describe('targetRatchet', () => {
  it("finds targets set below last year's actual, mirrored for lower-better, and explains the match", async () => {
    const { data, errors } = await execute(server.url, TargetRatchetDocument, {
      departments: ['syn-1'],
    });
    expect(errors).toBeUndefined();
    // Every target of 2024 left below what 2023 achieved is a failure, edited or not: the
    // real report's targets were beaten, so keeping them unchanged is itself the problem.
    expect(
      data!.targetRatchet.map((r) => [
        r.indicator.name,
        r.previousActual,
        r.target,
        r.measure.direction,
      ]),
    ).toEqual([
      ['新媒体宣传影响力提升', 2_109_600, 2_000_000, 'HIGHER_BETTER'],
      ['群防共治人员数量', 665_500, 650_000, 'HIGHER_BETTER'],
      ['刑事案件法律援助处置率', 1, 0.9, 'HIGHER_BETTER'],
      ['刑事案件电子送达率', 0.9671, 0.9, 'HIGHER_BETTER'],
      ['刑事案件网上批捕、起诉率', 1, 0.9, 'HIGHER_BETTER'],
      ['刑事案件网上提捕、移送审查起诉率', 0.9522, 0.9, 'HIGHER_BETTER'],
      ['刑事案件网上提捕、移送审查起诉率', 0.9502, 0.9, 'HIGHER_BETTER'],
      ['信息化建设类考核情况', 0, 0.05, 'LOWER_BETTER'],
      ['社会治安突出问题排查整治成效', 16, 10, 'HIGHER_BETTER'],
      ['社会治安突出问题排查整治成效', 1, 0.85, 'HIGHER_BETTER'],
      ['群众重复咨询比例', 0.0475, 0.1, 'LOWER_BETTER'],
    ]);
    expect(data!.targetRatchet.every((r) => r.year === 2024)).toBe(true);
    expect(data!.targetRatchet[0]!.matchedBy).toBe("same key '新媒体宣传影响力提升'");
  });

  it("does not count a target equal to last year's actual, nor milestones", async () => {
    const { data } = await execute(server.url, TargetRatchetDocument, { departments: ['syn-1'] });
    const names = data!.targetRatchet.map((r) => r.indicator.name);
    for (const kept of ['打造示范项目', '期刊发行情况', '专题宣传教育活动', '第三方验收测评'])
      expect(names).not.toContain(kept);
  });
});

describe('CHRONIC', () => {
  it('fires for an indicator overshooting in two consecutive years, and only in the second', async () => {
    const { data } = await execute(server.url, OvershootIndicatorsDocument, {
      departments: ['syn-1'],
      fromYear: 2023,
      toYear: 2024,
      first: 1000,
    });
    const chronic = data!.overshootIndicators
      .filter((f) => f.rule === 'CHRONIC')
      .map((f) => [f.year, f.indicator.seq]);
    // 2024: fans 250 vs 200 (1.25) after 1.24; repeat consultations 4 % vs 10 % after 4.75 % vs 20 %;
    // the ceiling hits of 2023 recur unchanged in 2024.
    expect(chronic).toEqual(
      expect.arrayContaining([
        [2024, 2],
        [2024, 15],
        [2024, 9],
        [2024, 11],
        [2024, 13],
      ]),
    );
    expect(chronic.some(([year]) => year === 2023)).toBe(false);
    expect(chronic.some(([, seq]) => seq === 5)).toBe(false);
  });
});
