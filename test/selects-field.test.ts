import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField } from '../src/graphql/selects-field.js';

/**
 * selectsField tells a resolver whether the query asks, inside the field being resolved, for a
 * child of a given name: how a report's indicators start loading their measures at once.
 */

const schema = buildSchema(`
  type Measure { value: Int }
  type Indicator { name: String, measures: [Measure] }
  type Query { indicators: [Indicator] }
`);

/** Whether `indicators` asks for `measures`, in this query. */
async function asksForMeasures(query: string): Promise<boolean> {
  let asked: boolean | undefined;
  const rootValue = {
    indicators: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      asked = selectsField(info, 'measures');
      return [];
    },
  };
  const result = await graphql({ schema, source: query, rootValue });
  expect(result.errors).toBeUndefined();
  return asked!;
}

describe('selectsField', () => {
  it('finds a child field selected directly', async () => {
    expect(await asksForMeasures('{ indicators { name measures { value } } }')).toBe(true);
  });

  it('finds it under an alias by its field name', async () => {
    expect(await asksForMeasures('{ indicators { m: measures { value } } }')).toBe(true);
  });

  it('finds it inside an inline fragment', async () => {
    expect(
      await asksForMeasures('{ indicators { ... on Indicator { measures { value } } } }'),
    ).toBe(true);
  });

  it('finds it inside a named fragment, also one spread from another', async () => {
    const query = `{ indicators { ...Outer } }
      fragment Outer on Indicator { name ...Inner }
      fragment Inner on Indicator { measures { value } }`;
    expect(await asksForMeasures(query)).toBe(true);
  });

  it('says no when only other fields are selected', async () => {
    expect(await asksForMeasures('{ indicators { name } }')).toBe(false);
  });

  it('says no for a field of that name deeper down, not a direct child', async () => {
    const deeper = buildSchema(`
      type Measure { value: Int }
      type Indicator { name: String, measures: [Measure] }
      type Wrapper { indicator: Indicator }
      type Query { wrappers: [Wrapper] }
    `);
    let asked: boolean | undefined;
    const rootValue = {
      wrappers: (_a: unknown, _c: unknown, info: GraphQLResolveInfo) => {
        asked = selectsField(info, 'measures');
        return [];
      },
    };
    const source = '{ wrappers { indicator { measures { value } } } }';
    expect((await graphql({ schema: deeper, source, rootValue })).errors).toBeUndefined();
    expect(asked).toBe(false);
  });
});
