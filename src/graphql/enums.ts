import { builder } from './builder.js';

export const DepartmentLevelEnum = builder.enumType('DepartmentLevel', {
  description: 'Administrative level of a department (行政级别).',
  values: {
    PROVINCIAL: { description: '省级' },
    MUNICIPAL: { description: '市级' },
    DISTRICT: { description: '区级' },
    COUNTY: { description: '县级' },
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
