import { builder } from './builder.js';

/*
 * Every enum value's description starts with its Chinese label in the printed schema: the labels
 * live in one table (enum-labels.ts), which also answers the enumLabels query field; the
 * descriptions here are the English explanation that follows the label.
 */

export const DepartmentLevelEnum = builder.enumType('DepartmentLevel', {
  description: 'Administrative level of a department (行政级别).',
  values: {
    PROVINCIAL: { description: 'Province.' },
    MUNICIPAL: { description: 'City.' },
    DISTRICT: { description: 'District of a city.' },
    COUNTY: { description: 'County.' },
  } as const,
});

export const ScoreDimensionEnum = builder.enumType('ScoreDimension', {
  description: 'The two parts of the self-evaluation score.',
  values: {
    DUTY: { description: '履职效能: duty performance (key indicators, 表3).' },
    MANAGEMENT: { description: '管理效率: management efficiency (表4).' },
  } as const,
});

export const SeverityEnum = builder.enumType('Severity', {
  description: 'How serious a data-quality finding is.',
  values: {
    INFO: {
      description:
        'Rounding-level difference (0.01 万元 per summed term), expected in published figures.',
    },
    WARNING: {
      description:
        'A stated figure or paragraph does not match the tables beyond rounding; worth a look.',
    },
    ERROR: {
      description: 'Figures that should balance do not: the report is internally inconsistent.',
    },
  } as const,
});

export const DirectionEnum = builder.enumType('Direction', {
  description: 'Which way a measure or metric is better.',
  values: {
    HIGHER_BETTER: { description: 'More is better (or ranks first by convention).' },
    LOWER_BETTER: { description: 'Less is better (or ranks first by convention).' },
    MILESTONE: { description: 'Done or not done by a date; no ratio.' },
    QUALITATIVE: { description: 'Described in words; not measurable.' },
  } as const,
});

export const PeerGroupEnum = builder.enumType('PeerGroup', {
  description: 'Whom a department is compared with in the same year.',
  values: {
    ALL: { description: 'Every department with a report that year.' },
    SECTOR: { description: 'Departments of the same sector (领域).' },
    LEVEL: { description: 'Departments of the same administrative level.' },
  } as const,
});

export const TrendEnum = builder.enumType('Trend', {
  description:
    'Direction of points lost over the years (least-squares slope; small slopes are FLAT).',
  values: {
    IMPROVING: { description: 'Fewer points lost over time.' },
    WORSENING: { description: 'More points lost over time.' },
    FLAT: { description: 'No clear change, or a single year.' },
  } as const,
});

export const ReportTemplateEnum = builder.enumType('ReportTemplate', {
  description: 'The template family a report follows; its scored items are named by it.',
  values: {
    GUANGZHOU: {
      description:
        'Guangzhou: 履职效能 (duty, 50 points, 表3 key indicators) + 管理效率 (management, 50 points, 表4).',
    },
    NATIONAL_53: {
      description:
        'The national common framework (财预〔2013〕53号): one 100-point table of 投入 / 过程 / 产出 / 效果, and a key indicator table.',
    },
  } as const,
});
