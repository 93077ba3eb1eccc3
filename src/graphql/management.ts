import type { Selectable } from 'kysely';
import type { DeductionsTable, ManagementScoresTable } from '../db/tables.js';
import { builder } from './builder.js';
import { sourceOf, SourceLocationRef } from './source.js';
import { ScoreDimensionEnum } from './enums.js';
import { toFloat, toFloatStrict } from './numbers.js';

export const ManagementScoreRef = builder
  .objectRef<Selectable<ManagementScoresTable>>('ManagementScore')
  .implement({
    description: '表4: one level-3 management-efficiency indicator with its weight and score.',
    fields: (t) => ({
      seq: t.exposeInt('seq', { description: 'Row order in table 4.' }),
      level1: t.exposeString('level1', { description: '一级指标: level-1 indicator.' }),
      level2: t.exposeString('level2', {
        description: '二级指标: level-2 indicator (预算编制, 采购管理, …).',
      }),
      level3: t.exposeString('level3', { description: '三级指标: level-3 indicator.' }),
      weight: t.float({
        resolve: (r) => toFloatStrict(r.weight),
        description: '分值: points available.',
      }),
      score: t.float({
        resolve: (r) => toFloatStrict(r.score),
        description: '得分: points scored.',
      }),
      scoreRate: t.float({
        description: '得分率: score / weight as a fraction, computed from the exact figures.',
        resolve: (r) =>
          toFloatStrict(r.weight) === 0 ? 0 : toFloatStrict(r.score) / toFloatStrict(r.weight),
      }),
      source: t.field({
        type: SourceLocationRef,
        nullable: true,
        description: 'Where the row was read: file, page and line.',
        resolve: (r) =>
          sourceOf(
            r,
            `${r.level3} ${r.weight} ${r.score}${r.score_rate === null ? '' : ` ${r.score_rate}%`}`,
          ),
      }),
      statedScoreRate: t.float({
        nullable: true,
        description: '得分率 as printed, as a fraction (0.3333 for 33.33%).',
        resolve: (r) => (r.score_rate === null ? null : toFloatStrict(r.score_rate) / 100),
      }),
    }),
  });

export const DeductionRef = builder.objectRef<Selectable<DeductionsTable>>('Deduction').implement({
  description:
    '扣分: points lost in one part of the self-evaluation, with the item and the stated reason.',
  fields: (t) => ({
    part: t.field({
      type: ScoreDimensionEnum,
      resolve: (d) => d.part,
      description: 'DUTY (履职效能) or MANAGEMENT (管理效率).',
    }),
    item: t.exposeString('item', {
      nullable: true,
      description: 'Level-3 indicator that lost the points, when known.',
    }),
    level2: t.exposeString('level2', {
      nullable: true,
      description: 'Its level-2 indicator, when known.',
    }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'The reason the analysis paragraph gives.',
    }),
    points: t.float({ resolve: (d) => toFloat(d.points) ?? 0, description: 'Points lost.' }),
    source: t.exposeString('source', {
      description:
        'Where it was found: TABLE (表4 weight − score), PARAGRAPH (analysis text) or BOTH.',
    }),
    sourceLocation: t.field({
      type: SourceLocationRef,
      nullable: true,
      description:
        'File, page and line of the scored row the points were read from; null when only a paragraph states them.',
      resolve: (d) => sourceOf(d, `${d.item ?? ''} −${d.points}`),
    }),
  }),
});
