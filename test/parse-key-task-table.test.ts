import { describe, expect, it } from 'vitest';
import { parseKeyTaskTable } from '../src/ingest/report/parse-key-task-table.js';
import { realReportSlice } from './support/real-report.js';

const tasks = () => parseKeyTaskTable('real.txt', realReportSlice(14, 370));

describe('key task table (表1)', () => {
  it('reads the three key tasks with names joined across lines', () => {
    expect(tasks().map((t) => t.name)).toEqual([
      '信息化建设专项',
      '法学业务工作',
      '部门日常业务工作',
    ]);
  });

  it('puts target text resumed after a page break back into the target cell', () => {
    const first = tasks()[0]!;
    expect(first.targetText).toContain(
      '全清单权责管理”的执法司法制约监督和司法执法权力责任管理体系',
    );
    expect(
      first.targetText.endsWith(
        '四、通过其他信息化项目建设，提高部门间协同工作能力、办事效率和服务水平。',
      ),
    ).toBe(true);
  });

  it('keeps each actual cell whole, from its first to its last paragraph', () => {
    const [first, second, third] = tasks();
    expect(first!.actualText.startsWith('一、全力推进广东省政法跨部门大数据办案平台')).toBe(true);
    expect(first!.actualText).toContain('已通过平台交换协同业务97524次');
    expect(first!.actualText.endsWith('整体办事效率和服务水平。')).toBe(true);
    expect(second!.actualText.endsWith('中心做大做强。')).toBe(true);
    expect(third!.actualText.endsWith('有效促进了广州社会大局和谐稳定。')).toBe(true);
  });

  it('does not mix a cell into its neighbour', () => {
    const [first, second] = tasks();
    expect(first!.targetText).not.toContain('全力推进');
    expect(second!.targetText.startsWith('围绕党委政府工作大局')).toBe(true);
    expect(second!.targetText.endsWith('提供基层法律服务和中立法律服务。')).toBe(true);
  });
});
