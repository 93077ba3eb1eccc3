import { builder } from './builder.js';
import { enumLabelRows, type EnumLabel } from './enum-labels.js';

const EnumLabelRef = builder.objectRef<EnumLabel>('EnumLabel').implement({
  description:
    'The Chinese label of one enum value, so that a dashboard or BI tool can show 承认且检出 for ADMITTED_AND_DETECTED without parsing descriptions.',
  fields: (t) => ({
    enum: t.exposeString('enum', { description: 'The enum type, e.g. Admission.' }),
    value: t.exposeString('value', {
      description: 'The value as the API returns it, e.g. ADMITTED_AND_DETECTED.',
    }),
    label: t.exposeString('label', { description: 'Chinese label (中文标签), e.g. 承认且检出.' }),
  }),
});

builder.queryFields((t) => ({
  enumLabels: t.field({
    type: [EnumLabelRef],
    description:
      'The Chinese label of every value of every enum of the schema (the same label starts each value’s description).',
    args: {
      enum: t.arg.string({
        required: false,
        description: 'Only this enum’s values (e.g. Direction); all enums when omitted.',
      }),
    },
    resolve: (_root, args) => enumLabelRows(args.enum),
  }),
}));
