import { graphql, isEnumType, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../src/analytics/metric-registry.js';
import { schema } from '../src/graphql/schema.js';
import { RequestBudget } from '../src/graphql/request-budget.js';
import { LOCAL_VIEWER } from '../src/graphql/viewer.js';

/**
 * Every enum value has a Chinese label (docs/domain.md, "Chinese labels of enum values"): in
 * `enumLabels`, and at the start of its description in the schema.
 */

interface EnumLabelRow {
  enum: string;
  value: string;
  label: string;
}

async function enumLabels(filter?: string): Promise<EnumLabelRow[]> {
  const result = await graphql({
    schema,
    source: 'query ($enum: String) { enumLabels(enum: $enum) { enum value label } }',
    variableValues: { enum: filter },
    // enumLabels reads no data: the context needs only what every field's plugins read.
    contextValue: { viewer: LOCAL_VIEWER, budget: RequestBudget.unlimited() },
  });
  expect(result.errors).toBeUndefined();
  return (result.data as { enumLabels: EnumLabelRow[] }).enumLabels;
}

/** The enums of the schema, introspection's own (`__TypeKind` …) left out. */
const schemaEnums = (): GraphQLEnumType[] =>
  Object.values(schema.getTypeMap())
    .filter(isEnumType)
    .filter((t) => !t.name.startsWith('__'));

const CHINESE = /[\u4e00-\u9fff]/;

describe('enumLabels', () => {
  it('gives every value of every enum in the schema a Chinese label', async () => {
    const labels = new Map((await enumLabels()).map((r) => [`${r.enum}.${r.value}`, r.label]));
    const missing = schemaEnums()
      .flatMap((t) => t.getValues().map((v) => `${t.name}.${v.name}`))
      .filter((key) => !CHINESE.test(labels.get(key) ?? ''));
    expect(missing).toEqual([]);
    expect(schemaEnums().length).toBeGreaterThanOrEqual(13);
  });

  it('labels only values the schema has', async () => {
    const values = new Set(
      schemaEnums().flatMap((t) => t.getValues().map((v) => `${t.name}.${v.name}`)),
    );
    const stale = (await enumLabels())
      .map((r) => `${r.enum}.${r.value}`)
      .filter((key) => !values.has(key));
    expect(stale).toEqual([]);
  });

  it('puts each label at the start of the value’s description', async () => {
    const labels = new Map((await enumLabels()).map((r) => [`${r.enum}.${r.value}`, r.label]));
    const unlabelled = schemaEnums()
      .flatMap((t) => t.getValues().map((v) => [`${t.name}.${v.name}`, v.description ?? '']))
      .filter(([key, description]) => !description!.startsWith(`${labels.get(key!)}: `));
    expect(unlabelled).toEqual([]);
    const admission = schema.getType('Admission') as GraphQLEnumType;
    expect(admission.getValue('ADMITTED_AND_DETECTED')!.description).toBe(
      '承认且检出: The problem list admits it and findings confirm it.',
    );
    const level = schema.getType('DepartmentLevel') as GraphQLEnumType;
    expect(level.getValue('MUNICIPAL')!.description).toBe('市级: City.');
  });

  it('labels metric names with the registry’s Chinese labels', async () => {
    const rows = await enumLabels('MetricName');
    expect(rows.map((r) => [r.value, r.label])).toEqual(
      Object.entries(METRICS).map(([name, m]) => [name, m.label]),
    );
    expect(rows.find((r) => r.value === 'BASIC_SHARE')!.label).toBe('基本支出占比');
  });

  it('answers one enum when asked, and nothing for an enum it does not know', async () => {
    expect(await enumLabels('Direction')).toEqual([
      { enum: 'Direction', value: 'HIGHER_BETTER', label: '越高越好' },
      { enum: 'Direction', value: 'LOWER_BETTER', label: '越低越好' },
      { enum: 'Direction', value: 'MILESTONE', label: '里程碑' },
      { enum: 'Direction', value: 'QUALITATIVE', label: '定性' },
    ]);
    expect(await enumLabels('Nope')).toEqual([]);
  });
});
