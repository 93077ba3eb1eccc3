import { describe, expect, it } from 'vitest';
import { readIndicators } from '../src/ingest/indicator/indicator-facts.js';
import { parseNationalReport } from '../src/ingest/report/national/parse-national-report.js';
import { splitLines } from '../src/ingest/report/source-text.js';
import { measureFlags } from '../src/rules/measure-flags.js';
import { renderNationalReport } from '../src/synthetic/national/render-national-report.js';

const DEPARTMENTS = [
  '示例市公安局',
  '示例市卫生健康委员会',
  '示例市东湖示范区民政局',
  '示例市西岭示范县农业农村局',
  '示例市某某服务中心',
];

const sample = Array.from({ length: 30 }, (_, i) => i + 1).flatMap((seed) =>
  DEPARTMENTS.map((departmentName) => {
    const report = renderNationalReport({ seed, departmentName, year: 2017 + (seed % 7) });
    const doc = parseNationalReport(report.expected.document.sourceFile, splitLines(report.text));
    return { report, readings: readIndicators(doc.indicators) };
  }),
);

/** RATIO and CEILING of each measure read, as the single-year rules give them. */
function flagsRead(readings: ReturnType<typeof readIndicators>) {
  return readings.flatMap((reading) =>
    reading.measures.map((m) => ({
      seq: reading.seq,
      measureIndex: m.measureIndex,
      rules: measureFlags(m).filter((r) => r === 'RATIO' || r === 'CEILING'),
    })),
  );
}

describe('key indicators of synthetic national reports', () => {
  it('are all understood by the normaliser', () => {
    for (const { readings } of sample) {
      for (const r of readings) expect(r.understood, `${r.name}: ${r.reason}`).toBe(true);
    }
  });

  it('read into the measures their texts were written to mean', () => {
    for (const { report, readings } of sample) {
      readings.forEach((reading, i) => {
        const intended = report.expected.intended[i]!;
        expect(reading.measures.map((m) => [m.comparator, m.direction, m.unit])).toEqual(
          intended.map((m) => [m.comparator, m.direction, m.unit]),
        );
      });
    }
  });

  it('give, through readIndicators and measureFlags, the expected RATIO and CEILING findings', () => {
    for (const { report, readings } of sample) {
      expect(flagsRead(readings), report.expected.document.sourceFile).toEqual(
        report.expected.findings,
      );
    }
  });

  it('store the CEILING flag that the expected findings name', () => {
    for (const { report, readings } of sample) {
      const expected = new Map(
        report.expected.findings.map((f) => [`${f.seq}/${f.measureIndex}`, f.rules]),
      );
      for (const reading of readings) {
        for (const m of reading.measures) {
          const rules = expected.get(`${reading.seq}/${m.measureIndex}`);
          expect(m.ceiling).toBe(rules?.includes('CEILING') ?? false);
        }
      }
    }
  });

  it('include RATIO and CEILING findings, on a minority of the measures', () => {
    const findings = sample.flatMap(({ report }) => report.expected.findings);
    const ratio = findings.filter((f) => f.rules.includes('RATIO')).length;
    const ceiling = findings.filter((f) => f.rules.includes('CEILING')).length;
    expect(ratio).toBeGreaterThan(0);
    expect(ceiling).toBeGreaterThan(0);
    expect(findings.filter((f) => f.rules.length > 0).length / findings.length).toBeLessThan(0.3);
  });
});
