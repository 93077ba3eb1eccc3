import {
  GraphQLError,
  getNamedType,
  isObjectType,
  isScalarType,
  type GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.js';
import { LOCAL_VIEWER, requireAdmin, type Viewer } from '../src/graphql/viewer.js';

/**
 * Every type of the schema that carries a department has an authorization rule, so that a type
 * added later cannot forget one: a DEPARTMENT token reaching another department's object gets
 * FORBIDDEN instead of the object (test/access-control.test.ts shows it on the wire).
 */

/** Types whose department code sits in a field that is no department link. */
const CODES_ELSEWHERE: Readonly<Record<string, string>> = {
  DeductionTrend: 'key: a department code when grouped by DEPARTMENT',
};

/** A text field that holds department codes, by its name (DeductionYear.departments is a count). */
const CODE_FIELD = /^(department|departments|departmentCode|departmentCodes)$/;

/** Why a type carries a department, or null. */
function departmentIn(type: GraphQLObjectType): string | null {
  if (type.name === 'Department') return 'it is a department';
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (named.name === 'Department') return `${field.name}: Department`;
    if (isScalarType(named) && ['ID', 'String'].includes(named.name) && CODE_FIELD.test(field.name))
      return `${field.name}: a code`;
  }
  return CODES_ELSEWHERE[type.name] ?? null;
}

interface PothosOptions {
  authScopes?: unknown;
  runScopesOnType?: boolean;
}
const pothosOptions = (node: { extensions: Record<string, unknown> }) =>
  (node.extensions.pothosOptions ?? {}) as PothosOptions;

const objectTypes = Object.values(schema.getTypeMap()).filter(
  (t): t is GraphQLObjectType =>
    isObjectType(t) && !t.name.startsWith('__') && t !== schema.getQueryType(),
);
const carriers = objectTypes
  .map((type) => ({ type: type.name, why: departmentIn(type), options: pothosOptions(type) }))
  .filter((c) => c.why !== null);

describe('the schema’s types that carry a department', () => {
  it('are found by the walk: links to Department, code fields, and codes in other fields', () => {
    expect(carriers.map((c) => c.type)).toEqual(
      expect.arrayContaining([
        'Department',
        'DepartmentEdge',
        'DepartmentConnection',
        'Report',
        'DataQualityIssue',
        'BenchmarkEntry',
        'ExpenditureStructure',
        'MetricSeries',
        'IndicatorOvershoot',
        'TargetRatchet',
        'DepartmentTargetRisk',
        'DeductionTrend',
      ]),
    );
  });

  it('each have an auth rule, checked once per object when a field returns it', () => {
    const without = carriers
      .filter(
        (c) => typeof c.options.authScopes !== 'function' || c.options.runScopesOnType !== true,
      )
      .map((c) => `${c.type} (${c.why})`);
    expect(without).toEqual([]);
  });
});

describe('the root fields that take department codes', () => {
  const fields = Object.values(schema.getQueryType()!.getFields()).filter((f) =>
    f.args.some((a) => ['department', 'departments', 'code'].includes(a.name)),
  );

  it('are found: report, department and the analytics with a departments argument', () => {
    expect(fields.map((f) => f.name).sort()).toEqual([
      'benchmark',
      'copiedActuals',
      'dataQuality',
      'deductionTrends',
      'department',
      'expenditureStructure',
      'expenditureStructurePage',
      'metricSeries',
      'overshootIndicators',
      'report',
      'targetAmbition',
      'targetRatchet',
      'targetRatchetPage',
      'targetSettingProfile',
      'thresholdClustering',
    ]);
  });

  it('each check the codes asked against the token before resolving', () => {
    const without = fields
      .filter((f) => typeof pothosOptions(f).authScopes !== 'function')
      .map((f) => f.name);
    expect(without).toEqual([]);
  });
});

describe('requireAdmin', () => {
  const viewers: [string, Viewer][] = [
    ['ANALYST', { role: 'ANALYST', department: null, tokenId: 'a' }],
    ['DEPARTMENT:gz-zfw', { role: 'DEPARTMENT', department: 'gz-zfw', tokenId: 'd' }],
  ];

  it('lets an ADMIN token through, and every request of a server in local mode', () => {
    expect(() =>
      requireAdmin({ viewer: { role: 'ADMIN', department: null, tokenId: 'x' } }),
    ).not.toThrow();
    expect(() => requireAdmin({ viewer: LOCAL_VIEWER })).not.toThrow();
  });

  it.each(viewers)('refuses a %s token with FORBIDDEN', (role, viewer) => {
    let thrown: unknown;
    try {
      requireAdmin({ viewer });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions.code).toBe('FORBIDDEN');
    expect((thrown as GraphQLError).message).toBe(
      `this needs an ADMIN token; the request's token is ${role}`,
    );
  });
});
