import type { DepartmentEntry } from '../../src/ingest/load/department-registry.js';
import { realReportText } from './real-report.js';

const REAL_NAME = '中国共产党广州市委员会政法委员会';

/**
 * Copies of the real report under other, synthetic department names (labelled synthetic), for
 * tests that need many departments with real-looking reports. Only the title changes.
 */
export function syntheticCopies(count: number): {
  departments: DepartmentEntry[];
  reports: { file: string; text: string }[];
} {
  const departments: DepartmentEntry[] = [];
  const reports: { file: string; text: string }[] = [];
  const text = realReportText();
  for (let i = 1; i <= count; i++) {
    const name = `合成测试部门${String(i).padStart(3, '0')}`;
    departments.push({
      code: `syn-${i}`,
      name,
      aliases: [],
      sector: '测试',
      level: 'DISTRICT',
      synthetic: true,
    });
    reports.push({
      file: `synthetic-${i}.txt`,
      text: text.replace(/^ 2023年度中国共产党广州市委员会政法\n委员会/, ` 2023年度${name}`),
    });
  }
  if (!reports[0]?.text.includes('合成测试部门') && count > 0)
    throw new Error(`title of ${REAL_NAME} not found to rename`);
  return { departments, reports };
}
