import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { authScopesOf, forbiddenError, type AuthScopes } from './auth-scopes.js';
import type { GraphQLContext } from './context.js';
import { enumLabelsPluginName } from './enum-labels-plugin.js';
import { requestBudgetPluginName } from './request-budget-plugin.js';

/**
 * The Pothos builder, configured once: context type, scope auth (who may read which department:
 * auth-scopes.ts, department-access.ts), the complexity plugin, and the enum-labels plugin (each
 * enum value's description starts with its Chinese label, from enum-labels.ts).
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  AuthScopes: AuthScopes;
}>({
  // Scope auth first, so that no other plugin's wrapper runs for a refused field.
  // The request budget (request-budget-plugin.ts): every field checks the deadline and counts
  // the objects it returns.
  plugins: [ScopeAuthPlugin, ComplexityPlugin, enumLabelsPluginName, requestBudgetPluginName],
  scopeAuth: { authScopes: authScopesOf, unauthorizedError: forbiddenError },
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
