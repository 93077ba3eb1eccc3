import type { DepartmentEntry } from '../../src/ingest/load/department-registry.js';
import { fromUnits, toUnits } from '../../src/ingest/decimal.js';
import type { Deduction, ReportDocument } from '../../src/ingest/report-document.js';
import { parseReport } from '../../src/ingest/report/report-parser.js';
import { REAL_REPORT_FILE, realReportText } from './real-report.js';

/**
 * A small synthetic corpus for analytics tests: five labelled-synthetic departments over
 * 2020-2023 (one with a missing year), each report the real report's document with its
 * amounts and table-4 scores varied deterministically and kept consistent (parts add up),
 * except for two deliberate inconsistencies (fx-e 2022, fx-c 2021) for data-quality tests.
 */
export const FIXTURE_DEPARTMENTS: DepartmentEntry[] = [
  {
    code: 'fx-a',
    name: '测试夹具部门甲',
    aliases: [],
    sector: '政法',
    level: 'MUNICIPAL',
    synthetic: true,
  },
  {
    code: 'fx-b',
    name: '测试夹具部门乙',
    aliases: [],
    sector: '政法',
    level: 'DISTRICT',
    synthetic: true,
  },
  {
    code: 'fx-c',
    name: '测试夹具部门丙',
    aliases: [],
    sector: '教育',
    level: 'MUNICIPAL',
    synthetic: true,
  },
  {
    code: 'fx-d',
    name: '测试夹具部门丁',
    aliases: [],
    sector: '教育',
    level: 'DISTRICT',
    synthetic: true,
  },
  {
    code: 'fx-e',
    name: '测试夹具部门戊',
    aliases: [],
    sector: '卫生健康',
    level: 'DISTRICT',
    synthetic: true,
  },
];
export const FIXTURE_YEARS = [2020, 2021, 2022, 2023];
/** fx-b published nothing for 2021: a gap, not a zero. */
const MISSING = new Set(['fx-b/2021']);

const scale = (amount: string, factor: number): string =>
  fromUnits(((toUnits(amount) * BigInt(Math.round(factor * 1000))) / 1000n / 100n) * 100n);

function variedDocument(
  base: ReportDocument,
  dept: DepartmentEntry,
  index: number,
  year: number,
): ReportDocument {
  const doc: ReportDocument = structuredClone(base);
  const step = year - 2020;
  doc.year = year;
  doc.departmentName = dept.name;
  doc.title = `${year}年度${dept.name}部门整体支出绩效自评报告`;
  doc.sourceFile = `fixture/${dept.code}-${year}.txt`;
  // Categories grow at different, department-specific rates so shares move over the years.
  const personnelFactor = (0.4 + index * 0.3) * (1 + 0.03 * step);
  const publicFactor = (0.5 + index * 0.1) * (1 + 0.05 * step);
  const projectFactor = (0.3 + index * 0.45) * (1 + (index % 2 === 0 ? 0.1 : -0.06) * step);
  for (const stage of ['initialBudget', 'fullYearBudget', 'final'] as const) {
    const personnel = scale(base.byNature.PERSONNEL[stage]!, personnelFactor);
    const pub = scale(base.byNature.PUBLIC[stage]!, publicFactor);
    const project = scale(base.byNature.PROJECT[stage]!, projectFactor);
    const basic = fromUnits(toUnits(personnel) + toUnits(pub));
    doc.byNature.PERSONNEL[stage] = personnel;
    doc.byNature.PUBLIC[stage] = pub;
    doc.byNature.PROJECT[stage] = project;
    doc.byNature.BASIC[stage] = basic;
    doc.byNature.TOTAL[stage] = fromUnits(toUnits(basic) + toUnits(project));
  }
  const finalFactor = Number(doc.byNature.TOTAL.final) / Number(base.byNature.TOTAL.final);
  doc.expenditureByFunction = base.expenditureByFunction.map((f, i) => ({
    ...f,
    amount: scale(f.amount, finalFactor * (1 + 0.04 * ((i + index + step) % 3))),
  }));
  doc.revenueByFunction = base.revenueByFunction.map((f) => ({
    ...f,
    amount: scale(f.amount, finalFactor),
  }));
  doc.statedFigures = [];
  // Table 4: contract timeliness improves over the years for even departments, worsens for odd.
  const lost: Record<string, string> = {
    采购合同签订时效性: String(index % 2 === 0 ? Math.max(0, 3 - step) : Math.min(3, step)),
    合同备案时效性: String((index + step) % 2),
    采购政策效能: index === 4 ? '0.5' : '0',
  };
  doc.managementScores = base.managementScores.map((r) => {
    const points = lost[r.level3];
    return points === undefined
      ? r
      : { ...r, score: fromUnits(toUnits(r.weight) - toUnits(points)), scoreRate: null };
  });
  const management: Deduction[] = doc.managementScores
    .filter((r) => toUnits(r.weight) > toUnits(r.score))
    .map((r) => ({
      part: 'MANAGEMENT',
      item: r.level3,
      level2: r.level2,
      reason: null,
      points: fromUnits(toUnits(r.weight) - toUnits(r.score)),
      source: 'TABLE',
    }));
  const dutyPoints = fromUnits(BigInt(index) * 100n);
  const duty: Deduction[] =
    index === 0
      ? []
      : [
          {
            part: 'DUTY',
            item: null,
            level2: null,
            reason: '执行率未达100%',
            points: dutyPoints,
            source: 'PARAGRAPH',
          },
        ];
  doc.deductions = [...duty, ...management];
  const managementScore = fromUnits(
    doc.managementScores.reduce((a, r) => a + toUnits(r.score), 0n),
  );
  const dutyScore = fromUnits(toUnits('50') - toUnits(dutyPoints));
  doc.score = {
    total: fromUnits(toUnits(managementScore) + toUnits(dutyScore)),
    totalWeight: '100',
    duty: { score: dutyScore, weight: '50' },
    management: { score: managementScore, weight: '50' },
  };
  doc.notes = [];
  // Two deliberate inconsistencies, so that data-quality queries have something to find.
  if (dept.code === 'fx-e' && year === 2022) {
    doc.byNature.TOTAL.final = fromUnits(toUnits(doc.byNature.TOTAL.final!) + toUnits('1'));
  }
  if (dept.code === 'fx-c' && year === 2021) {
    doc.statedFigures = [{ name: 'basic_share', value: '99.99', unit: '%', line: 1 }];
  }
  return doc;
}

/** The fixture corpus: departments and their report documents (synthetic, labelled). */
export function fixtureCorpus(): {
  departments: DepartmentEntry[];
  documents: { code: string; document: ReportDocument }[];
} {
  const base = parseReport(realReportText(), REAL_REPORT_FILE);
  const documents = FIXTURE_DEPARTMENTS.flatMap((dept, index) =>
    FIXTURE_YEARS.filter((year) => !MISSING.has(`${dept.code}/${year}`)).map((year) => ({
      code: dept.code,
      document: variedDocument(base, dept, index, year),
    })),
  );
  return { departments: FIXTURE_DEPARTMENTS, documents };
}
