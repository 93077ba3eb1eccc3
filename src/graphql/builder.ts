import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import type { GraphQLContext } from './context.js';

/** The Pothos builder, configured once: context type and the complexity plugin. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
}>({
  plugins: [ComplexityPlugin],
  defaultFieldNullability: false,
  complexity: {
    // Limits are enforced at validation time by the server (query-limits.ts), so that a request
    // over them gets a 400 naming the limit instead of a partial 200.
    defaultComplexity: 1,
    defaultListMultiplier: 5,
  },
});

builder.queryType({
  description:
    'Read-only analytics over department performance self-evaluation reports (部门整体支出绩效自评报告).',
});
