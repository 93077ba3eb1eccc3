import type { Selectable } from 'kysely';
import type { IndicatorsTable, KeyTasksTable } from '../db/tables.js';
import { builder } from './builder.js';

export const KeyTaskRef = builder.objectRef<Selectable<KeyTasksTable>>('KeyTask').implement({
  description: '表1: a key task of the year with its performance target and what was completed.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Row order in table 1.' }),
    name: t.exposeString('name', { description: '年度重点工作任务: task name.' }),
    targetText: t.exposeString('target_text', { description: '任务绩效目标: target text.' }),
    actualText: t.exposeString('actual_text', { description: '实际完成情况: completion text.' }),
  }),
});

export const PerformanceIndicatorRef = builder
  .objectRef<Selectable<IndicatorsTable>>('PerformanceIndicator')
  .implement({
    description: '表3: a key duty indicator (履职效能关键指标), texts as published.',
    fields: (t) => ({
      seq: t.exposeInt('seq', { description: 'Row number (序号).' }),
      name: t.exposeString('name', { description: '指标名称: indicator name.' }),
      targetText: t.exposeString('target_text', { description: '预期实现值: target text.' }),
      actualText: t.exposeString('actual_text', { description: '实际完成值: actual text.' }),
    }),
  });
